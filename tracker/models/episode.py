"""A twitch episode as stored."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from tracker.domain import BodySite, Side, TwitchContext
from tracker.models.base import Base, Tracked, UTCDateTime, text_enum


class EpisodeRow(Tracked, Base):
    __tablename__ = "twitch_episode"
    __table_args__ = (
        # Daily aggregates and range queries read by profile and local day.
        Index("ix_twitch_episode_profile_day", "profile_id", "local_date"),
        # "The side used last time" reads the newest episode.
        Index("ix_twitch_episode_profile_started", "profile_id", "started_at"),
        # The warnings read the distinct (site, side, day) of live episodes: a partial
        # covering index answers that without touching the table.
        Index(
            "ix_twitch_episode_live_site_day",
            "profile_id",
            "body_site",
            "side",
            "local_date",
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
        # The daily series reads count, strongest and summed duration of live episodes
        # per day: a partial covering index answers that without touching the table.
        Index(
            "ix_twitch_episode_live_day",
            "profile_id",
            "local_date",
            "intensity",
            "duration_s",
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
        # The doctor report counts live episodes by the hour they started: covering.
        Index(
            "ix_twitch_episode_live_start",
            "profile_id",
            "local_date",
            "started_at",
            "utc_offset_min",
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
        # The few live episodes with a red-flag sign, by day (the condition as the
        # reads spell it, or SQLite would not use the index).
        Index(
            "ix_twitch_episode_live_red_flag",
            "profile_id",
            "local_date",
            sqlite_where=text(
                "deleted_at IS NULL AND (pain = 1 OR swelling = 1 OR warmth = 1"
                " OR numbness_tingling = 1 OR weakness = 1)"
            ),
            postgresql_where=text(
                "deleted_at IS NULL AND (pain OR swelling OR warmth OR numbness_tingling"
                " OR weakness)"
            ),
        ),
        CheckConstraint("intensity BETWEEN 0 AND 4", name="intensity"),
        CheckConstraint("duration_s IS NULL OR duration_s BETWEEN 1 AND 86400", name="duration_s"),
        CheckConstraint("utc_offset_min BETWEEN -720 AND 840", name="utc_offset_min"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"))
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    utc_offset_min: Mapped[int]
    local_date: Mapped[dt.date]
    duration_s: Mapped[int | None]
    body_site: Mapped[BodySite] = mapped_column(text_enum(BodySite, "body_site"))
    side: Mapped[Side] = mapped_column(text_enum(Side, "side"))
    intensity: Mapped[int]
    context: Mapped[TwitchContext | None] = mapped_column(text_enum(TwitchContext, "context"))
    pain: Mapped[bool] = mapped_column(default=False)
    swelling: Mapped[bool] = mapped_column(default=False)
    warmth: Mapped[bool] = mapped_column(default=False)
    numbness_tingling: Mapped[bool] = mapped_column(default=False)
    weakness: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str | None] = mapped_column(String(2000))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class EpisodeDayRow(Base):
    """The live episodes of one (profile, day, site, side), summed: kept by SQLite
    triggers (tracker.storage.episode_days), read by the analysis and the report."""

    __tablename__ = "episode_day"
    __table_args__ = (
        # The daily series reads (profile, day) ranges with the sums: covering.
        Index(
            "ix_episode_day_profile_day",
            "profile_id",
            "local_date",
            "episodes",
            "max_intensity",
            "total_duration_s",
        ),
        # The rows are stored in their key's order (profile, site, side, day), which
        # is what the warnings read (a site's days in order) and the triggers look up:
        # no separate key index to keep on every logged twitch.
        {"sqlite_with_rowid": False},
    )

    profile_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    body_site: Mapped[str] = mapped_column(String(20), primary_key=True)
    side: Mapped[str] = mapped_column(String(20), primary_key=True)
    local_date: Mapped[dt.date] = mapped_column(primary_key=True)
    episodes: Mapped[int]
    max_intensity: Mapped[int]
    total_duration_s: Mapped[int | None]
