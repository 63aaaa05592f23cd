"""What text the consultation takes in: lengths, control characters, bidi controls, registration numbers.

Every text that enters — the submit form, an e-Otinish import, the working group's answers and notes — passes
``text_clean`` with its field's rule, so the same limits hold on SQLite (which does not enforce a column's length)
and PostgreSQL, whichever door the text came through. The limits are the platform's, not the law's, except where a
comment cites the law; they match the columns of ``consultation.models``.

- A NUL or another control character (anything in Unicode category Cc but tab and line breaks in a multi-line text)
  is refused: it cannot be stored on PostgreSQL, breaks CSV readers and has no place in an appeal.
- Bidirectional controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, and the invisible marks
  U+200E, U+200F, U+061C) are removed: a right-to-left override makes a text read differently from what it holds
  (CVE-2021-42574, "Trojan Source"), and Kazakh, Russian and English text never needs one.
- Leading and trailing spaces are trimmed; the length is counted after that, in characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .errors import InputRefused
from .messages import Msg, msg, shown

__all__ = [
    "ADDRESS", "ANSWER", "NAME", "NOTE", "PATRONYMIC", "PHONE", "REGISTRATION_NUMBER_MAX", "SURNAME", "TEXT",
    "TextRule", "article_number_parse", "record_of", "registration_number_parse", "text_clean",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class TextRule:
    """A text field: its name (a translatable label), its length limit and whether it may hold line breaks."""

    label: str
    limit: int
    multiline: bool = False

    def name(self) -> Msg:
        return msg("field", self.label)


SURNAME = TextRule("surname", 100)
NAME = TextRule("given name", 100)  # not "name": Django's own catalogue translates that as a thing's name
PATRONYMIC = TextRule("patronymic", 100)
ADDRESS = TextRule("address", 300)
PHONE = TextRule("phone", 40)
# One appeal's text fits a page of the review queue and the similarity search; longer documents are attached.
TEXT = TextRule("text", 20_000, multiline=True)
ANSWER = TextRule("official answer", 20_000, multiline=True)
NOTE = TextRule("moderation note", 300)

_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_CONTROL_LINE = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_TEXT = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def text_clean(rule: TextRule, value: str, *, record: Msg) -> str:
    """``value`` trimmed, with bidi controls removed; InputRefused naming ``record`` and the rule when it holds a
    NUL, another control character or a lone surrogate, or is longer than ``rule.limit`` characters."""
    if (found := _SURROGATE.search(value)) is not None:
        raise InputRefused(record=record, rule=msg(
            "not_unicode", "{field} is not valid Unicode text (a lone surrogate at position {position})",
            field=rule.name(), position=found.start() + 1,
        ))  # fmt: skip
    control = _CONTROL_TEXT if rule.multiline else _CONTROL_LINE
    if (found := control.search(value)) is not None:
        if found.group() == "\x00":
            raise InputRefused(record=record, rule=msg(
                "nul", "{field} contains a NUL character (position {position}), which no text may hold",
                field=rule.name(), position=found.start() + 1,
            ))  # fmt: skip
        raise InputRefused(record=record, rule=msg(
            "control_character", "{field} contains the control character {char} (position {position}), which this "
            "field may not hold", field=rule.name(), char=f"U+{ord(found.group()):04X}", position=found.start() + 1,
        ))  # fmt: skip
    clean = _BIDI.sub("", value).strip()
    if len(clean) > rule.limit:
        raise InputRefused(record=record, rule=msg(
            "too_long", "{field} is at most {limit} characters ({given} given)",
            field=rule.name(), limit=rule.limit, given=len(clean),
        ))  # fmt: skip
    return clean


def record_of(*, row: int | None = None, number: str = "") -> Msg:
    """What a message is about: a row of an imported file, a registration number, or both."""
    if row is not None and number:
        return msg("record", "row {row}, registration number {number}", row=row, number=shown(number))
    if row is not None:
        return msg("record", "row {row}", row=row)
    return msg("record", "proposal {number}", number=shown(number))


# e-Otinish registers an appeal under a unique number with its date and time (shared/domain/FACTS.md, "Citizen
# appeals"), e.g. ЖТ-2025-01234567; the platform's own are EO-20261203-1A2B3C4D and the demo's SYN-S000001. The
# grammar: capital letters and digits in up to five groups joined by single hyphens, letters of one alphabet (Latin,
# or Cyrillic with the Kazakh letters), at most 40 characters (the column). No slash, dot, space or markup: a number
# is part of the proposal's address (/consultation/p/<number>/), so ``../../x`` can never be one.
REGISTRATION_NUMBER_MAX = 40
_LATIN = "A-Z"
_CYRILLIC = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_GROUP = f"[0-9{_LATIN}{_CYRILLIC}]+"
_NUMBER = re.compile(f"{_GROUP}(?:-{_GROUP}){{0,4}}")
_HAS_LATIN = re.compile(f"[{_LATIN}]")
_HAS_CYRILLIC = re.compile(f"[{_CYRILLIC}]")


def registration_number_parse(raw: str, *, record: Msg | None = None) -> str:
    """The registration number after documented normalisation (Unicode NFC, spaces around it trimmed, letters in
    capitals); InputRefused with the grammar when it breaks it."""
    number = unicodedata.normalize("NFC", raw).strip().upper()
    where = record or record_of(number=raw)
    if not number:
        raise InputRefused(record=where, rule=msg("registration_number_required", "a registration number is required"))
    if (
        len(number) > REGISTRATION_NUMBER_MAX
        or _NUMBER.fullmatch(number) is None
        or (_HAS_LATIN.search(number) and _HAS_CYRILLIC.search(number))
    ):
        raise InputRefused(record=where, rule=msg(
            "registration_number", "the registration number {number} breaks its rule: capital letters of one "
            "alphabet and digits in groups joined by hyphens (like ЖТ-2025-01234567), at most {limit} characters",
            number=shown(raw), limit=REGISTRATION_NUMBER_MAX,
        ))  # fmt: skip
    return number


_ARTICLE = re.compile(r"[1-9][0-9]{0,2}(?:-[1-9][0-9]?)?")


def article_number_parse(raw: str, *, record: Msg) -> str:
    """An article's number as the Constitution numbers them: 53, or 97-1 for an inserted article."""
    number = raw.strip()
    if _ARTICLE.fullmatch(number) is None:
        raise InputRefused(record=record, rule=msg(
            "article_number", "an article number is digits, with an inserted article's number after a hyphen (like "
            "53 or 97-1), not {article}", article=shown(raw, 16),
        ))  # fmt: skip
    return number
