"""The mapping file (JSON or TOML): what a diary app's names mean, read with clear
errors, proposed from the names found, and kept as a plain structure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.formats.sources import (
    Found,
    Mapping,
    MappingError,
    SourceFormatError,
    Target,
    load_mapping,
    propose,
)

EXAMPLE = {
    "kedut_mapping": 1,
    "names": {
        "Twitch": "episode",
        "Left knee twitch": {"episode": {"site": "knee", "side": "left", "intensity": 2}},
        "Coffee": {"field": "caffeine_mg", "each": 95},
        "Water": {"field": "water_ml", "per_unit": 250},
        "Magnesium": {"field": "magnesium_rich_food"},
        "Furosemide": {"medication": "diuretic"},
        "Reading": "skip",
    },
    "moods": {"rad": 0, "awful": 4},
}
TOML = """\
kedut_mapping = 1

[names]
Twitch = "episode"
Reading = "skip"
"Left knee twitch" = { episode = { site = "knee", side = "left", intensity = 2 } }
Coffee = { field = "caffeine_mg", each = 95 }
Water = { field = "water_ml", per_unit = 250 }
Magnesium = { field = "magnesium_rich_food" }
Furosemide = { medication = "diuretic" }

[moods]
rad = 0
awful = 4
"""


def test_json_and_toml_files_say_the_same_and_names_match_loosely(tmp_path: Path) -> None:
    as_json = tmp_path / "map.json"
    as_json.write_text(json.dumps(EXAMPLE))
    as_toml = tmp_path / "peta.txt"  # told apart by content, not by the name
    as_toml.write_text(TOML)
    mapping = load_mapping(as_json)
    assert load_mapping(as_toml) == mapping
    assert mapping.target("  left   KNEE twitch ") == Target(
        "episode", site="knee", side="left", intensity=2
    )
    assert mapping.target("coffee") == Target("field", "caffeine_mg", each=95)
    assert mapping.target("Tea") is None
    assert mapping.stress("Awful") == 4


def test_the_plain_structure_round_trips() -> None:
    mapping = Mapping.from_dict(EXAMPLE)
    kept = json.loads(json.dumps(mapping.to_dict()))
    assert Mapping.from_dict(kept) == mapping
    assert kept["names"]["Water"] == {"field": "water_ml", "per_unit": 250.0}
    assert kept["names"]["Twitch"] == "episode"


@pytest.mark.parametrize(
    ("names", "message"),
    [
        ({"Tea": "drink"}, 'Tea: say what it is: "skip", "episode", a field (sleep_h,'),
        ({"Tea": {"field": "tea_ml"}}, "Tea: the field is one of sleep_h, sleep_quality"),
        ({"Tea": {"field": "water_ml", "each": -1}}, "Tea: each cannot be below zero"),
        ({"Tea": {"field": "water_ml", "each": "a cup"}}, "Tea: each must be a number"),
        ({"Pill": {"medication": "painkiller"}}, "Pill: the kind of medicine is one of diur"),
        ({"Twitch": {"episode": {"site": "nose"}}}, "Twitch: the place is one of knee, thigh"),
        ({"Twitch": {"episode": {"intensity": 7}}}, "Twitch: the intensity is a whole number"),
        ({"Kopi": {"field": "caffeine_mg", "eech": 95}}, "Kopi: unknown entry 'eech' (allowed:"),
        ({"Twitch": {"episode": {"sid": "left"}}}, "Twitch: unknown entry 'sid' (allowed:"),
        ({"Kopi": {"field": "caffeine_mg", "each": 1e308}}, "Kopi: each can be at most 100000"),
    ],
)
def test_a_wrong_entry_is_named_with_what_is_allowed(
    names: dict[str, object], message: str
) -> None:
    with pytest.raises(MappingError) as caught:
        Mapping.from_dict({"names": names})
    assert str(caught.value).startswith(message)


def test_a_file_that_is_no_mapping_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "map.toml"
    path.write_text('[names]\nTwitch = "episode"\nCoffee = {field = \n')
    with pytest.raises(SourceFormatError, match=r"^map\.toml, line 3: this is neither JSON"):
        load_mapping(path)
    path.write_text('{"names": {"Twitch": "episode",}}')
    with pytest.raises(SourceFormatError, match=r"^map\.toml, line 1: this is not valid JSON"):
        load_mapping(path)
    path.write_text('{"moods": {"rad": 9}}')
    with pytest.raises(SourceFormatError) as caught:
        load_mapping(path)
    assert str(caught.value) == "map.toml: rad: a mood becomes a stress level, a whole number 0–4"
    path.write_text('{"maps": {}}')
    with pytest.raises(SourceFormatError, match="unknown entry 'maps'"):
        load_mapping(path)


def test_a_proposal_from_the_names_found() -> None:
    found = {
        "Muscle twitch": Found("symptom"),
        "Kedutan": Found("activity"),
        "kopi": Found("activity"),
        "Alcohol": Found("factor"),
        "Water": Found("habit", amount=True, unit="ml"),
        "Air putih": Found("habit", amount=True, unit="gelas"),
        "Run": Found("habit", amount=True, unit="minutes"),
        "Vitamin D3": Found("medicine", amount=True, unit="mcg"),
        "Reading": Found("activity"),
        "rad": Found("mood"),
        "senang": Found("mood"),
    }
    proposal = propose(found)
    assert proposal.target("Muscle twitch") == Target("episode")
    assert proposal.target("Kedutan") == Target("episode")
    assert proposal.target("kopi") == Target("field", "caffeine_mg", each=95)
    assert proposal.target("Alcohol") == Target("field", "alcohol_units", each=1)
    assert proposal.target("Water") == Target("field", "water_ml", per_unit=1)
    assert proposal.target("Air putih") == Target("field", "water_ml", per_unit=250)
    assert proposal.target("Run") == Target("field", "exercise_min", per_unit=1)
    assert proposal.target("Vitamin D3") == Target("medication", medication="other")
    assert proposal.target("Reading") is None
    assert proposal.stress("rad") == 0
    assert proposal.stress("senang") is None


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=500))
def test_random_bytes_are_refused_with_a_clear_message(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("random") / "map.json"
    path.write_bytes(data)
    try:
        load_mapping(path)
    except SourceFormatError as error:
        assert str(error).startswith("map.json")
