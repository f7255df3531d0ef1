"""Documents -> results: a folder, a CSV export or any stream of documents, classified one document at a time.

:func:`classify_documents` is what ``stanceclf classify`` does, as a library
call: it reads the documents the inputs name (:func:`stanceclf.sources.iter_documents`),
cuts a long text into pieces (:func:`stanceclf.segment.pieces`), classifies
the pieces in batches (:meth:`stanceclf.Model.classify_many`), puts each
piece's offsets back and yields one :class:`DocumentResult` per document: the
document (name, text, metadata), its predictions, its profile and a warning
when the text does not look English.

:func:`classify_parts` is the same stream a piece at a time, for texts too
long to hold whole: the command line writes each piece's rows as they come,
so that a text of millions of statements is never held at once
(``docs/performance.md``).
"""

from __future__ import annotations

import os
import warnings
from collections import deque
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable, Iterator, Sequence, Union

from .errors import InputTypeError, StanceclfError
from .language import language_warning
from .prediction import Prediction
from .sources import Document, iter_documents
from .summary import ArticleProfile, merge_profiles, profile

__all__ = ["DocumentResult", "DocumentPart", "classify_documents", "classify_parts"]

#: What :func:`classify_documents` reads: paths, folders, patterns and archives, or documents.
Inputs = Union[Sequence[Union[str, "os.PathLike[str]"]], Iterable[Document]]


@dataclass(frozen=True)
class DocumentResult:
    """One document's classification.

    Attributes
    ----------
    document : Document
        Its name, text and metadata (an archive's outlet, date, ...; a web page's title, date, site, url).
    predictions : tuple of Prediction
        One per statement, in text order; offsets are in ``document.text``.
    profile : ArticleProfile
        Its label counts and shares (:func:`stanceclf.summary.profile`).
    language : str or None
        Why the text looks like it is not English (the model reads English
        only, so its labels are unreliable), or None
        (:func:`stanceclf.language.language_warning`).
    """

    document: Document
    predictions: tuple[Prediction, ...]
    profile: ArticleProfile
    language: str | None


@dataclass(frozen=True)
class DocumentPart:
    """One piece of a document's classification (a short document is one piece).

    Attributes
    ----------
    document : Document
        The document the piece belongs to.
    predictions : tuple of Prediction
        The piece's statements, offsets in ``document.text``.
    first : int
        The number (from 1) of the piece's first statement within the document.
    language : str or None
        On a document's first piece, as :attr:`DocumentResult.language`; None on the others.
    profile : ArticleProfile or None
        On a document's last piece, the whole document's profile; None before it.
    """

    document: Document
    predictions: tuple[Prediction, ...]
    first: int
    language: str | None
    profile: ArticleProfile | None


def classify_documents(
    inputs: Inputs,
    model: Any = None,
    *,
    batch_size: int = 64,
    n_jobs: int | None = None,
    text_field: str = "text",
    id_field: str | None = None,
    encoding: str | None = None,
    on_skip: Callable[[str], None] | None = None,
    report: Callable[[str], None] | None = None,
) -> Iterator[DocumentResult]:
    """Classify every document the inputs name, lazily, one result per document, in order.

    Parameters
    ----------
    inputs : sequence of str or path-like, or iterable of Document
        Text files, folders (their ``*.txt`` and ``*.html`` files), glob
        patterns, web pages, ``.jsonl`` / ``.csv`` / ``.tsv`` archives or
        ``-`` (standard input), as :func:`stanceclf.sources.iter_documents`
        reads them; or :class:`~stanceclf.sources.Document` objects.
    model : Model, str or path-like, optional
        A loaded model, or a model folder; None: the shipped model.
    batch_size : int, default 64
        Texts (pieces) per batch (:meth:`stanceclf.Model.classify_many`).
    n_jobs : int, optional
        Batches classified at once through joblib (-1: one per core).
    text_field : str
        The field (column) holding an archive's text.
    id_field : str, optional
        The field holding an archive's name for each text; None: ``id`` when
        there is one (:func:`stanceclf.sources.iter_documents`).
    encoding : str, optional
        Decode every input with this codec instead of UTF-8 / detection.
    on_skip : callable, optional
        When given, a bad file (or archive line) is passed to it as
        ``"path:line: what is wrong"`` and skipped; when None it stops the
        stream (see Raises).
    report : callable, optional
        Called with notes that are not errors: a detected encoding, replaced
        surrogates (default: :func:`warnings.warn`).

    Yields
    ------
    DocumentResult

    Raises
    ------
    InputTypeError
        When ``inputs`` is a single str or path rather than a list of them,
        or an item is neither a path nor a Document.
    DataFileError
        Without ``on_skip``, for a missing, unreadable, undecodable or
        malformed input (file and line named), raised after the results of
        every document before it.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "talks.txt").write_text("Kyiv refused the talks. Moscow said it was ready.", encoding="utf-8")
    >>> _ = (folder / "wires.csv").write_text("id,outlet,text\\nw1,Daily,Shelling went on overnight.\\n")
    >>> for result in classify_documents([folder / "wires.csv", folder / "talks.txt"]):
    ...     print(result.document.name.rsplit("/", 1)[-1], result.document.metadata, len(result.predictions))
    w1 {'outlet': 'Daily'} 1
    talks.txt {} 2
    """
    predictions: list[Prediction] = []
    language = None
    for part in classify_parts(
        inputs,
        model,
        batch_size=batch_size,
        n_jobs=n_jobs,
        text_field=text_field,
        id_field=id_field,
        encoding=encoding,
        on_skip=on_skip,
        report=report,
    ):
        if part.first == 1:
            predictions, language = [], part.language
        predictions.extend(part.predictions)
        if part.profile is not None:
            yield DocumentResult(part.document, tuple(predictions), part.profile, language)


