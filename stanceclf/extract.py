"""A web page -> its article's text and metadata, with trafilatura.

trafilatura (the ``html`` extra: ``pip install "stanceclf[html]"``) finds the
main text of a page and drops navigation, scripts, styles, share widgets,
captions and related-article lists; it decodes entities, and reads the title,
date and site name from the page's metadata. Two things are done on top:

- its paragraphs are put back in page order (on some layouts it appends a
  lead paragraph kept outside the main block after the body);
- the items of a list that a kept paragraph leads in with a colon ("... listed
  the damage:") are put back under it when the extractor lost them (list items
  set without their ``<ul>``, or each in a ``<ul>`` of its own, as some
  templates write them);
- a sub-heading that the extractor lost between two paragraphs it kept is put
  back (round 16: an explainer's questions on a page without ``<article>``);
- a first line that repeats the title is dropped, since the title is given
  separately (:func:`article_text` puts it first);
- the readers' comments under a comments heading that the extractor dropped
  (``<div>Comments (86)</div>``) are dropped too: the extractor keeps their
  ``<p>`` and the segmenter cannot tell them from body text once the heading and
  the readers' names are gone (round 13).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import StanceclfError

__all__ = ["Article", "extract_html", "article_text"]

INSTALL_HINT = 'reading .html needs trafilatura: pip install "stanceclf[html]"'
_BULLET_SIGNS = "•▪●◦‣"
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A report's numbered section heading ("2. What Washington wants"): its outline, not a lost sub-heading.
_NUMBERED = re.compile(r"\d{1,2}[.)]\s")
# A comments section's heading, as a widget writes it: "Comments (86)", "23 comments", "Reader comments".
_COMMENTS_HEADING = re.compile(r"(?:reader\s+)?comments?(?:\s*\(\d[\d,.]*\))?|\d[\d,.]*\s+comments?", re.IGNORECASE)


@dataclass(frozen=True)
class Article:
    """What a page holds.

    Attributes
    ----------
    text : str
        The article's body, one paragraph per line, without the title.
    title, date, site, url : str or None
        The page's headline, publication date (``YYYY-MM-DD``), site name and
        canonical URL, when the page says.
    """

    text: str
    title: str | None = None
    date: str | None = None
    site: str | None = None
    url: str | None = None
    metadata: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        fields = {"title": self.title, "date": self.date, "site": self.site, "url": self.url}
        object.__setattr__(self, "metadata", {k: v for k, v in fields.items() if v})


def extract_html(html: str) -> Article:
    """Extract a page's article text and metadata.

    Parameters
    ----------
    html : str
        The page, decoded (see :func:`stanceclf.decoding.decode_bytes`).

    Returns
    -------
    Article
        Text and metadata; ``text`` is empty when the page holds no article.

    Raises
    ------
    StanceclfError
        When trafilatura is not installed, saying what to install.

    Examples
    --------
    >>> page = "<html><head><title>Talks</title></head><body><nav>Home</nav><article><h1>Talks</h1>"
    >>> page += "<p>Kyiv said on Monday that it was ready to meet &amp; talk in Geneva.</p></article></body></html>"
    >>> extract_html(page).text
    'Kyiv said on Monday that it was ready to meet & talk in Geneva.'
    """
    try:
        import trafilatura
    except ImportError:
        raise StanceclfError(INSTALL_HINT) from None
    # Precision over recall: on the project's test pages it drops "Read also"
    # links and donation appeals that the default keeps (README, "HTML").
    document = trafilatura.bare_extraction(
        html, favor_precision=True, include_comments=False, include_tables=False, with_metadata=True
    )
    if document is None:
        return Article("")
    found = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    title = _one_line(found.get("title"))
    lines = [line.strip() for line in (found.get("text") or "").splitlines() if line.strip()]
    # The extractor writes a list item as "- item"; an item whose markup holds its own bullet sign would read
    # "- • item", two bullets, of which the segmenter cuts one.
    lines = [line[2:] if line[:2] == "- " and line[2:3] in _BULLET_SIGNS else line for line in lines]
    root = _page_root(html)
    if root is not None:
        lines = _before_comments(_with_lost_headings(_with_led_lists(_in_page_order(lines, root), root), root), root)
    if lines and title and lines[0] == title:
        lines = lines[1:]
    return Article(
        "\n".join(lines),
        title=title,
        date=_one_line(found.get("date")),
        site=_one_line(found.get("sitename")),
        url=_one_line(found.get("url")),
    )


def article_text(title: str | None, body: str) -> str:
    """The text to classify: the headline as the first statement, then the body.

    Parameters
    ----------
    title : str or None
        The headline; left out when empty or when the body already starts with it.
    body : str
        The article's text.

    Returns
    -------
    str
        ``title``, a blank line and ``body``: the segmenter ends a headline at
        a blank line (it carries a sentence over one only when the next line
        starts in lower case or the line before ends in a comma or a word
        like "of"), so the headline does not run into the first sentence.

    Examples
    --------
    >>> article_text("Kyiv refuses talks", "Kyiv refused the talks on Monday.")
    'Kyiv refuses talks\\n\\nKyiv refused the talks on Monday.'
    >>> article_text(None, "Body.")
    'Body.'
    """
    title = (title or "").strip()
    if not title or body.lstrip().startswith(title):
        return body
    return f"{title}\n\n{body}" if body.strip() else title


def _one_line(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _page_root(html: str):
    """The page's element tree without scripts, styles and head, or None when lxml cannot parse it."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for node in root.xpath("//script|//style|//noscript|//head"):
        node.drop_tree()
    return root


