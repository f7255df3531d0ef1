"""The document's topic in the features: statements of a page about the talks are read as on target.

Stance is toward talks to end this war (codebook section 3). A statement that names neither side nor
the war ("We are ready to talk, but only on our terms.") has its stance cues renamed ``_notarget``
when read alone; in a document whose other statements are plainly about the talks it also carries
them as ``_doctalks`` (docs/model.md, "Stance and framing on pages").
"""

from __future__ import annotations

from conftest import ARTICLES, statements_of

from stanceclf.features import DocumentStatement, in_document, normalise_all
from stanceclf.model import _in_documents

# A wire page, hard-wrapped, with a caption and share buttons; written for this test.
TALKS_PAGE = [
    "Kremlin says it will send a delegation to Istanbul for a new round of talks with Kyiv",
    "By Anna Sokolova",
    "MOSCOW, June 2 (Newswire) - Russia is ready to resume peace talks with Ukraine next week,\u00a0Kremlin "
    "spokesman Dmitry Peskov told reporters on Monday.",
    "\u201cWe are ready to talk, but only on our terms,\u201d he said.",
    "\u201cThe rest is up to them.\u201d",
    "Share on Facebook",
]
# War news and general news with no statement about talks: nothing to carry.
OTHER_PAGE = [
    "Overnight drone attack cuts power in Kharkiv, governor says",
    "Russian drones struck an energy facility near Kharkiv overnight, regional governor Oleh Syniehubov said.",
    "Crews hope to restore supplies by the evening, but only if the frost eases.",
]


def test_a_page_about_the_talks_marks_every_statement():
    marked = in_document(TALKS_PAGE)
    assert [str(s) for s in marked] == TALKS_PAGE
    assert all(isinstance(s, DocumentStatement) and s.document_on_topic for s in marked)
    assert not any(s.document_on_topic for s in in_document(OTHER_PAGE))


def test_an_untargeted_statement_keeps_its_own_tokens_and_gains_the_documents():
    alone = normalise_all(TALKS_PAGE)[3].split()
    in_page = normalise_all(in_document(TALKS_PAGE))[3].split()
    # Read alone, the conditional readiness is off the target (it names no side, no war).
    assert {"#ready_notarget", "#cond_notarget"} <= set(alone) and "#ready_cond" not in alone
    # In its page, the same tokens and the document's: what the statement says is unchanged.
    assert in_page[: len(alone)] == alone
    assert {"#ready_doctalks", "#cond_doctalks"} <= set(in_page[len(alone) :])


def test_statements_on_target_and_pages_off_the_talks_read_as_alone():
    marked = normalise_all(in_document(TALKS_PAGE))
    plain = normalise_all(TALKS_PAGE)
    # The statements that name a side or the war read the same in their page and alone.
    assert marked[2] == plain[2] and marked[0] == plain[0]
    assert normalise_all(in_document(OTHER_PAGE)) == normalise_all(OTHER_PAGE)
    assert not any("_doctalks" in text for text in normalise_all(in_document(OTHER_PAGE)))


def test_training_reads_each_statement_in_its_own_article():
    statements = [s for article in ARTICLES for s in statements_of(article)]
    texts = _in_documents(statements[::-1])  # any order: grouped by article, not by position
    assert [str(t) for t in texts] == [s.text for s in statements[::-1]]
    by_article = {}
    for statement, text in zip(statements[::-1], texts):
        by_article.setdefault(statement.article, set()).add(text.document_on_topic)
    assert all(len(flags) == 1 for flags in by_article.values())
    assert by_article == {a: {in_document([s.text for s in statements_of(a)])[0].document_on_topic} for a in ARTICLES}


def test_classify_reads_the_page_and_classify_statements_does_not(tiny_model):
    page = "\n\n".join(TALKS_PAGE)
    in_page = tiny_model.classify(page)
    texts = [p.text for p in in_page]
    marked = tiny_model.predict_proba(in_document(texts))
    alone = tiny_model.predict_proba(texts)
    for index, prediction in enumerate(in_page):
        assert prediction.scores["stance"] == dict(zip(tiny_model.labels("stance"), marked["stance"][index].tolist()))
    singles = tiny_model.classify_statements(texts)
    for index, prediction in enumerate(singles):
        assert prediction.scores["stance"] == dict(zip(tiny_model.labels("stance"), alone["stance"][index].tolist()))
