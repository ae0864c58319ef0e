"""Lists of problems found row by row in an upload (a task table, an account sheet): the first
hundred are kept, word for word, and the rest only counted. A sheet wrong on every row would
otherwise answer with a page of tens of thousands of lines, each costing a lookup to write."""

from __future__ import annotations

MAX_LISTED = 100


class ProblemList(list):
    """A list of messages that keeps the first `limit` and counts the rest in `more`."""

    def __init__(self, items=(), *, limit: int = MAX_LISTED):
        super().__init__()
        self.limit = limit
        self.more = 0
        self.extend(items)

    def append(self, item) -> None:
        if len(self) < self.limit:
            super().append(item)
        else:
            self.more += 1

    def extend(self, items) -> None:
        for item in items:
            self.append(item)

    @property
    def full(self) -> bool:
        """Return whether another message would only be counted (so need not be written)."""
        return len(self) >= self.limit

    @property
    def total(self) -> int:
        return len(self) + self.more