def _with_led_lists(lines: list[str], root) -> list[str]:
    """Put back the list items that follow a kept paragraph ending in a colon, when the extractor lost them."""
    leads = {line for line in lines if line.endswith(":")}
    if not leads:
        return lines
    have = {line.lstrip("-•* ") for line in lines}  # the extractor writes the items it keeps as "- item"
    items: dict[str, list[str]] = {}
    for node in root.iter("p", "div"):
        lead = " ".join(node.text_content().split())
        if lead not in leads or lead in items:
            continue
        found = []
        for sibling in node.itersiblings():
            if sibling.tag == "li":
                found.append(" ".join(sibling.text_content().split()))
            elif sibling.tag in ("ul", "ol"):  # one list, or one list per item as some templates write them
                found += [" ".join(item.text_content().split()) for item in sibling.iter("li")]
            else:
                break
        # an item's own bullet sign in its markup ("<li><span>•</span> a halt ...") is no new item either
        items[lead] = [item for item in found if item and item.lstrip("-•* ") not in have]
    out = []
    for line in lines:
        out.append(line)
        out += items.get(line, ())
    return out


def _with_lost_headings(lines: list[str], root) -> list[str]:
    """Put back a sub-heading (``h2`` to ``h4``) that the extractor lost between two paragraphs it kept (round 16).

    On a page without an ``<article>`` element the extractor can drop an explainer's question headings ("What does
    Kyiv want?") while it keeps the paragraphs around them; a heading with a kept paragraph on each side is the
    body's own. One above or below the body (a related list's "More on this") has no kept paragraph on one side.
    """
    have = set(lines)
    lost: dict[str, str] = {}  # the kept paragraph after a lost heading -> the heading
    for node in root.iter("h2", "h3", "h4"):
        heading = " ".join(node.text_content().split())
        if not heading or heading in have or len(heading) > 160 or _NUMBERED.match(heading):
            continue  # a report's numbered sections ("2. What Washington wants") are its outline, no statements
        # the paragraph before may stand above a photo's caption or a link ("<figcaption>", "<div>Read more: ...")
        before = next((n for n in node.itersiblings(preceding=True) if n.tag == "p" or n.tag in _HEADINGS), None)
        after = next((n for n in node.itersiblings() if isinstance(n.tag, str)), None)
        if before is None or after is None or before.tag != "p" or after.tag != "p":
            continue
        above, below = (" ".join(n.text_content().split()) for n in (before, after))
        if above in have and below in have and below not in lost:
            lost[below] = heading
    if not lost:
        return lines
    out = []
    for line in lines:
        if line in lost:
            out.append(lost.pop(line))
        out.append(line)
    return out


def _before_comments(lines: list[str], root) -> list[str]:
    """Cut the lines after a comments heading that the extractor dropped, when the body stands before it.

    The body must hold most of the text (twice the comments' characters, three lines or more), so that a
    comment counter in a share bar above the article ("Comments (12)") cuts nothing.
    """
    page = " ".join(root.text_content().split())
    for node in root.iter("div", "span", "h2", "h3", "h4", "p", "header"):
        if len(node) > 1:
            continue  # a heading is a leaf, or holds its count in one element: "<h3>Comments <span>(4)</span></h3>"
        heading = " ".join(node.text_content().split())
        if len(heading) > 24 or not _COMMENTS_HEADING.fullmatch(heading) or heading in lines:
            continue
        at = page.find(heading)
        places = [page.find(" ".join(line.split())) for line in lines]
        before = [line for line, where in zip(lines, places) if 0 <= where < at]
        after = [line for line, where in zip(lines, places) if where > at]
        if len(before) >= 3 and after and sum(map(len, before)) >= 2 * sum(map(len, after)):
            return [line for line, where in zip(lines, places) if not where > at]
    return lines


def _in_page_order(lines: list[str], root) -> list[str]:
    """Sort extracted paragraphs by where their text first appears in the page's body."""
    page = " ".join(root.text_content().split())
    placed = []
    for index, line in enumerate(lines):
        where = page.find(" ".join(line.split()))
        if where < 0:  # reworded by the extractor (quotes, spacing): keep it after the line before
            where = placed[-1][0] if placed else 0
        placed.append((where, index, line))
    return [line for _, _, line in sorted(placed)]
