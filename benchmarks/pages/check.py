#!/usr/bin/env python3
"""Check the page benchmark: every gold statement and furniture piece is found in its page.

Usage: python3 check.py [pages_dir]

Folding (used for pages and gold alike): soft hyphens removed, every Unicode whitespace
character (space, tab, newline, NBSP, thin space, ...) mapped to a space, runs collapsed.
.html pages are reduced to the text a browser shows (head, script, style dropped; block
elements become line breaks; entities decoded) before folding.

Checks: ids unique; each gold file exists and lies in its split's folder; every page file has
a gold line; statements appear in reading order; furniture appears (in order); and coverage:
every letter or digit of the page lies inside some statement or furniture piece.
"""

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

BLOCK = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "nav",
    "header",
    "footer",
    "section",
    "article",
    "figure",
    "figcaption",
    "br",
    "tr",
    "aside",
    "main",
    "blockquote",
    "form",
    "button",
    "table",
    "dl",
    "dt",
    "dd",
    "hr",
    "body",
    "html",
    "label",
    "select",
    "option",
}
HIDDEN = {"head", "script", "style", "noscript", "template", "title"}


class Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.out.append(re.sub(r"[ \t\r\n]+", " ", data))


def visible_text(path):
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        p = Visible()
        p.feed(raw)
        p.close()
        return "".join(p.out)
    return raw


def fold(s):
    s = s.replace("\u00ad", "")
    return re.sub(r"\s+", " ", s).strip()


def main(root, gold="gold.jsonl"):
    root = Path(root)
    errors, seen, listed = [], set(), set()
    n_st = n_fu = 0
    lines = (root / gold).read_text(encoding="utf-8").splitlines()
    for ln, line in enumerate(lines, 1):
        rec = json.loads(line)
        where = f"{gold}:{ln} ({rec.get('page')})"
        for k in ("page", "split", "file", "outlet", "outlet_type", "statements", "furniture"):
            if k not in rec:
                errors.append(f"{where}: missing field {k}")
        if rec["page"] in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(rec["page"])
        if not rec["file"].startswith(rec["split"] + "/"):  # dev/, dev2/, dev3/, test2/: a folder per split
            errors.append(f"{where}: split/file mismatch")
        if rec["outlet_type"] not in ("russian_state", "ukrainian", "international"):
            errors.append(f"{where}: bad outlet_type")
        path = root / rec["file"]
        if not path.exists():
            errors.append(f"{where}: no file {path}")
            continue
        if Path(rec["file"]).stem != rec["page"]:
            errors.append(f"{where}: file name does not match id")
        listed.add(rec["file"])
        text = fold(visible_text(path))
        covered = [False] * len(text)
        for kind in ("statements", "furniture"):
            pos = 0
            for piece in rec[kind]:
                f = fold(piece)
                if not f:
                    errors.append(f"{where}: empty {kind} piece")
                    continue
                i = text.find(f, pos)
                while i >= 0 and any(covered[i : i + len(f)]) and kind == "furniture":
                    i = text.find(f, i + 1)
                if i < 0:
                    anywhere = text.find(f) >= 0
                    errors.append(f"{where}: {kind} piece {'out of order' if anywhere else 'not found'}: {f[:80]!r}")
                    continue
                for j in range(i, i + len(f)):
                    covered[j] = True
                pos = i + len(f)
        n_st += len(rec["statements"])
        n_fu += len(rec["furniture"])
        left = "".join(c if not covered[k] else " " for k, c in enumerate(text))
        stray = re.findall(r"\S*\w\S*", left)
        if stray:
            errors.append(f"{where}: text covered by no statement or furniture: {stray[:8]}")
    folders = {Path(name).parts[0] for name in listed}
    for p in sorted(path for folder in folders for path in root.glob(f"{folder}/*")):
        rel = str(p.relative_to(root))
        if rel not in listed:
            errors.append(f"{rel}: page file has no gold line")
    for e in errors:
        print("ERROR", e)
    print(f"{len(lines)} page files, {n_st} statements, {n_fu} furniture pieces, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    # python check.py [PAGES_DIR [GOLD_FILE]]: gold.jsonl (dev and dev3), gold_dev2.jsonl or gold_test2.jsonl
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent, *sys.argv[2:3]))
