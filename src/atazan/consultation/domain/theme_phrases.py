"""A theme named by a phrase people read, not by keywords: the first sentence of its most central proposal written
in the reader's language (the themes' representatives are ordered by closeness to the centroid, domain.themes).
Greetings and addresses that open many appeals ("Здравствуйте!", "Құрметті комиссия!", "Dear members,") are skipped:
they say nothing about the theme."""

from __future__ import annotations

import re

PHRASE_MAX = 90
_GREETING = re.compile(
    r"^\s*(?:здравствуйте|добрый\s+день|уважаем\w*(?:\s+\w+){0,4}|сәлеметсіз\s+бе|сәлем|құрметті(?:\s+\w+){0,4}|"
    r"hello|dear(?:\s+\w+){0,4}|good\s+(?:morning|afternoon|day))\s*[!,.:]+\s*",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[^\s.]{3})[.!?…](?=\s|$)")


def theme_phrase(text: str, *, limit: int = PHRASE_MAX) -> str:
    """The first sentence of ``text`` after any greeting, cut at a word boundary to ``limit`` characters ("…")."""
    body = " ".join(text.split())
    while (greeting := _GREETING.match(body)) is not None and greeting.end() < len(body):
        body = body[greeting.end() :]
    end = _SENTENCE_END.search(body)
    sentence = body[: end.start()] if end else body
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—- ")
    return cut + "…"
