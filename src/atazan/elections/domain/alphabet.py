"""Alphabetical order of the state language (Kazakh, Cyrillic script) for the CEC's fallback order of candidates.

Constitutional Law on Elections, Art. 97-1(5), second paragraph: when the party's governing body has not set the order
of its elected candidates in time, the CEC assigns the mandates "в алфавитном порядке государственного языка".
The Kazakh Cyrillic alphabet has 42 letters in this order; Ә follows А, Ғ follows Г, Қ follows К, Ң follows Н,
Ө follows О, Ұ and Ү follow У, Һ follows Х, І follows Ы. Documented choices: letter case is ignored; a space or hyphen
sorts before any letter (so "Ан Сергей" comes before "Анар"); characters outside the alphabet (Latin letters, digits)
sort after all Kazakh letters by their code point.
"""

from __future__ import annotations

__all__ = ["KAZAKH_ALPHABET", "kazakh_sort_key"]

KAZAKH_ALPHABET = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"

_RANK = {letter: i + 2 for i, letter in enumerate(KAZAKH_ALPHABET)}
_SEPARATORS = {" ": 0, "-": 1, "\u2010": 1}
_OUTSIDE = len(KAZAKH_ALPHABET) + 2


def kazakh_sort_key(name: str) -> tuple[int, ...]:
    """A key that orders names as the Kazakh alphabet does; equal keys mean the same name up to case."""
    key: list[int] = []
    for ch in " ".join(name.split()).upper():
        if ch in _SEPARATORS:
            key.append(_SEPARATORS[ch])
        elif ch in _RANK:
            key.append(_RANK[ch])
        else:
            key.append(_OUTSIDE + ord(ch))
    return tuple(key)
