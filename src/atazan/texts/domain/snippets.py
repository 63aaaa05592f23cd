"""Search result snippets: a short passage around the first match, not the whole paragraph (issue 15). Pure Python.

A search term is a stem (``stemming.term_stem``) matched as a word prefix, so «курулт» marks «Курултая» and
«Курултаю» as well as «Курултай». ``snippet`` keeps about ``SNIPPET_WORDS`` words around the first matching word,
a third of them before it, and says with an ellipsis where the paragraph goes on; ``mark`` splits a passage into plain
and matching parts. Both return plain text parts: the template escapes each part and wraps the matching ones in
``<mark>``, so text from the database is never trusted as HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ELLIPSIS", "SNIPPET_WORDS", "Part", "mark", "snippet"]

SNIPPET_WORDS = 30
ELLIPSIS = "…"
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class Part:
    """A piece of a passage; ``hit`` when it is a word form of a search term."""

    text: str
    hit: bool


def _pattern(terms: list[str]) -> re.Pattern[str] | None:
    stems = sorted({t for t in terms if t}, key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in stems) + r")\w*", re.IGNORECASE)


def mark(text: str, terms: list[str]) -> list[Part]:
    """``text`` split into plain parts and the words that start with one of ``terms`` (any case); joined back, the
    parts give ``text`` unchanged."""
    pattern = _pattern(terms)
    if pattern is None:
        return [Part(text, False)] if text else []
    out: list[Part] = []
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append(Part(text[pos : m.start()], False))
        out.append(Part(m.group(0), True))
        pos = m.end()
    if pos < len(text):
        out.append(Part(text[pos:], False))
    return out


def snippet(text: str, terms: list[str], words: int = SNIPPET_WORDS) -> list[Part]:
    """About ``words`` words of ``text`` around its first word form of ``terms``, marked; an ellipsis stands for the
    text left out at either end. A text with no match gives its first ``words`` words."""
    tokens = list(_TOKEN.finditer(text))
    if len(tokens) <= words:
        return mark(text.strip(), terms)
    pattern = _pattern(terms)
    first = 0
    if pattern is not None:
        found = pattern.search(text)
        if found is not None:
            first = next(i for i, t in enumerate(tokens) if t.end() > found.start())
    start = max(0, first - words // 3)
    end = min(len(tokens), start + words)
    start = max(0, end - words)
    passage = text[tokens[start].start() : tokens[end - 1].end()]
    parts = mark(passage, terms)
    if start > 0:
        parts.insert(0, Part(ELLIPSIS + " ", False))
    if end < len(tokens):
        parts.append(Part(" " + ELLIPSIS, False))
    return parts
