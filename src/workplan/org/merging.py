"""What a merge says it moves: one line per kind of row, from each app that answers the hooks."""

from dataclasses import dataclass


@dataclass(frozen=True)
class MergeLine:
    """A sentence, translated, saying what a merge moves (or leaves); `warning` when the office
    should read it before merging (reports that stay with the merged department)."""

    text: str
    warning: bool = False


def collect(responses) -> list[MergeLine]:
    """Return the lines the receivers of a merge hook answered, in the order they answered."""
    return [line for _receiver, lines in responses for line in (lines or [])]
