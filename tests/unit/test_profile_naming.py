"""Two live profiles of one household with one name are told apart with " (n)", counted
from the name without its mark (DESIGN.md: profiles are matched by uuid, never by name)."""

from tracker.storage.sync.naming import NAME_MAX, free_name


def test_a_free_name_is_kept() -> None:
    assert free_name("Sari", ["Me", "Me (2)"]) == "Sari"


def test_a_taken_name_gets_the_first_free_number_ignoring_case() -> None:
    assert free_name("me", ["Me", "Me (2)"]) == "me (3)"


def test_a_marked_name_that_meets_itself_counts_on_never_marks_twice() -> None:
    assert free_name("Me (2)", ["Me", "Me (2)"]) == "Me (3)"


def test_a_long_name_is_shortened_to_fit_its_mark() -> None:
    long_name = "A" * NAME_MAX
    told_apart = free_name(long_name, [long_name])
    assert told_apart == "A" * (NAME_MAX - 4) + " (2)"
    assert len(told_apart) == NAME_MAX
