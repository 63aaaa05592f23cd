"""Adapter for the 1995 → 2026 comparison: cached per language, shaped for pages, API, CLI and downloads.

The comparison is computed from the parsed official texts (the same files the import reads), not from database
rows, so it needs no table of its own. It takes seconds, so it is computed once per version of the texts and of the
code that compares them, kept in the shared "computed" cache for every process, and in each process's memory.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from django.urls import reverse

from atazan.accounts.domain.exports import csv_row
from atazan.messages.render import render as msg_render

from .domain.align import MappingEntry, Relation, normative_text
from .domain.diff import Op, Segment
from .domain.messages import VOICE, Msg
from .domain.parser import load_official, official_path
from .domain.stats import Comparison, compare
from .services import constitution_dir

T = TypeVar("T")

PAIRS = ((1995, 2026),)
"""Comparisons offered: the old Constitution (last revision) against the new one."""


class ComparisonNotOffered(ValueError):
    """A comparison other than 1995 → 2026 in rus/kaz was asked for."""


def _check(from_year: int, to_year: int, lang: str) -> None:
    if (from_year, to_year) not in PAIRS:
        raise ComparisonNotOffered(f"comparison {from_year}→{to_year}: only {PAIRS} are offered")
    if lang not in ("rus", "kaz"):
        raise ComparisonNotOffered(f"comparison language {lang!r}: only rus and kaz")


def _version(from_year: int, to_year: int, lang: str) -> str:
    """What the comparison is computed from: the two texts and the code that aligns and diffs them (their files'
    sizes and times), so that a new text or a new aligner is never answered with an old comparison."""
    base = constitution_dir()
    files = [official_path(from_year, lang, base), official_path(to_year, lang, base), Path(__file__)]
    files += sorted((Path(__file__).parent / "domain").glob("*.py"))
    state = "|".join(f"{f}:{f.stat().st_size}:{f.stat().st_mtime_ns}" for f in files)
    return hashlib.sha256(state.encode()).hexdigest()[:24]


def _shared(name: str, from_year: int, to_year: int, lang: str, make: Callable[[], T]) -> T:
    """``make()`` computed once per version of its inputs on this machine (or cluster, with Redis) and kept in the
    "computed" cache: a new web process unpickles it in a fraction of the seconds it takes to compute."""
    from django.core.cache import caches
    from django.core.exceptions import ImproperlyConfigured

    key = f"texts:{name}:{from_year}:{to_year}:{lang}:{_version(from_year, to_year, lang)}"
    try:
        shared = caches["computed"]
    except (ImproperlyConfigured, KeyError):  # a command run without the settings: computed here, as before
        return make()
    found: T | None = shared.get(key)
    if found is None:
        found = make()
        shared.set(key, found, timeout=None)
    return found


@lru_cache(maxsize=8)
def _cached(from_year: int, to_year: int, lang: str) -> Comparison:
    base = constitution_dir()
    return _shared(
        "comparison",
        from_year,
        to_year,
        lang,
        lambda: compare(load_official(from_year, lang, base), load_official(to_year, lang, base)),
    )


def comparison_get(from_year: int = 1995, to_year: int = 2026, lang: str = "rus") -> Comparison:
    _check(from_year, to_year, lang)
    return _cached(from_year, to_year, lang)


def segments_json(segments: tuple[Segment, ...] | list[Segment]) -> list[dict[str, str]]:
    return [s.as_json() for s in segments]


def article_counterparts(year: int, lang: str, num: str) -> list[dict[str, Any]]:
    """Counterparts of article `num` of the `year` Constitution in the other one, with the word diff.

    Each item: other_year, num (None when there is none), url, relation, similarity (0–1), segments (old → new,
    i.e. deletions are 1995 wording, insertions 2026 wording), and the entry's other articles for context.
    """
    from_year, to_year = PAIRS[0]
    if year not in (from_year, to_year):
        return []
    c = comparison_get(from_year, to_year, lang)
    out: list[dict[str, Any]] = []
    if year == from_year:
        entry = c.alignment.for_old(num)
        sims = {p.new: p.similarity for p in entry.pairs}
        for d in c.diffs_for_old(num):
            other = d.new or None
            out.append(_item(to_year, lang, other, entry, sims.get(d.new, entry.similarity), d.segments))
    else:
        for entry in c.alignment.for_new(num):
            sims = {p.old: p.similarity for p in entry.pairs if p.new == num}
            for d in c.diffs_for_new(num):
                if d.old in entry.old or (not d.old and not entry.old):
                    out.append(_item(from_year, lang, d.old or None, entry, sims.get(d.old, 0.0), d.segments))
    return out


def _item(
    other_year: int, lang: str, other: str | None, entry: MappingEntry, similarity: float, segments: tuple[Segment, ...]
) -> dict[str, Any]:
    return {
        "other_year": other_year,
        "num": other,
        "url": reverse("texts:article", args=[other_year, lang, other]) if other else None,
        "relation": entry.relation.value,
        "similarity": round(similarity, 2),
        "similarity_percent": round(similarity * 100),
        "entry_old": list(entry.old),
        "entry_new": list(entry.new),
        "repealed_before": entry.repealed_before,
        "segments": segments_json(segments),
    }


def table_rows(c: Comparison, relations: set[str] | None = None) -> list[dict[str, Any]]:
    """Rows of the comparative table: old wording | new wording | change, one per mapping entry."""
    old = {a.num: a for a in c.alignment.old.articles()}
    new = {a.num: a for a in c.alignment.new.articles()}
    rows = []
    for e in c.entries():
        if relations and e.relation.value not in relations:
            continue
        segs = c.entry_diff(e)
        rows.append(
            {
                "old": list(e.old),
                "new": list(e.new),
                "relation": e.relation.value,
                "similarity": round(e.similarity, 2),
                "similarity_percent": round(e.similarity * 100),
                "repealed_before": e.repealed_before,
                "old_text": "\n".join(normative_text(old[n]) for n in e.old),
                "new_text": "\n".join(normative_text(new[n]) for n in e.new),
                "segments": segments_json(segs),
            }
        )
    return rows


@lru_cache(maxsize=8)
def _rows_cached(from_year: int, to_year: int, lang: str) -> tuple[dict[str, Any], ...]:
    return _shared(
        "rows", from_year, to_year, lang, lambda: tuple(table_rows(comparison_get(from_year, to_year, lang)))
    )


def rows_get(from_year: int, to_year: int, lang: str) -> tuple[dict[str, Any], ...]:
    """Every row of the comparative table, word diffs included, computed once per process (half a second of diffs)."""
    _check(from_year, to_year, lang)
    return _rows_cached(from_year, to_year, lang)


REPEALED = "repealed"
"""The group of the 1995 articles with no counterpart in 2026 (they belong to no section of the new text)."""


@dataclass(frozen=True, slots=True)
class TableSection:
    key: str  # the 2026 section's roman numeral, or REPEALED
    heading: str  # the section's heading in the texts' language ("" for REPEALED)
    rows: tuple[dict[str, Any], ...]


@lru_cache(maxsize=8)
def _sections_cached(from_year: int, to_year: int, lang: str) -> tuple[TableSection, ...]:
    c = comparison_get(from_year, to_year, lang)
    section_of = {a.num: a.section_num for a in c.alignment.new.articles()}
    grouped: dict[str, list[dict[str, Any]]] = {s.num: [] for s in c.alignment.new.sections}
    grouped[REPEALED] = []
    for row in rows_get(from_year, to_year, lang):
        grouped[section_of[row["new"][0]] if row["new"] else REPEALED].append(row)
    headings = {s.num: s.heading for s in c.alignment.new.sections}
    return tuple(TableSection(key, headings.get(key, ""), tuple(rows)) for key, rows in grouped.items() if rows)


def table_sections(from_year: int, to_year: int, lang: str) -> tuple[TableSection, ...]:
    """The table's rows grouped by the section of the 2026 Constitution they went to (the first new article of a
    row decides), in the new text's order, then the repealed 1995 articles: a page per section, not 110,000 pixels."""
    _check(from_year, to_year, lang)
    return _sections_cached(from_year, to_year, lang)


