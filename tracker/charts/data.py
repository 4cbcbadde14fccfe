"""What a chart is drawn from: plain data the services gather, no database here."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from tracker.analysis.correlations import Correlations
from tracker.analysis.series import BINARY_DAY_FACTORS, NUMERIC_FACTORS, DailySeries
from tracker.domain import Warning

# What a person logs in a day log (medication flags are derived, not logged).
DAY_LOG_FACTORS = NUMERIC_FACTORS + BINARY_DAY_FACTORS


@dataclass(frozen=True)
class ChartData:
    series: DailySeries
    warnings: list[Warning] = field(default_factory=list)
    correlations: Correlations | None = None
    episodes_by_hour: list[int] = field(default_factory=lambda: [0] * 24)
    """Episodes by the local hour they started, 0…23."""
    episodes_by_place: dict[tuple[str, str], int] = field(default_factory=dict)
    """Episodes by (body site, side)."""

    @property
    def episodes_by_site(self) -> dict[str, int]:
        by_site: dict[str, int] = {}
        for (site, _side), count in self.episodes_by_place.items():
            by_site[site] = by_site.get(site, 0) + count
        return by_site

    def logged(self) -> npt.NDArray[np.bool_]:
        """Days with any entry: an episode or a day log. The others were not logged,
        which is not the same as a day without twitching."""
        mask = self.series.episodes > 0
        for name in DAY_LOG_FACTORS:
            if name in self.series.factors:
                mask = mask | ~np.isnan(self.series.factors[name])
        return mask
