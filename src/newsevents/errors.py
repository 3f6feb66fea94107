"""One error family. Every message says what is wrong and what to do about it."""

from __future__ import annotations


class NewsEventsError(Exception):
    """Base of every error newsevents raises on purpose; the CLI prints it as one line."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message} {hint}" if hint else message)


class InputError(NewsEventsError):
    """An input cannot be read or is not an article we can process."""

    exit_code = 2

    def __init__(self, message: str, *, code: str, hint: str | None = None) -> None:
        self.code = code
        super().__init__(message, hint=hint)


class FetchError(InputError):
    """A URL could not be fetched."""


class ConfigError(NewsEventsError):
    """Settings or installation are wrong (missing model, bad option)."""

    exit_code = 3


class DataError(NewsEventsError):
    """Evaluation or gazetteer data is missing or malformed."""

    exit_code = 4