def diff_as_text(segments: list[dict[str, str]]) -> str:
    """A diff in plain text: [-deleted-] and {+inserted+}, for CSV."""
    parts = []
    for s in segments:
        if s["op"] == Op.DELETE:
            parts.append(f"[-{s['text']}-]")
        elif s["op"] == Op.INSERT:
            parts.append(f"{{+{s['text']}+}}")
        else:
            parts.append(s["text"])
    return "".join(parts)


CSV_HEADER = ["old_articles", "new_articles", "relation", "similarity", "old_wording", "new_wording", "change"]


class _Echo:
    def write(self, value: str) -> str:
        return value


def table_csv_lines(
    rows: Iterator[dict[str, Any]] | tuple[dict[str, Any], ...] | list[dict[str, Any]],
) -> Iterator[str]:
    """The comparative table as CSV, line by line (the download is streamed)."""
    w = csv.writer(_Echo())  # type: ignore[arg-type]
    yield w.writerow(CSV_HEADER)  # type: ignore[func-returns-value]
    for r in rows:
        # csv_row: no cell may start a spreadsheet formula (docs/security.md, CSV injection)
        yield w.writerow(  # type: ignore[func-returns-value]
            csv_row(
                [
                    " ".join(r["old"]),
                    " ".join(r["new"]),
                    r["relation"],
                    f"{r['similarity']:.2f}",
                    r["old_text"],
                    r["new_text"],
                    diff_as_text(r["segments"]),
                ]
            )
        )


