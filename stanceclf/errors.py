"""The exception family of stanceclf: one root, a few kinds, each defined once."""

from __future__ import annotations

__all__ = [
    "StanceclfError",
    "InputTypeError",
    "InvalidInputError",
    "DataFileError",
    "ModelFileError",
]


class StanceclfError(Exception):
    """Root of every error stanceclf raises on purpose."""


class InputTypeError(StanceclfError, TypeError):
    """An argument of the public API has the wrong type."""


class InvalidInputError(StanceclfError, ValueError):
    """An argument of the public API has the right type but a bad value."""


class DataFileError(StanceclfError, ValueError):
    """A corpus or label file is broken; the message names file and line.

    Attributes
    ----------
    problems : list of str
        Every problem found, each as ``"path:line: what is wrong"``.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        shown = "\n".join(self.problems[:20])
        more = len(self.problems) - 20
        if more > 0:
            shown += f"\n... and {more} more problem(s)"
        super().__init__(shown)


class ModelFileError(StanceclfError, ValueError):
    """A model file is missing, tampered with, truncated or of an unknown format."""
