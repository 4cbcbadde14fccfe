"""One function per user action; each opens its own transaction."""