def table_csv(c: Comparison) -> str:
    return "".join(table_csv_lines(table_rows(c)))


# The relations as the comparative table's badges name them (texts/_relation.html), for the DOCX download.
RELATION_LABELS: dict[Relation, Msg] = {
    Relation.UNCHANGED: VOICE.label("unchanged"),
    Relation.AMENDED: VOICE.label("amended"),
    Relation.RENUMBERED: VOICE.label("renumbered"),
    Relation.MERGED: VOICE.label("merged"),
    Relation.SPLIT: VOICE.label("split"),
    Relation.REPEALED: VOICE.label("repealed"),
    Relation.NEW: VOICE.label("new"),
}


def table_docx(c: Comparison) -> bytes:
    """The comparative table as a Word document: one row per mapping entry, the change with struck/underlined runs."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Pt, RGBColor

    al = c.alignment
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    doc.add_heading(f"{al.new.title}: 1995 → 2026 ({al.new.language})", level=1)
    s = c.stats
    summary = VOICE.msg(
        "Articles of 1995 in force: {in_force}; changed: {changed}; share of the 1995 text changed (by words): "
        "{share}%; new articles: {new}; repealed: {repealed}. Generated by {command}.",
        in_force=s.old_in_force,
        changed=s.articles_changed,
        share=f"{float(s.share_old_changed * 100):.1f}",
        new=s.new,
        repealed=s.repealed,
        command="atazan texts compare",
    )
    doc.add_paragraph(msg_render(summary))  # in the reader's language, as the page
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    hdr = table.rows[0].cells
    titles = (
        VOICE.label("Articles"),
        VOICE.msg("{year} wording", year="1995"),
        VOICE.msg("{year} wording", year="2026"),
        VOICE.label("Change"),
    )
    for cell, title in zip(hdr, titles, strict=True):
        cell.text = msg_render(title)
    labels = {r.value: msg_render(label) for r, label in RELATION_LABELS.items()}
    for r in table_rows(c):
        cells = table.add_row().cells
        relation = labels.get(r["relation"], r["relation"])
        cells[0].text = f"{', '.join(r['old']) or '—'} → {', '.join(r['new']) or '—'}\n{relation}"
        cells[1].text = r["old_text"]
        cells[2].text = r["new_text"]
        para = cells[3].paragraphs[0]
        for seg in r["segments"]:
            run = para.add_run(seg["text"])
            run.font.size = Pt(8)
            if seg["op"] == Op.DELETE:
                run.font.strike = True
                run.font.color.rgb = RGBColor(0x7A, 0x0E, 0x0E)
            elif seg["op"] == Op.INSERT:
                run.font.underline = True
                run.font.color.rgb = RGBColor(0x0B, 0x4F, 0x1C)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
