"""The comparison of two expressions: alignment, a word diff for every aligned pair, and the figures.

Definitions (every figure is a count over the parsed normative text; notes and repeal notices are left out):

- **old articles in force**: articles of the old expression not already repealed in it (1995: 102 printed articles,
  Art. 84 repealed in 2007, so 101).
- **articles changed**: old articles in force whose relation is not ``unchanged`` or ``renumbered`` (i.e. amended,
  split, merged or repealed).
- **share of the old text changed, by words**: 1 − (old words kept ÷ old words), where *old words* are the word
  tokens (letter/digit runs) of the old articles in force, and an old word is *kept* when it lies in an ``equal``
  segment of the word diff between its article and at least one of the article's counterparts (each counterpart
  diffed separately, so a paragraph moved to another article counts as kept). A repealed article keeps nothing.
- **share of the new text that is new, by words**: the same from the other side, over the new articles.
- **new** and **repealed** articles: entries with those relations.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from atazan.texts.domain.align import Alignment, MappingEntry, Relation, align, normative_text
from atazan.texts.domain.diff import Op, Segment, tokens, word_diff
from atazan.texts.domain.messages import Msg, msg
from atazan.texts.domain.model import Expression

OFFICIAL_ARTICLES_CHANGED = 77
OFFICIAL_DESCRIBED = msg("the consolidated draft of 28 January 2026 (preamble, 11 sections, 104 articles)")
"""What the official figure described; the pages render it in the reader's language, the JSON gives the English."""
OFFICIAL_FIGURE: dict[str, object] = {
    "date": "2026-01-28",
    "articles_changed": OFFICIAL_ARTICLES_CHANGED,
    "share_changed_percent": 84,
    "draft_articles": 104,
    "quote": 'proposed changes to 77 articles of the old text, "about 84%"',
    "described": OFFICIAL_DESCRIBED.render(),
    "source": "shared/domain/FACTS.md, 'The reform, in order', row 2026-01-28",
}
"""The officially quoted figure for the January draft (FACTS.md). It is shown next to ours, never replaced by it."""


@dataclass(frozen=True, slots=True)
class PairDiff:
    old: str  # old article number ("" for a new article)
    new: str  # new article number ("" for a repealed article)
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class Stats:
    old_articles: int
    old_in_force: int
    repealed_before: int
    new_articles_total: int
    unchanged: int
    renumbered: int
    amended: int
    split: int
    merged: int  # old articles merged into another
    repealed: int  # old articles in force with no counterpart in the new text
    new: int
    articles_changed: int
    old_words: int
    old_words_kept: int
    new_words: int
    new_words_kept: int

    @property
    def share_old_changed(self) -> Fraction:
        return 1 - Fraction(self.old_words_kept, self.old_words) if self.old_words else Fraction(0)

    @property
    def share_new_text_new(self) -> Fraction:
        return 1 - Fraction(self.new_words_kept, self.new_words) if self.new_words else Fraction(0)

    @property
    def share_articles_changed(self) -> Fraction:
        return Fraction(self.articles_changed, self.old_in_force) if self.old_in_force else Fraction(0)

    def why_figures_differ_msg(self) -> Msg:
        """Why our figures are not the official ones, in no language yet (the pages render it)."""
        official_share = Fraction(OFFICIAL_ARTICLES_CHANGED, self.old_in_force)
        return msg(
            'The official "77 articles, about 84%" described the consolidated draft of 28 January 2026, which had 104 '
            "articles; the text adopted on 15 March 2026 is the final draft of 12 February, with {new_articles_total} "
            "articles, so the drafts were still changing after the figure was given. The statement does not say what "
            "the 84% is a share of: 77 of the {old_in_force} articles in force would be {official_article_share}%, so "
            "it is not a share of articles counted as here. The figures on this page are computed from the adopted "
            "text: an article counts as changed if any word of it changed or it moved into or out of another article, "
            "and the share of text is counted in words, keeping words that moved to another article.",
            new_articles_total=self.new_articles_total,
            old_in_force=self.old_in_force,
            official_article_share=Decimal(str(_percent(official_share))),  # a decimal comma in kk/ru
        )

    def why_figures_differ(self) -> str:
        """The same in English, for the JSON and the CLI."""
        return self.why_figures_differ_msg().render()

    def as_json(self) -> dict[str, object]:
        return {
            "old_articles": self.old_articles,
            "old_articles_in_force": self.old_in_force,
            "repealed_before": self.repealed_before,
            "new_articles": self.new_articles_total,
            "unchanged": self.unchanged,
            "renumbered": self.renumbered,
            "amended": self.amended,
            "split": self.split,
            "merged": self.merged,
            "repealed": self.repealed,
            "new": self.new,
            "articles_changed": self.articles_changed,
            "articles_changed_percent": _percent(self.share_articles_changed),
            "old_words": self.old_words,
            "old_words_kept": self.old_words_kept,
            "share_old_text_changed_percent": _percent(self.share_old_changed),
            "new_words": self.new_words,
            "new_words_kept": self.new_words_kept,
            "share_new_text_new_percent": _percent(self.share_new_text_new),
            "official_january_draft": dict(OFFICIAL_FIGURE),
            "why_figures_differ": self.why_figures_differ(),
        }


