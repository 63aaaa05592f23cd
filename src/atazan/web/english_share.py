"""How much of a Kazakh or Russian page a reader sees in English: pure Python, no Django (issue 15).

``page_words(html)`` reads the text a person sees on a page and ``english_words(words)`` keeps the ones that are
English. The filter, so that the figure counts what a reader of Kazakh or Russian cannot read and nothing else:

- Seen text only: the contents of ``<script>``, ``<style>``, ``<template>``, ``<code>``, ``<kbd>``, ``<samp>``,
  ``<pre>`` and ``<svg>`` are not read (code, data, formats), nor attributes. An element marked ``lang="en"`` (or
  any language but kk/ru) is a deliberate quotation and is skipped with everything in it, and so is one marked
  ``translate="no"`` (HTML's mark for a name or identifier that no translation changes: a user name).
- A word is a run of letters (with inner hyphens or apostrophes). It is English when all its letters are Latin.
- Not counted as English: acronyms and codes written in capitals (``NIST``, ``CSV``, ``AMANAT``, ``IIN``), words
  holding a digit (``P1``, ``2026a``), file extensions and URLs (any token with ``/``, ``@``, ``://`` or a dot inside),
  and ``NAMES``: the product's name, proper names of software, formats and standards a citizen meets as such
  (``Swagger``, ``OpenAPI``, ``e-Otinish``) and ``NAME_PHRASES`` ("Constitute Project", "Akoma Ntoso").
  Snake-case codes such as ``peoples_council`` ARE
  counted: the issue names raw codes as text a reader should never see.

The share is English words over every word (Latin or Cyrillic) on the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["NAMES", "PageShare", "english_words", "page_share", "page_words"]

SKIPPED_ELEMENTS = frozenset({"script", "style", "template", "code", "kbd", "samp", "pre", "svg", "math", "noscript"})
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
READER_LANGUAGES = ("kk", "ru")

# Proper names a Kazakh or Russian page legitimately shows in Latin letters (lower case).
NAMES = frozenset(
    {
        "atazan",
        "ata",
        "zań",
        "swagger",
        "openapi",
        "akoma",
        "ntoso",
        "e-otinish",
        "otinish",
        "egov",
        "github",
        "django",
        "ninja",
        "markdown",
        "json",
        "xlsx",
        "docx",
        "csv",
        "pdf",
        "hare",
        "merkle",
        "ed25519",
        "rfc",
        "openid",
        "connect",
        "sha-256",
        "utf-8",
        "respublica",  # a party's registered name, written in Latin letters in every language
    }
)

# Names of several words, taken out of the text before it is split into words (a website, a standard).
NAME_PHRASES = ("Constitute Project", "Certificate Transparency", "Akoma Ntoso")

# A token as split from the text: letters, digits, and the joiners that keep a code, a URL or a path in one piece.
_TOKEN = re.compile(r"[^\s()\[\]{}<>«»\"“”„,;:!?…—–]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\w+")
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ'’_-]+$")
_HAS_LETTER = re.compile(r"[^\W\d_]")


class _SeenText(HTMLParser):
    """Collects the text a reader sees, skipping code and passages in another language."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, whether this element starts a skipped region)
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_ELEMENTS:
            return
        attributes = dict(attrs)
        lang = attributes.get("lang")
        other_language = tag != "html" and lang is not None and lang.split("-")[0].lower() not in READER_LANGUAGES
        skips = tag in SKIPPED_ELEMENTS or other_language or attributes.get("translate") == "no"
        self._stack.append((tag, skips))
        if skips:
            self._skipping += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        return

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS:
            return
        # Close up to the matching element (browsers forgive unclosed <p>, <li>, <td>).
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                for _, skips in self._stack[index:]:
                    if skips:
                        self._skipping -= 1
                del self._stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.chunks.append(data)


def page_words(html: str) -> list[str]:
    """The tokens a reader sees on ``html``, in order (each token still holds its joiners: ``a/b``, ``x_y``)."""
    parser = _SeenText()
    parser.feed(html)
    parser.close()
    text = " ".join(parser.chunks)
    for phrase in NAME_PHRASES:
        text = text.replace(phrase, " ")
    return _TOKEN.findall(text)


def _is_english(token: str) -> bool:
    if "/" in token or "@" in token or "." in token.strip(".") or "://" in token:
        return False  # URLs, paths, e-mail addresses, file names, versions
    word = token.strip(".'’-")
    if not word or not _LATIN.match(word) or not _HAS_LETTER.search(word):
        return False
    letters = [c for c in word if c.isalpha()]
    if word.isupper() and "_" not in word:
        return False  # acronyms and codes in capitals
    if len(letters) == 1 and word.lower() not in {"a", "i"}:
        return False  # single letters: list markers, variables
    return word.lower() not in NAMES


def english_words(tokens: list[str]) -> list[str]:
    """The tokens of ``tokens`` that are English words by the filter in the module docstring."""
    return [t for t in tokens if _is_english(t)]


def _word_count(tokens: list[str]) -> int:
    return sum(1 for t in tokens if _HAS_LETTER.search(t))


@dataclass(frozen=True)
class PageShare:
    """English words on one page and every word on it."""

    url: str
    words: int
    english: tuple[str, ...] = field(default=())

    @property
    def share(self) -> float:  # a figure to report, never a decision: float is fine here
        return len(self.english) / self.words if self.words else 0.0

    def sample(self, limit: int = 12) -> str:
        seen: dict[str, int] = {}
        for word in self.english:
            seen[word] = seen.get(word, 0) + 1
        top = sorted(seen.items(), key=lambda kv: -kv[1])[:limit]
        return ", ".join(f"{w}×{n}" if n > 1 else w for w, n in top)


def page_share(url: str, html: str) -> PageShare:
    tokens = page_words(html)
    return PageShare(url=url, words=_word_count(tokens), english=tuple(english_words(tokens)))
