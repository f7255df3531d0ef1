"""The exception family of stanceclf: one root, a few kinds, each defined once.

Each kind also inherits the built-in exception a Python user would expect
(``TypeError``, ``ValueError``, ``OSError``), so ``except ValueError`` keeps
working, while ``except StanceclfError`` catches every error a user can
cause; the command line prints it as one line and exits with status 2.

The checks of boundary values (:func:`check_positive_int`,
:func:`check_jobs`) live here too, so that the library and the command line
test a value one way and word the error one way.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "StanceclfError",
    "InputTypeError",
    "InvalidInputError",
    "DataFileError",
    "ModelFileError",
    "OutputPathError",
    "ModelVersionWarning",
    "check_positive_int",
    "check_jobs",
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


class OutputPathError(StanceclfError, OSError):
    """A file or folder cannot be written where asked; the message names the path.

    Raised before any work when a command checks its output path, and by the
    atomic writers when the file system refuses a write.
    """


class ModelVersionWarning(UserWarning):
    """A saved model was fitted with other code than is running: other cue tables, codebook or stanceclf.

    It still loads and classifies, but its scores may differ from those it
    was evaluated with; retrain it. Filter it like any warning::

        warnings.filterwarnings("ignore", category=stanceclf.ModelVersionWarning)
    """


def _is_int(value: Any) -> bool:
    # bool is an int to Python, never a count to a user.
    return isinstance(value, int) and not isinstance(value, bool)


def check_positive_int(name: str, value: Any) -> int:
    """Return ``value`` if it is a whole number of at least 1.

    Parameters
    ----------
    name : str
        The argument's name, for the message (``"batch_size"``, ``"n"``).
    value : object
        The value to check; ``bool`` and ``float`` are refused.

    Returns
    -------
    int

    Raises
    ------
    InvalidInputError
        ``"{name} must be a positive int, got {value!r}"``.
    """
    if not _is_int(value) or value < 1:
        raise InvalidInputError(f"{name} must be a positive int, got {value!r}")
    return value


def check_jobs(name: str, value: Any) -> int | None:
    """Return ``value`` if it is ``None`` or a non-zero whole number (joblib's ``n_jobs``).

    Parameters
    ----------
    name : str
        The argument's name, for the message.
    value : object
        ``None`` (one process), a positive count, or a negative one (``-1``:
        one per core).

    Returns
    -------
    int or None

    Raises
    ------
    InvalidInputError
        ``"{name} must be None or a non-zero int (-1: one per core), got {value!r}"``.
    """
    if value is not None and (not _is_int(value) or value == 0):
        raise InvalidInputError(f"{name} must be None or a non-zero int (-1: one per core), got {value!r}")
    return value