def _percent(share: Fraction) -> float:
    """A share as a percentage rounded to one decimal, for display only."""
    return round(float(share * 100), 1)


@dataclass(frozen=True, slots=True)
class Comparison:
    alignment: Alignment
    pair_diffs: tuple[PairDiff, ...]
    stats: Stats

    def entries(self) -> tuple[MappingEntry, ...]:
        return self.alignment.entries

    def diffs_for_old(self, num: str) -> tuple[PairDiff, ...]:
        return tuple(d for d in self.pair_diffs if d.old == num)

    def diffs_for_new(self, num: str) -> tuple[PairDiff, ...]:
        return tuple(d for d in self.pair_diffs if d.new == num)

    def entry_diff(self, entry: MappingEntry) -> list[Segment]:
        """One diff for a table row: the old side's wording against the new side's, articles in listed order."""
        old = {a.num: a for a in self.alignment.old.articles()}
        new = {a.num: a for a in self.alignment.new.articles()}
        return word_diff(
            "\n".join(normative_text(old[n]) for n in entry.old),
            "\n".join(normative_text(new[n]) for n in entry.new),
        )

    def as_json(self) -> dict[str, object]:
        """The CLI contract: {"mapping": [...], "stats": {...}}."""
        return {"mapping": [e.as_json() for e in self.alignment.entries], "stats": self.stats.as_json()}


def _kept_mask(segments: list[Segment], side: Op) -> list[bool]:
    """For each word of one side (old: side=DELETE, new: side=INSERT), whether it sits in an equal segment."""
    mask: list[bool] = []
    for s in segments:
        if s.op in (Op.EQUAL, side):
            mask.extend(s.op == Op.EQUAL for t in tokens(s.text) if any(ch.isalnum() for ch in t))
    return mask


def compare(old: Expression, new: Expression) -> Comparison:
    al = align(old, new)
    old_by = {a.num: a for a in old.articles()}
    new_by = {a.num: a for a in new.articles()}
    old_text = {n: normative_text(a) for n, a in old_by.items()}
    new_text = {n: normative_text(a) for n, a in new_by.items()}
    old_kept: dict[str, list[bool]] = {}
    new_kept: dict[str, list[bool]] = {}
    diffs: list[PairDiff] = []

    def merge(store: dict[str, list[bool]], key: str, mask: list[bool]) -> None:
        prev = store.get(key)
        store[key] = mask if prev is None else [x or y for x, y in zip(prev, mask, strict=True)]

    for e in al.entries:
        if e.relation == Relation.NEW:
            (b,) = e.new
            segs = word_diff("", new_text[b])
            diffs.append(PairDiff("", b, tuple(segs)))
            merge(new_kept, b, _kept_mask(segs, Op.INSERT))
        elif e.relation == Relation.REPEALED:
            (a,) = e.old
            segs = word_diff(old_text[a], "")
            diffs.append(PairDiff(a, "", tuple(segs)))
            merge(old_kept, a, _kept_mask(segs, Op.DELETE))
        else:
            for p in e.pairs:
                segs = word_diff(old_text[p.old], new_text[p.new])
                diffs.append(PairDiff(p.old, p.new, tuple(segs)))
                merge(old_kept, p.old, _kept_mask(segs, Op.DELETE))
                merge(new_kept, p.new, _kept_mask(segs, Op.INSERT))
    for b in new_by:  # a new article reached only through pairs of other entries still needs its word count
        if b not in new_kept:
            new_kept[b] = _kept_mask(word_diff("", new_text[b]), Op.INSERT)

    rel_of_old = {a: e.relation for e in al.entries for a in e.old}
    in_force = [a for a in old_by.values() if not a.repealed]
    counts = {r: sum(1 for a in in_force if rel_of_old[a.num] == r) for r in Relation}
    stats = Stats(
        old_articles=len(old_by),
        old_in_force=len(in_force),
        repealed_before=len(old_by) - len(in_force),
        new_articles_total=len(new_by),
        unchanged=counts[Relation.UNCHANGED],
        renumbered=counts[Relation.RENUMBERED],
        amended=counts[Relation.AMENDED],
        split=counts[Relation.SPLIT],
        merged=counts[Relation.MERGED],
        repealed=counts[Relation.REPEALED],
        new=sum(1 for e in al.entries if e.relation == Relation.NEW),
        articles_changed=len(in_force) - counts[Relation.UNCHANGED] - counts[Relation.RENUMBERED],
        old_words=sum(len(old_kept[a.num]) for a in in_force),
        old_words_kept=sum(sum(old_kept[a.num]) for a in in_force),
        new_words=sum(len(m) for m in new_kept.values()),
        new_words_kept=sum(sum(m) for m in new_kept.values()),
    )
    return Comparison(al, tuple(diffs), stats)
