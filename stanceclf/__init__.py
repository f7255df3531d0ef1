"""stanceclf: stance toward Russia–Ukraine negotiations and propaganda framing, sentence by sentence.

Importing the package loads the codebook and the segmenter only: the model
code is imported on the first name that needs it, and the shipped model is
loaded on the first call that needs it.

Examples
--------
>>> from stanceclf import classify
>>> [p.stance for p in classify("Kyiv refused to negotiate.")][0] in STANCES
True
"""

from __future__ import annotations

__version__ = "0.1.0"

import importlib

from .codebook import FRAMINGS, SPEAKERS, STANCES
from .errors import (
    DataFileError,
    InputTypeError,
    InvalidInputError,
    ModelFileError,
    ModelVersionWarning,
    OutputPathError,
    StanceclfError,
)

# ``segment`` is both a submodule and a function: importing the submodule anywhere binds the package
# attribute to the module, so the function is bound here, eagerly, after it.
from .segment import Statement, segment

# The rest is imported on first use (PEP 562): numpy, scipy and the model code load when a name needs
# them, not when the command line starts (a Ctrl-C there is then caught by the command).
_LAZY = {
    "classify": "predict",
    "classify_many": "predict",
    "classify_statements": "predict",
    "load_model": "predict",
    "Model": "predict",
    "Prediction": "predict",
    "classify_documents": "documents",
    "DocumentResult": "documents",
    "Document": "sources",
}


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "__version__",
    "classify",
    "classify_statements",
    "classify_many",
    "classify_documents",
    "DocumentResult",
    "Document",
    "load_model",
    "Model",
    "Prediction",
    "segment",
    "Statement",
    "STANCES",
    "FRAMINGS",
    "SPEAKERS",
    "StanceclfError",
    "InputTypeError",
    "InvalidInputError",
    "DataFileError",
    "ModelFileError",
    "OutputPathError",
    "ModelVersionWarning",
]
