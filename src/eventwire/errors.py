"""The exception tree: one place so callers can catch eventwire's errors by kind."""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class ReadFailure(EventwireError):
    """An input could not be turned into an article (missing, binary, bad encoding)."""

    def __init__(self, input_name: str, reason: str) -> None:
        super().__init__(f"{input_name}: {reason}")
        self.input_name = input_name
        self.reason = reason


class DictionaryError(EventwireError):
    """A dictionary file has a line that cannot be understood; names file and line."""

    def __init__(self, path: str, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


class ModelNotFound(EventwireError):
    """The spaCy pipeline named by the user is not installed or not a pipeline folder."""


class GoldFormatError(EventwireError):
    """A gold file record does not follow the format of the gold README."""
