"""What a data-savvy person would do without Kedut: pandas reads the same SQLite file,
builds the daily series and runs scipy.stats on every numeric factor and lag.

    python -m bench.baseline DB_PATH PROFILE_ID FIRST LAST   (prints JSON)
"""

from __future__ import annotations

import json
import sqlite3
import sys
from typing import Any

NUMERIC = (
    "sleep_h",
    "sleep_quality",
    "water_ml",
    "exercise_min",
    "stress",
    "caffeine_mg",
    "alcohol_units",
)


def baseline(db_path: str, profile_id: int, first: str, last: str) -> dict[str, dict[str, float]]:
    import pandas as pd
    from scipy import stats

    with sqlite3.connect(db_path) as con:
        episodes = pd.read_sql(
            "SELECT local_date FROM twitch_episode WHERE profile_id = ? AND deleted_at IS NULL"
            " AND local_date BETWEEN ? AND ?",
            con,
            params=(profile_id, first, last),
        )
        days = pd.read_sql(
            f"SELECT date, {', '.join(NUMERIC)} FROM day_log WHERE profile_id = ?"  # noqa: S608 - fixed column names
            " AND date BETWEEN ? AND ?",
            con,
            params=(profile_id, first, last),
        )
    calendar = pd.date_range(first, last, freq="D")
    counts = episodes.groupby(pd.to_datetime(episodes["local_date"])).size()
    daily = pd.DataFrame(index=calendar)
    daily["episodes"] = counts.reindex(calendar, fill_value=0)
    days.index = pd.to_datetime(days.pop("date"))
    daily = daily.join(days)
    results: dict[str, dict[str, float]] = {}
    for factor in NUMERIC:
        for lag in (0, 1, 2):
            pairs = pd.DataFrame({"x": daily[factor].shift(lag), "y": daily["episodes"]}).dropna()
            if len(pairs) < 14 or pairs["x"].nunique() < 2 or pairs["y"].nunique() < 2:
                continue
            rho, p_value = stats.spearmanr(pairs["x"], pairs["y"])
            results[f"{factor}@{lag}"] = {"rho": float(rho), "p": float(p_value), "n": len(pairs)}
    return results


def main(argv: list[str]) -> None:
    db_path, profile_id, first, last = argv
    result: dict[str, Any] = baseline(db_path, int(profile_id), first, last)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
