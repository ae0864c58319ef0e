"""A message's sentence, kept in English with its placeholders' values and put into each
reader's language when it is shown (a message is read later, by someone else)."""

from django.utils.translation import gettext


class Message:
    """A sentence to translate when it is read, with its placeholders' values as plain text."""

    def __init__(self, words: str, **values) -> None:
        self.words = words
        self.values = {name: str(value) for name, value in values.items()}

    def render(self, fallback: str = "") -> str:
        """Return the sentence in the active language (`fallback` if a placeholder is missing)."""
        try:
            return gettext(self.words).format(**self.values)
        except (KeyError, IndexError, ValueError):
            return fallback or self.words
