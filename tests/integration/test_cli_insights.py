"""`warnings` and `insights` from the command line, in DESIGN.md's JSON shapes."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.integration.kedut_cli import kedut
from tracker.storage.migrate import HEAD_REVISION

TODAY = "2026-11-25"
RESULT_KEYS = {
    "factor",
    "lag_days",
    "kind",
    "n",
    "rho",
    "ci_low",
    "ci_high",
    "p_value",
    "q_value",
    "early",
    "n_with",
    "n_without",
    "mean_with",
    "mean_without",
    "diff",
}
WARNING_KEYS = {
    "rule",
    "level",
    "body_site",
    "side",
    "first_day",
    "last_day",
    "episode_days",
    "days",
    "message",
}


def _json(data_dir: Path, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    result = kedut(data_dir, *args, "--json", env=env)
    assert result.returncode == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("demo")
    assert kedut(data_dir, "demo", "--days", "120", "--seed", "7", "--end", TODAY).returncode == 0
    return data_dir


def test_insights_json_has_the_design_shape_on_demo_data(demo_dir: Path) -> None:
    document = _json(demo_dir, "--profile", "Demo", "insights", "--today", TODAY)
    assert (document["from"], document["to"], document["days"]) == ("2026-07-29", TODAY, 120)
    assert document["results"], "the demo diary has enough days for results"
    for result in document["results"]:
        assert set(result) >= RESULT_KEYS
        assert result["kind"] in ("numeric", "binary")
        assert result["ci_low"] <= result["ci_high"]
        assert 0 <= result["p_value"] <= result["q_value"] <= 1
        if result["kind"] == "numeric":
            assert result["rho"] is not None and result["n_with"] is None
        else:
            assert result["n_with"] + result["n_without"] == result["n"]
            assert result["rho"] is None
    q_values = [r["q_value"] for r in document["results"]]
    assert q_values == sorted(q_values)
    hidden = {(h["factor"], h["lag_days"]): h["reason"] for h in document["hidden"]}
    assert hidden[("on_estrogen", 0)] == "never_logged"


def test_insights_honours_from_and_to(demo_dir: Path) -> None:
    document = _json(
        demo_dir,
        "--profile",
        "Demo",
        "insights",
        "--today",
        TODAY,
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-20",
    )
    assert (document["from"], document["to"], document["days"]) == ("2026-11-01", "2026-11-20", 20)
    assert all(r["n"] <= 20 for r in document["results"])


def test_insights_refuses_a_range_that_ends_before_it_starts(demo_dir: Path) -> None:
    result = kedut(
        demo_dir, "--profile", "Demo", "insights", "--from", "2026-11-20", "--to", "2026-11-01"
    )
    assert result.returncode == 2
    assert "Start date (--from): '2026-11-20' is not allowed" in result.stderr


def test_warnings_json_has_the_design_shape_on_demo_data(demo_dir: Path) -> None:
    document = _json(demo_dir, "--profile", "Demo", "warnings", "--today", TODAY)
    assert document["today"] == TODAY
    rules = [w["rule"] for w in document["warnings"]]
    assert rules[0] == "red_flag" and "recurring" in rules
    for warning in document["warnings"]:
        assert set(warning) >= WARNING_KEYS
        assert warning["days"] == sorted(warning["days"])
        assert (warning["first_day"], warning["last_day"]) == (
            warning["days"][0],
            warning["days"][-1],
        )
        assert warning["episode_days"] == len(warning["days"])
        assert "cause" not in warning["message"]
    red_flag = document["warnings"][0]
    assert "sharp pain" in red_flag["message"] and "doctor" in red_flag["message"]


def test_warnings_read_in_indonesian(demo_dir: Path) -> None:
    document = _json(
        demo_dir, "--profile", "Demo", "warnings", "--today", TODAY, env={"KEDUT_LANG": "id"}
    )
    assert "dokter" in document["warnings"][0]["message"]


def test_soft_deleted_episodes_never_count(tmp_path: Path) -> None:
    ids = [
        kedut(
            tmp_path, "log", "twitch", "--at", f"2026-11-{day}T09:00+07:00", "--weakness"
        ).stdout.strip()
        for day in (21, 23, 25)
    ]
    assert [w["rule"] for w in _json(tmp_path, "warnings", "--today", TODAY)["warnings"]] == [
        "red_flag",
        "recurring",
    ]
    from tracker.services.episodes import delete_episode
    from tracker.storage import open_store

    store = open_store(tmp_path)
    for episode_id in ids[1:]:
        delete_episode(store, 1, int(episode_id))
    store.close()
    remaining = _json(tmp_path, "warnings", "--today", TODAY)["warnings"]
    assert [(w["rule"], w["days"]) for w in remaining] == [("red_flag", ["2026-11-21"])]
    assert "weak leg" in remaining[0]["message"] and "today or tomorrow" in remaining[0]["message"]


def test_readable_output_says_linked_not_caused(demo_dir: Path) -> None:
    text = kedut(demo_dir, "--profile", "Demo", "insights", "--today", TODAY).stdout
    assert "not what causes it" in text
    assert "Findings, strongest evidence first" in text
    warnings_text = kedut(demo_dir, "--profile", "Demo", "warnings", "--today", TODAY).stdout
    assert warnings_text.startswith("[SEE A DOCTOR]")


def test_an_empty_diary_has_no_warnings_and_no_results(tmp_path: Path) -> None:
    assert _json(tmp_path, "warnings", "--today", TODAY) == {"today": TODAY, "warnings": []}
    document = _json(tmp_path, "insights", "--today", TODAY)
    assert (document["days"], document["results"]) == (1, [])


@pytest.mark.parametrize("command", ["insights", "warnings"])
def test_reading_a_current_store_loads_no_sqlalchemy_alembic_or_scipy(
    demo_dir: Path, command: str
) -> None:
    # The whole `insights --json` process is timed (DESIGN.md "Budgets"): importing
    # SQLAlchemy or scipy.special alone took longer than it may.
    result = kedut(
        demo_dir,
        *("--profile", "Demo", command, "--today", TODAY, "--json"),
        env={"PYTHONPROFILEIMPORTTIME": "1"},
    )
    assert result.returncode == 0, result.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    heavy = sorted(m for m in imported if m.split(".")[0] in ("sqlalchemy", "alembic", "scipy"))
    assert heavy == []
    assert json.loads(result.stdout)


def test_insights_on_an_older_store_migrates_it_first(demo_dir: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "older"
    data_dir.mkdir()
    db_path = data_dir / "kedut.sqlite3"
    db_path.write_bytes((demo_dir / "kedut.sqlite3").read_bytes())
    with sqlite3.connect(db_path) as con:
        for index in ("live_day", "live_start", "live_red_flag"):  # added by 0005 and 0006
            con.execute(f"DROP INDEX ix_twitch_episode_{index}")
        con.execute("DROP TABLE episode_day")  # made by 0007, with its triggers
        for trigger in ("insert", "update", "delete"):
            con.execute(f"DROP TRIGGER episode_day_{trigger}")
        con.execute("UPDATE alembic_version SET version_num = '0004'")

    older = _json(data_dir, "--profile", "Demo", "insights", "--today", TODAY)

    assert older == _json(demo_dir, "--profile", "Demo", "insights", "--today", TODAY)
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
        assert con.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'ix_twitch_episode_live_day'"
        ).fetchone()


def test_insights_for_an_unknown_profile_says_so(demo_dir: Path) -> None:
    result = kedut(demo_dir, "--profile", "Nobody", "insights", "--today", TODAY, "--json")
    assert result.returncode == 2
    assert "'Nobody' not found (existing: Demo)" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_damaged_store_is_explained_not_a_traceback(demo_dir: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "damaged"
    data_dir.mkdir()
    data = bytearray((demo_dir / "kedut.sqlite3").read_bytes())
    page = 4096
    for start in range(4 * page, len(data) - page, page):  # past the schema's pages
        data[start + 100 : start + 600] = b"\xff" * 500
    (data_dir / "kedut.sqlite3").write_bytes(bytes(data))

    for command in ("insights", "warnings"):
        result = kedut(data_dir, "--profile", "Demo", command, "--today", TODAY, "--json")
        assert result.returncode == 1, result.stderr
        assert "damaged" in result.stderr or "could not be read" in result.stderr
        assert "Traceback" not in result.stderr


def test_deleted_day_logs_and_remedies_do_not_start_the_period(tmp_path: Path) -> None:
    """Insights run from the first day with an entry: a deleted old remedy or day log is
    not one (it said "2024-06-01 to …: 913 days")."""
    for command in (
        ("log", "twitch", "--at", "2026-11-24T09:00+07:00"),
        ("log", "remedy", "--date", "2024-06-01", "--remedy", "stretching", "--helped", "2"),
        ("log", "day", "--date", "2024-05-01", "--water-ml", "900"),
        ("delete", "remedy", "1"),
        ("delete", "day", "2024-05-01"),
    ):
        result = kedut(tmp_path, *command)
        assert result.returncode == 0, result.stderr
    found = _json(tmp_path, "insights", "--today", TODAY)
    assert found["from"] == "2026-11-24", found["from"]
