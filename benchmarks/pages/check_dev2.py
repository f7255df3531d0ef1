#!/usr/bin/env python3
"""Check gold_dev2.jsonl against the pages in dev2/ (beside this file).

For every gold line: the file exists, ids are unique, fields are valid, and every
statement and furniture piece (whitespace, NBSP, thin spaces, tabs folded; soft
hyphens removed) is a substring of the folded page text. For .html pages the text
is what a browser shows: <head>, <script>, <style> dropped, tags removed,
entities decoded. Also reports any text of the page left over once all pieces are
removed (coverage), and pages in dev2/ that have no gold line.
"""

import json
import os
import re
import sys
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(ROOT, "gold_dev2.jsonl")
BLOCK = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
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
    "td",
    "button",
    "aside",
    "main",
    "blockquote",
    "a",
    "span",
}
SKIP = {"script", "style", "head", "noscript", "template", "title"}


class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.out.append("\n")

    def handle_data(self, d):
        if not self.skip:
            self.out.append(d)


def fold(s):
    s = s.replace("\u00ad", "")
    s = re.sub(r"[\s\u00a0\u2009\u202f\u2007\u200a]+", " ", s)
    return s.strip()


def page_text(path):
    raw = open(path, encoding="utf-8").read()
    if path.endswith(".html"):
        p = Text()
        p.feed(raw)
        p.close()
        return "".join(p.out)
    return raw


def main():
    errors = []
    ids = set()
    files = set()
    n_st = n_fu = 0
    for ln, line in enumerate(open(GOLD, encoding="utf-8"), 1):
        if not line.strip():
            continue
        g = json.loads(line)
        pid = g["page"]
        if pid in ids:
            errors.append(f"line {ln}: duplicate id {pid}")
        ids.add(pid)
        if g.get("split") != "dev2":
            errors.append(f"{pid}: split {g.get('split')!r}")
        if g.get("outlet_type") not in ("russian_state", "ukrainian", "international"):
            errors.append(f"{pid}: outlet_type {g.get('outlet_type')!r}")
        if not g["file"].startswith("dev2/"):
            errors.append(f"{pid}: file {g['file']}")
        path = os.path.join(ROOT, g["file"])
        files.add(os.path.abspath(path))
        if not os.path.exists(path):
            errors.append(f"{pid}: missing file {path}")
            continue
        text = fold(page_text(path))
        rest = text
        pieces = [("statement", s) for s in g["statements"]] + [("furniture", f) for f in g["furniture"]]
        for kind, s in pieces:
            fs = fold(s)
            if not fs:
                errors.append(f"{pid}: empty {kind}")
                continue
            if fs not in text:
                errors.append(f"{pid}: {kind} not found: {s[:90]!r}")
        for kind, s in sorted(pieces, key=lambda x: -len(fold(x[1]))):
            rest = rest.replace(fold(s), " ", 1)
        left = re.sub(r"[\s•\-–—|·*]+", " ", rest).strip()
        if left:
            errors.append(f"{pid}: text not covered by gold: {left[:200]!r}")
        if len(set(map(fold, g["statements"]))) != len(g["statements"]):
            print(f"note: {pid} has repeated statement text")
        n_st += len(g["statements"])
        n_fu += len(g["furniture"])
    d = os.path.join(ROOT, "dev2")
    for fn in sorted(os.listdir(d)):
        if os.path.abspath(os.path.join(d, fn)) not in files:
            errors.append(f"no gold line for dev2/{fn}")
    for e in errors:
        print("ERROR", e)
    print(f"{len(ids)} page files, {n_st} statements, {n_fu} furniture pieces, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
