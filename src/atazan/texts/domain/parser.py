"""Parse the official Markdown texts of the Constitutions into an `Expression`.

Two layouts are understood, both as published by the kazakhstan-law/codes repository (see data/constitution/SOURCES.md):

* 1995 (Adilet revision of 01.01.2023): front matter blocks (the file is three files concatenated), a title, a verse
  preamble in an italic block quote, an index table of the parts (skipped), section headings split over two `##`
  lines (`## Раздел I.` then `## Общие положения`; `## I бөлім` then `## ЖАЛПЫ ЕРЕЖЕЛЕР`), `### Статья N` /
  `### N-бап` article headings.
* 2026 (zan.gov.kz): one front matter block, a title, an editorial footnote, a plain preamble, one-line section
  headings (`## Раздел I Основы …`, `## І бөлім …`) and bold article headings (`**Статья N**`, `**N-бап**`).

Normative text is kept apart from what only accompanies it: editorial footnotes («Сноска»/«Ескерту») and the
Constitutional Court's notes and interpretations («Примечание»/«Ескертпе», «В соответствии с нормативным
постановлением…», «…нормативтік қаулысына сәйкес»). Anything the parser cannot place raises `ParseError` naming
the line and the rule it broke; it never guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .model import Article, Expression, Note, NoteKind, Paragraph, Section, Subparagraph
from .timeline import application_date

WORK_1995 = "/akn/kz/act/1995-08-30/constitution"
WORK_2026 = "/akn/kz/act/2026-03-15/constitution"
LANGUAGES = ("rus", "kaz")

# The dated expressions the project ships. 1995: the final Adilet revision, 01.01.2023 (SOURCES.md);
# 2026: adopted by referendum on 15.03.2026, in force from 01.07.2026 (Constitution 2026, Art. 94(1)).
EXPRESSION_DATES: dict[str, date] = {WORK_1995: date(2023, 1, 1), WORK_2026: date(2026, 7, 1)}
WORK_BY_YEAR: dict[int, str] = {1995: WORK_1995, 2026: WORK_2026}


class ParseError(ValueError):
    """The text breaks a rule of the layout; `line` is 1-based, `rule` a short stable name."""

    def __init__(self, line: int, rule: str, message: str) -> None:
        super().__init__(f"line {line}: [{rule}] {message}")
        self.line = line
        self.rule = rule
        self.message = message


# Cyrillic look-alikes appear in the Kazakh headings ("І бөлім", Cyrillic І); numerals are normalised to Latin.
_ROMAN_LOOKALIKES = str.maketrans({"І": "I", "Х": "X", "У": "V"})
_ROMAN = "[IVXІХ]+"
_ART_NUM = r"\d+(?:-\d+)?"

_SECTION_RUS = re.compile(rf"^## Раздел ({_ROMAN})\.?(?:\s+(.+))?$")
_SECTION_KAZ = re.compile(rf"^## ({_ROMAN}) бөлім\.?(?:\s+(.+))?$")
_ARTICLE = re.compile(rf"^(?:###\s+|\*\*)(?:Статья\s+({_ART_NUM})|({_ART_NUM})-бап)\.?(?:\*\*)?\s*$")
_ANCHOR = re.compile(r'^<a id="[^"]*"></a>$')
_PARA = re.compile(rf"^({_ART_NUM})\.\s+(.*)$")
_SUBPARA = re.compile(rf"^({_ART_NUM}\))\s+(.*)$")
_FOOTNOTE = re.compile(r"^(?:Сноска|Ескерту)\.")
_COURT_NOTE = re.compile(r"^(?:Примечание|Ескертпе)\.")
# Constitutional Court interpretations printed inside an article (1995 Arts. 25, 26, 62).
_INTERPRETATION_RUS = re.compile(r"^В соответствии с нормативным постановлением Конституционного Суда")
_INTERPRETATION_KAZ = re.compile(r"нормативтік қаулысына сәйкес\.?$")
_REPEAL = re.compile(r"исключена|алынып тасталды", re.IGNORECASE)
# A note announcing the wording a provision takes later (1995 Arts. 50(2), 50(3), 51(1), Law of 08.06.2022).
_NEW_WORDING = re.compile(r"(?:применяются в следующей редакции|мынадай редакцияда қолданылады):?$")

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def roman_to_int(numeral: str) -> int:
    total = 0
    values = [_ROMAN_VALUES[c] for c in numeral]
    for i, v in enumerate(values):
        total += -v if i + 1 < len(values) and values[i + 1] > v else v
    return total


def article_sort_key(num: str) -> tuple[int, int]:
    """`"83-1"` → (83, 1): the order in which inserted articles follow their base article."""
    major, _, minor = num.partition("-")
    return int(major), int(minor or 0)


def eid_part(num: str) -> str:
    return num.rstrip(").").replace(".", "-")


@dataclass
class _ParaBuilder:
    num: str
    eid: str
    text_lines: list[str]
    subparas: list[Subparagraph] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)  # text after a subparagraph: next list's lead-in or wrap-up
    lists: int = 0
    seen_nums: set[str] = field(default_factory=set)

    def build(self) -> Paragraph:
        return Paragraph(
            eid=self.eid,
            num=self.num,
            text="\n".join(self.text_lines),
            subparagraphs=tuple(self.subparas),
            wrap_up="\n".join(self.pending),
        )


@dataclass
class _ArticleBuilder:
    num: str
    eid: str
    section_num: str
    line: int
    paragraphs: list[_ParaBuilder] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def last_provision(self) -> str:
        if not self.paragraphs:
            return self.eid
        p = self.paragraphs[-1]
        return p.subparas[-1].eid if p.subparas and not p.pending else p.eid

    def build(self) -> Article:
        repealed = not self.paragraphs and any(
            n.kind is NoteKind.FOOTNOTE and _REPEAL.search(n.text) for n in self.notes
        )
        if not self.paragraphs and not repealed:
            raise ParseError(self.line, "article-empty", f"article {self.num} has no text and no repeal footnote")
        paragraphs = {p.eid: p for p in self.paragraphs}
        for note in self.notes:
            if note.kind is not NoteKind.AMENDMENT:
                continue
            if not note.wording:
                raise ParseError(
                    self.line,
                    "amendment-wording-missing",
                    f"article {self.num}: a new wording is announced, none follows",
                )
            para = paragraphs.get(note.provision)
            if para is None or para.subparas or not note.wording.startswith(f"{para.num}. "):
                raise ParseError(
                    self.line,
                    "amendment-wording-misplaced",
                    f"article {self.num}: the new wording {note.wording[:30]!r} does not replace the paragraph "
                    f"{note.provision or '(none)'} it follows",
                )
        return Article(
            eid=self.eid,
            num=self.num,
            section_num=self.section_num,
            paragraphs=tuple(p.build() for p in self.paragraphs),
            notes=tuple(self.notes),
            repealed=repealed,
        )


@dataclass
class _SectionBuilder:
    num: str
    heading: str
    line: int
    articles: list[Article] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def build(self) -> Section:
        if not self.heading:
            raise ParseError(self.line, "section-heading", f"section {self.num} has no heading")
        if not self.articles:
            raise ParseError(self.line, "section-empty", f"section {self.num} has no articles")
        return Section(
            eid=f"sec_{self.num}",
            num=self.num,
            heading=self.heading,
            articles=tuple(self.articles),
            notes=tuple(self.notes),
        )


def _strip_emphasis(text: str) -> str:
    text = text.strip()
    while len(text) >= 2 and text[0] == text[-1] and text[0] == "*":
        text = text[1:-1].strip()
    if text.startswith("**") and text.endswith("**"):
        text = text[2:-2].strip()
    return text


class _Parser:
    def __init__(self, text: str, *, work: str, language: str) -> None:
        self.lines = text.splitlines()
        self.work = work
        self.language = language
        self.title = ""
        self.source = ""
        self.preamble: list[str] = []
        self.doc_notes: list[Note] = []
        self.sections: list[Section] = []
        self.section: _SectionBuilder | None = None
        self.article: _ArticleBuilder | None = None
        self.pending_notes: list[Note] = []  # printed between an article's anchor and its heading
        self.after_anchor = False
        self.awaiting_heading = False  # 1995: the section's heading is the next `##` line
        self.in_index = False  # 1995: the "Части документа" table between preamble and Section I
        self.seen_articles: dict[str, int] = {}
        self.last_note: tuple[Note, list[Note], int] | None = None  # an indented note that may take a new wording

    # -- notes ------------------------------------------------------------------------------------------------
    def _note(self, lineno: int, kind: NoteKind, text: str, indented: bool) -> None:
        if self.section is None:
            if self.sections or self.article is not None:
                raise ParseError(lineno, "note-outside-section", "a note after the last section")
            self.doc_notes.append(Note(kind=kind, text=text))
            return
        if self.article is None:
            target = self.pending_notes if self.after_anchor else self.section.notes
            target.append(Note(kind=kind, text=text))
            return
        if self.after_anchor:
            self.pending_notes.append(Note(kind=kind, text=text))
            return
        # A footnote speaks of the whole article ("Статья 44 с изменениями…"); a court note follows its provision.
        provision = "" if kind is NoteKind.FOOTNOTE else self.article.last_provision()
        applies_from = None
        if kind is NoteKind.COURT_NOTE and _NEW_WORDING.search(text):
            kind = NoteKind.AMENDMENT
            applies_from = application_date(text)
            if applies_from is None:
                raise ParseError(
                    lineno, "amendment-date-unknown", f"a new wording from a date not known: {text[:80]!r}"
                )
        note = Note(kind=kind, text=text, provision=provision, applies_from=applies_from)
        self.article.notes.append(note)
        self.last_note = (note, self.article.notes, lineno) if indented else None

    def _extend_last_note(self, lineno: int, text: str) -> bool:
        """1995 Arts. 50, 51, 72: an indented note announcing a future wording is followed by that wording."""
        if self.last_note is None or self.last_note[2] < lineno - 2:
            return False
        note, owner, _ = self.last_note
        wording = "\n".join(w for w in (note.wording, text) if w) if note.kind is NoteKind.AMENDMENT else ""
        extended = replace(note, text=f"{note.text}\n{text}", wording=wording)
        owner[owner.index(note)] = extended
        self.last_note = (extended, owner, lineno)
        return True

    # -- structure --------------------------------------------------------------------------------------------
    def _close_article(self) -> None:
        if self.article is not None and self.section is not None:
            self.section.articles.append(self.article.build())
        self.article = None

    def _close_section(self) -> None:
        self._close_article()
        if self.section is not None:
            if self.pending_notes:
                raise ParseError(self.section.line, "note-dangling", "notes after an anchor with no article")
            self.sections.append(self.section.build())
        self.section = None

    def _open_section(self, lineno: int, numeral: str, heading: str) -> None:
        self._close_section()
        num = numeral.translate(_ROMAN_LOOKALIKES)
        expected = len(self.sections) + 1
        if roman_to_int(num) != expected:
            raise ParseError(lineno, "section-order", f"section {num} where section number {expected} was expected")
        self.section = _SectionBuilder(num=num, heading=heading.strip(), line=lineno)
        self.awaiting_heading = not heading.strip()
        self.after_anchor = False

    def _open_article(self, lineno: int, num: str) -> None:
        if self.section is None:
            raise ParseError(lineno, "article-outside-section", f"article {num} before any section heading")
        if num in self.seen_articles:
            raise ParseError(
                lineno, "article-duplicate", f"article {num} already began on line {self.seen_articles[num]}"
            )
        last = self.article.num if self.article else (self._last_article_num())
        if last is not None and article_sort_key(num) <= article_sort_key(last):
            raise ParseError(lineno, "article-order", f"article {num} follows article {last}")
        self._close_article()
        self.seen_articles[num] = lineno
        self.article = _ArticleBuilder(num=num, eid=f"art_{num}", section_num=self.section.num, line=lineno)
        self.article.notes.extend(self.pending_notes)
        self.pending_notes = []
        self.after_anchor = False
        self.last_note = None

    def _last_article_num(self) -> str | None:
        if self.section is not None and self.section.articles:
            return self.section.articles[-1].num
        for s in reversed(self.sections):
            return s.articles[-1].num
        return None

    def _paragraph(self, lineno: int, num: str, text: str) -> None:
        art = self._require_article(lineno, text)
        eid = f"{art.eid}__para_{eid_part(num)}"
        if any(p.eid == eid for p in art.paragraphs):
            raise ParseError(lineno, "paragraph-duplicate", f"paragraph {num} appears twice in article {art.num}")
        art.paragraphs.append(_ParaBuilder(num=num, eid=eid, text_lines=[text]))

    def _unnumbered(self, lineno: int, text: str) -> None:
        art = self._require_article(lineno, text)
        if not art.paragraphs:
            art.paragraphs.append(_ParaBuilder(num="", eid=f"{art.eid}__para_1", text_lines=[text]))
            return
        # A further part of the same paragraph; the sources are not consistent about indenting it (2026 Art. 43(1)).
        para = art.paragraphs[-1]
        if para.subparas:
            para.pending.append(text)
        else:
            para.text_lines.append(text)

    def _subparagraph(self, lineno: int, num: str, text: str) -> None:
        art = self._require_article(lineno, text)
        if not art.paragraphs:
            raise ParseError(lineno, "subparagraph-orphan", f"subparagraph {num} before any text of article {art.num}")
        para = art.paragraphs[-1]
        lead_in = "\n".join(para.pending)
        if lead_in and para.subparas and num not in para.seen_nums:
            # The numbering goes on (2026 Art. 46: 2), a sentence, 3)), so the sentence continues the item before it;
            # only a list that starts again from its first number (1995 Art. 52(5)) is introduced by such a text.
            para.subparas[-1] = replace(para.subparas[-1], text=f"{para.subparas[-1].text}\n{lead_in}")
            lead_in = ""
        if not para.subparas or lead_in or num in para.seen_nums:
            para.lists += 1
            para.seen_nums = set()
        if num in para.seen_nums:
            raise ParseError(lineno, "subparagraph-duplicate", f"subparagraph {num} repeats in {para.eid}")
        para.seen_nums.add(num)
        prefix = para.eid if para.lists == 1 else f"{para.eid}__list_{para.lists}"
        para.subparas.append(
            Subparagraph(eid=f"{prefix}__subpara_{eid_part(num)}", num=num, text=text, lead_in=lead_in)
        )
        para.pending = []

    def _require_article(self, lineno: int, text: str) -> _ArticleBuilder:
        if self.article is None or self.after_anchor:
            raise ParseError(lineno, "text-outside-article", f"text outside any article: {text[:60]!r}")
        return self.article

    # -- the line loop ----------------------------------------------------------------------------------------
    def parse(self) -> Expression:
        i = 0
        n = len(self.lines)
        while i < n:
            lineno = i + 1
            raw = self.lines[i].rstrip()
            i += 1
            if raw.strip() == "---":
                i = self._skip_front_matter(i, lineno)
                continue
            if not raw.strip():
                continue
            if self.in_index:
                if raw.startswith("## ") or raw.startswith("# "):
                    self.in_index = False
                else:
                    continue
            self._line(lineno, raw)
        self._close_section()
        return self._expression()

    def _skip_front_matter(self, i: int, lineno: int) -> int:
        while i < len(self.lines):
            line = self.lines[i].rstrip()
            i += 1
            if line == "---":
                self.in_index = False
                return i
            if line.startswith("source:") and not self.source:
                self.source = line.removeprefix("source:").strip()
        raise ParseError(lineno, "front-matter-unclosed", "a '---' block is never closed")

    def _line(self, lineno: int, raw: str) -> None:
        indent = len(raw) - len(raw.lstrip(" "))
        line = raw.strip()
        indented = indent > 0
        if line.startswith("# "):
            if self.title or self.sections or self.section:
                raise ParseError(lineno, "title-repeated", "a second '# ' title")
            self.title = line[2:].strip()
            return
        if line.startswith("## "):
            self._heading2(lineno, line)
            return
        if line.startswith("#"):
            m = _ARTICLE.match(line)
            if not m:
                raise ParseError(lineno, "heading-unknown", f"heading not understood: {line[:60]!r}")
            self._open_article(lineno, m.group(1) or m.group(2))
            return
        if _ANCHOR.match(line):
            self._close_article()
            self.after_anchor = True
            return
        m = _ARTICLE.match(line)
        if m:
            self._open_article(lineno, m.group(1) or m.group(2))
            return
        if self.awaiting_heading:
            raise ParseError(lineno, "section-heading", "section number not followed by its heading")
        if line.startswith(">"):
            body = _strip_emphasis(line.lstrip(">").strip())
            if _FOOTNOTE.match(body):
                self._note(lineno, NoteKind.FOOTNOTE, body, indented)
            elif _COURT_NOTE.match(body):
                self._note(lineno, NoteKind.COURT_NOTE, body, indented)
            elif self.section is None and not self.sections:
                self.preamble.append(body)
            else:
                raise ParseError(lineno, "quote-unknown", f"a quoted line that is neither footnote nor note: {body!r}")
            return
        body = _strip_emphasis(line)
        if _FOOTNOTE.match(body):
            self._note(lineno, NoteKind.FOOTNOTE, body, indented)
            return
        if _COURT_NOTE.match(body) or _INTERPRETATION_RUS.match(body) or _INTERPRETATION_KAZ.search(body):
            self._note(lineno, NoteKind.COURT_NOTE, body, indented)
            return
        if self.section is None:
            if self.sections:
                raise ParseError(lineno, "text-outside-section", f"text after the last section: {line[:60]!r}")
            if not self.title:
                raise ParseError(lineno, "text-before-title", f"text before the title: {line[:60]!r}")
            self.preamble.append(body)
            return
        if indented and _PARA.match(line) and self._extend_last_note(lineno, line):
            return
        self.last_note = None
        m = _PARA.match(line)
        if m and not indented:
            self._paragraph(lineno, m.group(1), m.group(2).strip())
            return
        m = _SUBPARA.match(line)
        if m:
            self._subparagraph(lineno, m.group(1), m.group(2).strip())
            return
        if m is None and _PARA.match(line):
            raise ParseError(lineno, "paragraph-indented", f"an indented numbered paragraph: {line[:60]!r}")
        self._unnumbered(lineno, line)

    def _heading2(self, lineno: int, line: str) -> None:
        pattern = _SECTION_RUS if self.language == "rus" else _SECTION_KAZ
        m = pattern.match(line)
        if m:
            self._open_section(lineno, m.group(1), m.group(2) or "")
            return
        if self.awaiting_heading and self.section is not None:
            self.section.heading = line[3:].strip()
            self.awaiting_heading = False
            return
        if self.section is None and not self.sections:
            # 1995: the "Части документа" index of the repository's parts; not part of the Constitution.
            self.in_index = True
            return
        raise ParseError(lineno, "heading-unknown", f"a '##' heading that is not a section: {line[:60]!r}")

    def _expression(self) -> Expression:
        if not self.title:
            raise ParseError(1, "title-missing", "no '# ' title line")
        if not self.sections:
            raise ParseError(len(self.lines), "sections-missing", "no sections found")
        return Expression(
            work_uri=self.work,
            language=self.language,
            date=EXPRESSION_DATES[self.work],
            title=self.title,
            source=self.source,
            preamble="\n".join(self.preamble),
            sections=tuple(self.sections),
            notes=tuple(self.doc_notes),
        )


def parse_expression(text: str, *, work: str, language: str) -> Expression:
    """Parse one official text. `work` is one of the work URIs above; `language` "rus" or "kaz".

    Raises ParseError (line number and rule) on anything outside the two known layouts.
    """
    if work not in EXPRESSION_DATES:
        raise ValueError(f"unknown work {work!r}; known: {sorted(EXPRESSION_DATES)}")
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; known: {LANGUAGES}")
    return _Parser(text, work=work, language=language).parse()


def official_path(year: int, language: str, base: Path | None = None) -> Path:
    """The packaged official text (or the same layout under `base`, e.g. a settings override)."""
    if year not in WORK_BY_YEAR:
        raise ValueError(f"no Constitution of {year}; known: {sorted(WORK_BY_YEAR)}")
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; known: {LANGUAGES}")
    if base is None:
        base = Path(__file__).resolve().parent.parent / "data" / "constitution"
    return base / str(year) / f"{language}.md"


def load_official(year: int, language: str, base: Path | None = None) -> Expression:
    """Parse the official text of the 1995 or 2026 Constitution in Russian or Kazakh."""
    path = official_path(year, language, base)
    return parse_expression(path.read_text(encoding="utf-8"), work=WORK_BY_YEAR[year], language=language)