def classify_parts(
    inputs: Inputs, model: Any = None, *, batch_size: int = 64, n_jobs: int | None = None, **reading: Any
) -> Iterator[DocumentPart]:
    """:func:`classify_documents` a piece at a time: a long text's statements are never held whole.

    Parameters and errors are those of :func:`classify_documents`; ``reading``
    holds its ``text_field``, ``id_field``, ``encoding``, ``on_skip`` and
    ``report``. Closing the generator early cancels the batches still in
    joblib's workers.

    Yields
    ------
    DocumentPart
        Every piece of every document, in order; a document's last piece
        carries its profile.
    """
    from .predict import Model, load_model
    from .segment import pieces

    if model is None or isinstance(model, (str, os.PathLike)):
        model = load_model(model)
    elif not isinstance(model, Model):
        raise InputTypeError(f"model must be a Model, a model folder or None, got {type(model).__name__}")
    source = _Stopping(_documents(inputs, **reading))
    # The documents wait here while their texts are classified; results come in the same order.
    pending: deque = deque()

    def texts() -> Iterator[str]:
        for document in source:
            cut = list(pieces(document.text))
            for number, (offset, piece) in enumerate(cut, start=1):
                pending.append((document, offset, number == len(cut)))
                yield piece

    results = model.classify_many(texts(), batch_size=batch_size, n_jobs=n_jobs)
    try:
        profiles: list[ArticleProfile] = []
        first = 1
        for predictions in results:
            document, offset, last = pending.popleft()
            if offset:
                predictions = [replace(p, start=p.start + offset, end=p.end + offset) for p in predictions]
            profiles.append(profile(document.name, predictions))
            whole = None
            if last:
                whole = profiles[0] if len(profiles) == 1 else merge_profiles(document.name, profiles)
            yield DocumentPart(
                document, tuple(predictions), first, None if offset else language_warning(document.text), whole
            )
            first += len(predictions)
            if last:
                profiles, first = [], 1
    finally:
        with warnings.catch_warnings():  # joblib warns as it cancels the batches still in its workers
            warnings.simplefilter("ignore")
            results.close()
    if source.error is not None:
        raise source.error


def _documents(inputs: Inputs, **options: Any) -> Iterator[Document]:
    """The documents the inputs name: read from paths, or the Document objects given."""
    if isinstance(inputs, (str, bytes, os.PathLike)):
        raise InputTypeError(
            f"classify_documents() expects a list of inputs or of Document objects, got a single "
            f"{type(inputs).__name__}: wrap it in a list"
        )
    items = list(inputs) if isinstance(inputs, Sequence) else None
    if items is not None and all(isinstance(item, (str, os.PathLike)) for item in items):
        yield from iter_documents([os.fspath(item) for item in items], **options)
        return
    for index, item in enumerate(items if items is not None else inputs):
        if not isinstance(item, Document):
            raise InputTypeError(
                f"classify_documents() expects paths or Document objects; item {index} is {type(item).__name__}"
            )
        yield item


class _Stopping:
    """Iterates documents until they fail, keeping the error for after the results before it."""

    def __init__(self, documents: Iterator[Document]) -> None:
        self._documents, self.error = documents, None

    def __iter__(self) -> Iterator[Document]:
        try:
            yield from self._documents
        except StanceclfError as exc:
            self.error = exc
