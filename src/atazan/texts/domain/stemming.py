"""Search terms reduced to a stem, so that every word form finds the same paragraphs (issue 15). Pure Python.

Russian: the Snowball Russian stemmer (``snowballstemmer``): «Курултай», «Курултая», «Курултаю» → «курулт(а)».
Kazakh: Kazakh is agglutinative, a word is a stem followed by a chain of suffixes in a fixed order — plural, possessive,
case (and, on predicates, person). ``kazakh_stem`` strips that chain from the end, longest suffix first, keeping at
least ``MIN_STEM`` letters: «Құрылтайда», «Құрылтайдың», «Құрылтайға» → «құрылтай»; «азаматтардың» → «азамат».
The search then matches the stem as a word prefix on both engines (FTS5 ``"stem"*``, PostgreSQL ``stem:*``), so a
stem that is a little too short finds a few more paragraphs rather than fewer.

A Kazakh stem's final voiceless consonant voices before a vowel-initial suffix (қ/ғ, к/г, п/б: «құқық» → «құқығы»,
«тілек» → «тілегі», «бап» → «бабы»), so no single prefix finds every form in a text. ``term_forms`` gives both
prefixes for such a stem (``("құқық", "құқығ")``) and the search finds a paragraph holding either.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["KAZAKH_SUFFIXES", "MIN_STEM", "kazakh_stem", "russian_stem", "term_forms", "term_stem"]

MIN_STEM = 3

# Case endings (both vowel harmonies and the consonant-assimilated forms), then possessive, then plural: stripped in
# that order from the end, each group at most once. Sources: standard Kazakh grammar tables (септік жалғаулары,
# тәуелдік жалғаулары, көптік жалғаулары).
_CASE = (
    # genitive (ілік)
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    # ablative (шығыс)
    "нан",
    "нен",
    "дан",
    "ден",
    "тан",
    "тен",
    # locative (жатыс)
    "нда",
    "нде",
    "да",
    "де",
    "та",
    "те",
    # instrumental (көмектес)
    "мен",
    "бен",
    "пен",
    # dative (барыс)
    "на",
    "не",
    "ға",
    "ге",
    "қа",
    "ке",
    "а",
    "е",
    # accusative (табыс)
    "ны",
    "ні",
    "ды",
    "ді",
    "ты",
    "ті",
    "н",
)
_POSSESSIVE = ("ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз", "ңыз", "ңіз", "сы", "сі", "ым", "ім", "ың", "ің", "ы", "і")
_PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")
KAZAKH_SUFFIXES: tuple[tuple[str, ...], ...] = (_CASE, _POSSESSIVE, _PLURAL)

_VOWELS = frozenset("аәеиоөұүыіэюя")
_DEVOICE = {"ғ": "қ", "г": "к", "б": "п"}
_VOICE = {v: k for k, v in _DEVOICE.items()}  # қ → ғ, к → г, п → б
_KAZAKH_LETTERS = re.compile("[әғқңөұүһі]")
_CYRILLIC = re.compile("[а-яёәғқңөұүһі]")


def _shortest(word: str, suffix: str, group: tuple[str, ...]) -> int:
    """The fewest letters a stem keeps when ``suffix`` is stripped from ``word``: ``MIN_STEM``, one more for a
    one-letter suffix (a final «а» or «ы» is more often the stem's own), except the possessive «ы»/«і» after a voiced
    consonant that alternates with a voiceless one: «бабы», «тобы», «жағы» are «бап», «топ», «жақ» with it."""
    if len(suffix) > 1:
        return MIN_STEM
    if group is _POSSESSIVE and word[-2:-1] in _DEVOICE:
        return MIN_STEM
    return MIN_STEM + 1


def kazakh_stem(word: str) -> str:
    """``word`` without its case, possessive and plural suffixes (lower case), never shorter than ``MIN_STEM``."""
    stem = word.lower()
    stripped = ""
    for group in KAZAKH_SUFFIXES:
        for suffix in sorted(group, key=len, reverse=True):
            if stem.endswith(suffix) and len(stem) - len(suffix) >= _shortest(stem, suffix, group):
                stem = stem[: -len(suffix)]
                stripped = suffix
                break
    # A final voiceless consonant voices before a suffix that starts with a vowel (құқық → құқығы, тілек → тілегі,
    # кітап → кітабы): undo it so that every form has the dictionary stem.
    if stripped and stripped[0] in _VOWELS and stem[-1:] in _DEVOICE:
        stem = stem[:-1] + _DEVOICE[stem[-1]]
    return stem


@lru_cache(maxsize=1)
def _russian() -> object:
    import snowballstemmer

    return snowballstemmer.stemmer("russian")


def russian_stem(word: str) -> str:
    """The Snowball Russian stem of ``word`` (lower case), never shorter than ``MIN_STEM`` letters."""
    lower = word.lower()
    stem: str = _russian().stemWord(lower)  # type: ignore[attr-defined]
    return stem if len(stem) >= MIN_STEM else lower


def _is_kazakh(lower: str, language: str | None) -> bool:
    return bool(_CYRILLIC.search(lower)) and (
        language == "kaz" or (language is None and bool(_KAZAKH_LETTERS.search(lower)))
    )


def term_forms(word: str, language: str | None = None) -> tuple[str, ...]:
    """The prefixes a search term is matched by: its stem (``term_stem``) and, for a Kazakh stem ending in a voiceless
    consonant that voices before a vowel («құқық», «тілек», «бап»), the stem with that consonant voiced («құқығ»,
    «тілег», «баб»), which starts the forms with a vowel-initial suffix («құқығы», «тілегі», «бабының»)."""
    stem = term_stem(word, language)
    if _is_kazakh(word.lower(), language) and stem[-1:] in _VOICE:
        return (stem, stem[:-1] + _VOICE[stem[-1]])
    return (stem,)


def term_stem(word: str, language: str | None = None) -> str:
    """The stem a search term is matched by: Kazakh rules for ``language`` "kaz" (or a word with a Kazakh-only
    letter), Snowball Russian for other Cyrillic words, the word itself otherwise (numbers, Latin)."""
    lower = word.lower()
    if not _CYRILLIC.search(lower):
        return lower
    if _is_kazakh(lower, language):
        return kazakh_stem(lower)
    if language == "rus" or language is None:
        return russian_stem(lower)
    return lower
