"""Kedut: a local-first tracker for knee twitching."""
