"""Profile names are found as typed, in any script, and two names that differ only in
case are one name."""

from __future__ import annotations

import json
from pathlib import Path

from tests.integration.kedut_cli import kedut


def _listed(data_dir: Path, profile: str) -> dict[str, object]:
    result = kedut(data_dir, "--profile", profile, "list", "--format", "json")
    assert result.returncode == 0, result.stderr
    document: dict[str, object] = json.loads(result.stdout)
    return document


def test_a_profile_with_a_name_in_another_script_is_found_and_its_case_twin_refused(
    tmp_path: Path,
) -> None:
    for name in ("Ани", "Şule"):
        assert kedut(tmp_path, "profiles", "add", name).returncode == 0
        logged = kedut(tmp_path, "--profile", name, "log", "twitch", "--at", "2026-11-20T08:00")
        assert logged.returncode == 0, logged.stderr
        episodes = _listed(tmp_path, name)["episodes"]
        assert isinstance(episodes, list) and len(episodes) == 1

    twin = kedut(tmp_path, "profiles", "add", "АНИ")
    assert twin.returncode == 2
    assert "nothing was stored" in twin.stderr and "Traceback" not in twin.stderr
    # The case twin of a name still finds the one profile.
    assert _listed(tmp_path, "şule")["profile"] == "Şule"
