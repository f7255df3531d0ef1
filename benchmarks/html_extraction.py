"""How well do HTML extractors keep an article's body and drop its page furniture?

Run ``python benchmarks/html_extraction.py`` (needs the ``html`` extra). The
pages are the tests' own (``tests/pages.py``): whole pages written for the
project, with navigation, scripts, styles, cookie banners, share widgets,
captions and credits, "Read also" links and related-article lists. For each
extractor it prints the body sentences kept (and whether in page order), the
furniture pieces leaked, and whether title, date and site were found.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from pages import PAGES  # noqa: E402


def _trafilatura(**options):
    import trafilatura

    def extract(html: str) -> tuple[str, tuple]:
        found = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, with_metadata=True, **options
        ).as_dict()
        return found["text"] or "", (found.get("title"), found.get("date"), found.get("sitename"))

    return extract


def _stanceclf(html: str) -> tuple[str, tuple]:
    from stanceclf.extract import extract_html

    article = extract_html(html)
    return article.text, (article.title, article.date, article.site)


def _justext(html: str) -> tuple[str, tuple]:
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate), (None, None, None)


def _all_text(html: str) -> tuple[str, tuple]:
    import lxml.html

    root = lxml.html.document_fromstring(html)
    for node in root.xpath("//script|//style|//noscript|//head"):
        node.drop_tree()
    return re.sub(r"\s+", " ", root.text_content()), (None, None, None)


EXTRACTORS = {
    "stanceclf.extract (trafilatura, precision, page order)": _stanceclf,
    "trafilatura, favor_precision": _trafilatura(favor_precision=True),
    "trafilatura, default": _trafilatura(),
    "trafilatura, favor_recall": _trafilatura(favor_recall=True),
    "justext, English stop list": _justext,
    "lxml text_content, scripts and styles dropped": _all_text,
}


def main() -> None:
    body = sum(len(page["body"]) for page in PAGES.values())
    furniture = sum(len(page["furniture"]) for page in PAGES.values())
    print(f"{len(PAGES)} pages, {body} body sentences, {furniture} furniture pieces\n")
    print("| extractor | body kept | in page order | furniture leaked | title, date, site found |")
    print("| --- | --- | --- | --- | --- |")
    for name, extract in EXTRACTORS.items():
        kept = leaked = ordered = metadata = 0
        for page in PAGES.values():
            text, found = extract(page["html"])
            positions = [text.find(sentence) for sentence in page["body"]]
            kept += sum(p >= 0 for p in positions)
            ordered += [p for p in positions if p >= 0] == sorted(p for p in positions if p >= 0)
            leaked += sum(piece in text for piece in page["furniture"])
            metadata += found == (page["title"], page["date"], page["site"])
        print(
            f"| {name} | {kept}/{body} | {ordered}/{len(PAGES)} pages | {leaked}/{furniture} | "
            f"{metadata}/{len(PAGES)} pages |"
        )


if __name__ == "__main__":
    main()
