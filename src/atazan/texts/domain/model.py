"""The shape of a parsed legal text: a work's dated expression in one language, down to subparagraphs.

Pure data: the parser builds it, the aligner and differ read it, the Django adapter stores it. eIds follow
Akoma Ntoso naming (`sec_4`, `art_53`, `art_53__para_1`, `art_53__para_1__subpara_2`); article numbers keep the form
printed in the text (`"83-1"`), and an eId replaces the hyphen (`art_83-1`, as AKN allows hyphens in num parts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class NoteKind(StrEnum):
    """Text that accompanies the normative text but is not part of it."""

    FOOTNOTE = "footnote"  # editorial «Сноска»/«Ескерту»: who amended or repealed what, and when
    COURT_NOTE = "court_note"  # «Примечание»: Constitutional Court normative resolutions on the provision
    # «Примечание. В соответствии с Законом … применяются в следующей редакции:» followed by that wording: an amending
    # law's new wording of a provision, printed beside the wording still in force until it applies (1995 Arts. 50(2),
    # 50(3), 51(1) under the Law of 08.06.2022). Editorial, not the Court's: the point-in-time expression from
    # `applies_from` on carries `wording` in its body.
    AMENDMENT = "amendment"


@dataclass(frozen=True, slots=True)
class Note:
    kind: NoteKind
    text: str
    provision: str = ""  # eId of the provision the note was printed after ("" for a whole article or section)
    wording: str = ""  # AMENDMENT: the provision's new wording as printed, number included ("2. Сенат образуют …")
    applies_from: date | None = None  # AMENDMENT: the first day the new wording applies


@dataclass(frozen=True, slots=True)
class Subparagraph:
    eid: str
    num: str  # as printed: "1)", "а)"
    text: str  # with its continuation lines, if any (2026 Art. 46 2): "…; \nПрезидент … вправе распустить …")
    lead_in: str = ""  # unnumbered text introducing a second list inside the paragraph (1995 Art. 52(5))


@dataclass(frozen=True, slots=True)
class Paragraph:
    eid: str
    num: str  # "1", "2" … or "" for an unnumbered article body
    text: str  # the paragraph's own text, subparagraphs excluded
    subparagraphs: tuple[Subparagraph, ...] = ()
    wrap_up: str = ""  # unnumbered text after the last subparagraph

    def full_text(self) -> str:
        parts = [self.text]
        for s in self.subparagraphs:
            parts.extend((s.lead_in, f"{s.num} {s.text}"))
        parts.append(self.wrap_up)
        return "\n".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Article:
    eid: str
    num: str  # "53", "83-1"
    section_num: str  # roman numeral of its section: "IV"
    paragraphs: tuple[Paragraph, ...]
    notes: tuple[Note, ...] = ()
    repealed: bool = False

    def full_text(self) -> str:
        """The normative text only (notes excluded), paragraphs separated by newlines."""
        return "\n".join(p.full_text() for p in self.paragraphs)


@dataclass(frozen=True, slots=True)
class Section:
    eid: str
    num: str  # roman numeral as printed: "IV"
    heading: str
    articles: tuple[Article, ...]
    notes: tuple[Note, ...] = ()  # footnotes printed under the section heading


@dataclass(frozen=True, slots=True)
class Expression:
    """One dated language version of a work (FRBR expression)."""

    work_uri: str  # "/akn/kz/act/1995-08-30/constitution"
    language: str  # ISO 639-2/B as AKN uses: "rus", "kaz"
    date: date  # the expression date: the revision's date or date of entry into force
    title: str
    source: str  # where the text came from (URL / repository path)
    preamble: str
    sections: tuple[Section, ...]
    notes: tuple[Note, ...] = field(default=())

    @property
    def expression_uri(self) -> str:
        return f"{self.work_uri}/{self.language}@{self.date.isoformat()}"

    def articles(self) -> tuple[Article, ...]:
        return tuple(a for s in self.sections for a in s.articles)

    def article(self, num: str) -> Article:
        for a in self.articles():
            if a.num == num:
                return a
        raise KeyError(f"{self.expression_uri}: no article {num}")
