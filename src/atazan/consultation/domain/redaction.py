"""Signatures and names at the end of a proposal's text, redacted for open data.

Citizens often sign their appeal ("Рахмет! Омарова Н.", "С уважением, Иванов И.И.", "Құрметпен, Серіков Айдос",
"Regards, John Smith"). A name is personal data (Constitution 2026, Art. 21; Law "On personal data and their
protection" of 21 May 2013 No. 94-V, Art. 1(2)): the open data publishes the text without it, and the working group
keeps the original. Only the sign-off is touched: the closing courtesy stays, the name (and a place written after
it) becomes ``REDACTED``. Measured on a labelled set of sign-offs in kk/ru/en (tests/consultation/signoffs.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REDACTED = "[…]"

_UP = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LO = "a-zа-яёәғқңөұүһі'’"
_WORD = rf"[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?"
_INITIAL = rf"[{_UP}]\."
_INITIALS = rf"{_INITIAL}(?:\s?{_INITIAL})?"
# words that close many proposals and are never a signature: institutions, the state, the law
_NOT_NAMES = frozenset(
    [
        "республика",
        "республики",
        "республикасы",
        "казахстан",
        "казахстана",
        "қазақстан",
        "қазақстанның",
        "kazakhstan",
        "republic",
        "конституция",
        "конституции",
        "конституциясы",
        "constitution",
        "суд",
        "суда",
        "сот",
        "соты",
        "court",
        "парламент",
        "парламента",
        "парламенті",
        "parliament",
        "курултай",
        "курултая",
        "құрылтай",
        "құрылтайы",
        "kurultai",
        "мажилис",
        "мажилиса",
        "мәжіліс",
        "сенат",
        "сената",
        "senate",
        "президент",
        "президента",
        "президенті",
        "president",
        "правительство",
        "правительства",
        "үкімет",
        "үкіметі",
        "government",
        "верховный",
        "верховного",
        "жоғарғы",
        "supreme",
        "конституционный",
        "конституционного",
        "конституциялық",
        "constitutional",
        "народ",
        "народа",
        "халық",
        "халқы",
        "people",
        "статья",
        "статьи",
        "бап",
        "бабы",
        "article",
        "закон",
        "закона",
        "заң",
        "заңы",
        "law",
        "спасибо",
        "рахмет",
        "благодарю",
        "thank",
        "thanks",
        "regards",
        "sincerely",
        "уважением",
        "құрметпен",
    ]
)
_COURTESY = (
    r"с\s+уважением|с\s+наилучшими\s+пожеланиями|уважением|спасибо(?:\s+за\s+внимание)?|благодарю|"
    r"заранее\s+спасибо|рахмет|алғыспен|құрметпен|ізгі\s+ниетпен|рақмет|"
    r"regards|best\s+regards|kind\s+regards|sincerely(?:\s+yours)?|yours\s+sincerely|thank\s+you|thanks|respectfully"
)
_PLACE = (rf"(?:,\s*(?:г\.|город|с\.|село|қ\.|city\s+of)?\s*{_WORD}(?:\s+(?:қаласы|ауылы|облысы|city|region))?"
          rf"(?:\s+(?:қ\.|обл\.))?)?")  # fmt: skip
_NAME = (
    rf"(?:{_WORD}\s+{_INITIALS}"  # Омарова Н. / Омарова Н.К.
    rf"|{_INITIALS}\s?{_WORD}"  # Н. Омарова / N.K. Omarova
    rf"|{_WORD}(?:\s+{_WORD}){{1,2}})"  # Серіков Айдос (Болатұлы) / John Smith
)
_TAIL = re.compile(
    rf"(?P<lead>(?:^|(?<=[.!?…:;,—–-])|\n)\s*(?:(?P<courtesy>{_COURTESY})\s*[,.!:—–-]*\s*)?)"
    rf"(?P<name>{_NAME}){_PLACE}\s*[.!]?\s*$",
    re.IGNORECASE,
)
# a bare two- or three-word name after a sentence, with no courtesy and no line of its own, is taken only with a
# surname's or a patronymic's ending (Kazakh, Russian and anglicised forms)
_NAME_ENDING = re.compile(
    r"(?:ов|ова|ев|ева|ин|ина|ский|ская|ұлы|улы|қызы|кызы|ович|овна|евич|евна|ov|ova|ev|eva|in|ina|uly|kyzy)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Redaction:
    text: str
    redacted: bool


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s.]+", name) if w]


def signoff_redact(text: str) -> Redaction:
    """``text`` with the name of a sign-off at its end replaced by REDACTED (nothing else changes)."""
    stripped = text.rstrip()
    window = stripped[-300:]
    offset = len(stripped) - len(window)
    pos = 0
    while (match := _TAIL.search(window, pos)) is not None:
        pos = match.start() + 1
        if _is_signoff(stripped, match, offset):
            start, end = offset + match.start("name"), offset + match.end()
            return Redaction(stripped[:start] + REDACTED + stripped[end:], True)
    return Redaction(text, False)


def _is_signoff(stripped: str, match: re.Match[str], offset: int) -> bool:
    words = _words(match.group("name"))
    if any(w.lower() in _NOT_NAMES for w in words) or not all(w[0].isupper() for w in words):
        return False  # an institution, or lower-case words (re.IGNORECASE lets the pattern match them)
    before = stripped[: offset + match.start("name")]
    if not before.strip():
        return False  # the whole text is the "name": nothing to tell apart
    if match.group("courtesy") or re.search(_INITIAL, match.group("name")):
        return True
    if before.rstrip(" \t").endswith("\n") or before.rstrip().endswith(("—", "–", "-")):
        return True
    # a bare name after a sentence: only with a surname's or a patronymic's ending
    return any(_NAME_ENDING.search(w) for w in words)
