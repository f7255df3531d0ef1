"""stanceclf: stance toward Russia–Ukraine negotiations and propaganda framing, sentence by sentence.

Importing the package loads nothing heavy: the shipped model is loaded on
the first call that needs it.

Examples
--------
>>> from stanceclf import classify
>>> [p.stance for p in classify("Kyiv refused to negotiate.")][0] in STANCES
True
"""

from __future__ import annotations

__version__ = "0.1.0"

from .codebook import FRAMINGS, SPEAKERS, STANCES
from .documents import DocumentResult, classify_documents
from .errors import (
    DataFileError,
    InputTypeError,
    InvalidInputError,
    ModelFileError,
    ModelVersionWarning,
    OutputPathError,
    StanceclfError,
)
from .predict import Model, Prediction, classify, classify_many, classify_statements, load_model
from .segment import Statement, segment
from .sources import Document

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
