"""Article-by-article alignment of two expressions of a constitution (1995 → 2026).

The question a citizen asks is "what became of Article N?". Article numbers cannot answer it: the 2026 text
renumbered almost everything (a new Section I "foundations", a People's Council section, the Kurultai instead of the
two-chamber Parliament) and moved paragraphs between articles (old Art. 77's procedural guarantees went into the
rights section; old Art. 91 became Arts. 92 and 93). So the aligner works on content, in three steps.

1. **Paragraph similarity.** Every paragraph (with its subparagraphs) of both texts becomes a TF-IDF vector over
   *stems* (the first :data:`STEM_LEN` letters of each lower-cased word, which absorbs most Russian and Kazakh
   inflection) and *stem bigrams* (shingles of two, which reward preserved word order). IDF is computed over the
   paragraphs of both texts together. The similarity of two paragraphs is the cosine of their vectors, computed
   exactly through an inverted index (every pair that shares a feature is scored; nothing is sampled or hashed).
   Each paragraph's best counterpart on the other side is kept if its similarity is at least
   :data:`PARA_MIN_SIM`.

2. **Article links.** Old article *a* and new article *b* are linked when the paragraphs of *a* whose best match
   lies in *b* carry at least :data:`LINK_MIN_SHARE` of *a*'s words, or the paragraphs of *b* whose best match lies
   in *a* carry at least that share of *b*'s words (so a short article absorbed into a long one, and a long article
   that lent one paragraph to a short new one, are both caught). Shares are exact fractions of word counts. An old
   article left without links after that is linked to its most similar new article if the whole-article cosine
   reaches :data:`ARTICLE_FALLBACK_SIM` (heavy rewording that keeps the subject).

3. **Relations**, decided per old article from its links (its *destinations*):

   - no destination → ``repealed`` (this includes articles already repealed in 1995, e.g. Art. 84);
   - two or more destinations → ``split`` (destinations listed by the share of the old text they received);
   - one destination *b* that is the only destination of at least one other old article too → ``merged``
     (one entry lists every old article whose only destination is *b*);
   - otherwise one-to-one: ``unchanged`` if the number and the word sequence are the same, ``renumbered`` if the
     word sequence is the same under another number, ``amended`` if the words differ.
   - a new article no old article links to → ``new``.

   "The same word sequence" compares lower-cased words (letters and digits), so a changed dash or quotation mark
   does not count as an amendment, while any changed, added or removed word does.

Every entry carries a similarity: the TF-IDF cosine between the old side's text and the new side's text (all
articles of the entry together), rounded to two decimals for display. Pairs within an entry carry their own.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from atazan.texts.domain.model import Article, Expression

STEM_LEN = 6
"""Letters kept of each word for similarity: "парламента"/"парламент" → "парлам", "президентінің" → "презид"."""

PARA_MIN_SIM = 0.30
"""A paragraph's best counterpart counts only from this cosine up (below it the paragraph is treated as new text)."""

LINK_MIN_SHARE = Fraction(1, 5)
"""An article link needs a fifth of the old article's words (or of the new article's words) to flow along it."""

LINK_BULK_SHARE = Fraction(1, 2)
"""When at least half of an old article's words went to one new article, that link needs no anchor."""

LINK_MIN_ANCHOR = 0.45
"""...and at least one paragraph pair along the link this similar: boilerplate ("… determined by law") stays below."""

ARTICLE_FALLBACK_SIM = 0.35
ARTICLE_MUTUAL_SIM = 0.20
"""...or this cosine, when the two articles are each other's most similar article (heavy rewording, e.g. Kazakh)."""

MERGE_MIN_SHARE = Fraction(1, 3)
"""A merge needs two or more old articles that each sent at least a third of their words to the same new article."""
"""Whole-article cosine that still links an otherwise unlinked old article to its closest new article."""

_WORD = re.compile(r"\w+", re.UNICODE)
_REPEALED_TEXT = re.compile(r"^\s*(?:исключен[аоы]?|алып тасталды|алынып тасталды)\b", re.IGNORECASE)
"""A repealed paragraph keeps its number and a line saying so ("Исключен Законом РК от …", "алып тасталды - ҚР …");
that line is editorial, not normative text, so it takes no part in similarity or in word counts."""


def is_repealed_text(text: str) -> bool:
    return bool(_REPEALED_TEXT.match(text))


def normative_text(article: Article) -> str:
    """The article's wording as compared: paragraphs and subparagraphs, repeal notices left out."""
    lines: list[str] = []
    for p in article.paragraphs:
        if p.text and not is_repealed_text(p.text):
            lines.append(f"{p.num}. {p.text}" if p.num else p.text)
        for s in p.subparagraphs:
            if not is_repealed_text(s.text):
                lines.append(f"{s.num} {s.text}")
    return "\n".join(lines)


def plain_text(article: Article) -> str:
    """The wording without paragraph numbers and repeal notices: what similarity and "same words" look at."""
    pieces = [p.text for p in article.paragraphs] + [s.text for p in article.paragraphs for s in p.subparagraphs]
    return "\n".join(t for t in pieces if t and not is_repealed_text(t))


class Relation(StrEnum):
    UNCHANGED = "unchanged"
    AMENDED = "amended"
    RENUMBERED = "renumbered"
    MERGED = "merged"
    SPLIT = "split"
    REPEALED = "repealed"
    NEW = "new"


_LOOKALIKES = str.maketrans({"i": "і", "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "ə": "ә"})
"""Latin letters typed inside Cyrillic words of the official Kazakh texts ("өмiр" with a Latin i, see SOURCES.md)."""


_CYR = "а-яёәіңғүұқөһ"
_LATIN_IN_CYRILLIC = re.compile(f"(?<=[{_CYR}])[iacepoxyə]+|[iacepoxyə]+(?=[{_CYR}])")


def words(text: str) -> list[str]:
    """Lower-cased words (letter/digit runs) for comparison: "ё" folded to "е" (Russian print is inconsistent),
    Latin look-alike letters next to Cyrillic ones folded to Cyrillic."""
    text = text.lower().replace("ё", "е")
    text = _LATIN_IN_CYRILLIC.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)
    return _WORD.findall(text)


def _stem(word: str) -> str:
    return word[:STEM_LEN]


def features(text: str) -> dict[str, int]:
    """Stem unigrams and stem bigrams (shingles of two) with their counts."""
    stems = [_stem(w) for w in words(text)]
    out: dict[str, int] = defaultdict(int)
    for s in stems:
        out[s] += 1
    for s1, s2 in zip(stems, stems[1:], strict=False):
        out[s1 + " " + s2] += 1
    return dict(out)


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph (with its subparagraphs) as an alignment unit."""

    article: str  # article number as printed
    eid: str
    text: str
    n_words: int


@dataclass(frozen=True, slots=True)
class ParagraphMatch:
    old_eid: str
    new_eid: str
    similarity: float


@dataclass(frozen=True, slots=True)
class PairLink:
    """One old article → one new article, with how much of each flowed along the link."""

    old: str
    new: str
    similarity: float  # whole-article TF-IDF cosine
    old_share: Fraction  # share of the old article's words whose paragraphs went to the new article
    new_share: Fraction  # share of the new article's words whose paragraphs came from the old article


@dataclass(frozen=True, slots=True)
class MappingEntry:
    old: tuple[str, ...]
    new: tuple[str, ...]
    relation: Relation
    similarity: float
    pairs: tuple[PairLink, ...] = ()
    repealed_before: bool = False  # the old article was already repealed in the old expression

    def as_json(self) -> dict[str, object]:
        """The CLI contract's shape: {"old": [...], "new": [...], "relation": ..., "similarity": 0.64}."""
        return {
            "old": list(self.old),
            "new": list(self.new),
            "relation": self.relation.value,
            "similarity": round(self.similarity, 2),
        }


@dataclass(frozen=True, slots=True)
class Alignment:
    old: Expression
    new: Expression
    entries: tuple[MappingEntry, ...]
    paragraph_matches: tuple[ParagraphMatch, ...]

    def for_old(self, num: str) -> MappingEntry:
        for e in self.entries:
            if num in e.old:
                return e
        raise KeyError(f"{self.old.expression_uri}: article {num} is not in the alignment")

    def for_new(self, num: str) -> tuple[MappingEntry, ...]:
        return tuple(e for e in self.entries if num in e.new)


class _Space:
    """TF-IDF space over the units of both texts; cosine via an inverted index."""

    def __init__(self, docs: list[dict[str, int]]) -> None:
        df: dict[str, int] = defaultdict(int)
        for d in docs:
            for f in d:
                df[f] += 1
        n = len(docs)
        self.idf = {f: math.log((n + 1) / (c + 1)) + 1.0 for f, c in df.items()}

    def vector(self, feats: dict[str, int]) -> dict[str, float]:
        v = {f: (1.0 + math.log(c)) * self.idf.get(f, 1.0) for f, c in feats.items()}
        norm = math.sqrt(sum(x * x for x in v.values()))
        return {f: x / norm for f, x in v.items()} if norm else {}


def cosine(u: dict[str, float], v: dict[str, float]) -> float:
    if len(u) > len(v):
        u, v = v, u
    return sum(x * v.get(f, 0.0) for f, x in u.items())


def _units(expr: Expression) -> list[Unit]:
    out = []
    for a in expr.articles():
        for p in a.paragraphs:
            pieces = [(p.eid, p.text), *((s.eid, s.text) for s in p.subparagraphs)]
            for eid, text in pieces:
                n = len(words(text))
                if n and not is_repealed_text(text):
                    out.append(Unit(article=a.num, eid=eid, text=text, n_words=n))
    return out


def _best_matches(
    src: list[dict[str, float]], dst: list[dict[str, float]]
) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
    """Best counterpart of every source vector among the destinations, and of every destination among the sources.

    Each is (index, cosine), (-1, 0.0) when nothing is shared. All pairs that share a feature are scored exactly
    (inverted index over the destinations); ties go to the lower index, i.e. the earlier paragraph.
    """
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, v in enumerate(dst):
        for f, x in v.items():
            index[f].append((j, x))
    rows: list[tuple[int, float]] = []
    cols: list[tuple[int, float]] = [(-1, 0.0)] * len(dst)
    for i, u in enumerate(src):
        acc: dict[int, float] = defaultdict(float)
        for f, x in u.items():
            postings = index.get(f)
            if postings:
                for j, y in postings:
                    acc[j] += x * y
        best_j, best_s = -1, 0.0
        for j, sim in acc.items():
            if sim > best_s or (sim == best_s and best_j >= 0 and j < best_j):
                best_j, best_s = j, sim
            ci, cs = cols[j]
            if sim > cs or (sim == cs and ci >= 0 and i < ci):
                cols[j] = (i, sim)
        rows.append((best_j, best_s))
    return rows, cols


def same_words(a: str, b: str) -> bool:
    return words(a) == words(b)


def align(old: Expression, new: Expression) -> Alignment:
    """Map every article of `old` to what it became in `new` (see the module docstring for the rules)."""
    old_units, new_units = _units(old), _units(new)
    old_feats = [features(u.text) for u in old_units]
    new_feats = [features(u.text) for u in new_units]
    old_articles = old.articles()
    new_articles = new.articles()
    art_feats_old = {a.num: features(plain_text(a)) for a in old_articles}
    art_feats_new = {a.num: features(plain_text(a)) for a in new_articles}
    space = _Space(old_feats + new_feats)
    ov = [space.vector(f) for f in old_feats]
    nv = [space.vector(f) for f in new_feats]
    avo = {k: space.vector(f) for k, f in art_feats_old.items()}
    avn = {k: space.vector(f) for k, f in art_feats_new.items()}

    words_old: dict[str, int] = defaultdict(int)
    words_new: dict[str, int] = defaultdict(int)
    for u in old_units:
        words_old[u.article] += u.n_words
    for u in new_units:
        words_new[u.article] += u.n_words

    flow_old: dict[tuple[str, str], int] = defaultdict(int)  # words of old paragraphs whose best match is in b
    flow_new: dict[tuple[str, str], int] = defaultdict(int)  # words of new paragraphs whose best match is in a
    anchor: dict[tuple[str, str], float] = defaultdict(float)  # the best paragraph similarity along a link
    matches = []
    rows, cols = _best_matches(ov, nv)
    for i, (j, s) in enumerate(rows):
        if j >= 0 and s >= PARA_MIN_SIM:
            key = (old_units[i].article, new_units[j].article)
            flow_old[key] += old_units[i].n_words
            anchor[key] = max(anchor[key], s)
            matches.append(ParagraphMatch(old_units[i].eid, new_units[j].eid, s))
    for j, (i, s) in enumerate(cols):
        if i >= 0 and s >= PARA_MIN_SIM:
            key = (old_units[i].article, new_units[j].article)
            flow_new[key] += new_units[j].n_words
            anchor[key] = max(anchor[key], s)

    links: dict[str, list[PairLink]] = defaultdict(list)
    for key in sorted(set(flow_old) | set(flow_new), key=lambda k: (_order(old, k[0]), _order(new, k[1]))):
        a, b = key
        os_ = Fraction(flow_old.get(key, 0), words_old[a]) if words_old[a] else Fraction(0)
        ns_ = Fraction(flow_new.get(key, 0), words_new[b]) if words_new[b] else Fraction(0)
        if os_ >= LINK_BULK_SHARE or (
            anchor[key] >= LINK_MIN_ANCHOR and (os_ >= LINK_MIN_SHARE or (os_ > 0 and ns_ >= LINK_MIN_SHARE))
        ):
            links[a].append(PairLink(a, b, cosine(avo[a], avn[b]), os_, ns_))
    for a_art in old_articles:
        a = a_art.num
        if links[a] or not words_old[a]:
            continue
        best = max(((cosine(avo[a], avn[b.num]), -k, b.num) for k, b in enumerate(new_articles)), default=None)
        if best is None:
            continue
        sim, _, b = best
        back = max(((cosine(avo[o.num], avn[b]), -k, o.num) for k, o in enumerate(old_articles)))[2]
        if sim >= ARTICLE_FALLBACK_SIM or (back == a and sim >= ARTICLE_MUTUAL_SIM):
            links[a].append(PairLink(a, b, sim, Fraction(0), Fraction(0)))

    for a in links:  # largest share of the old text first; then by the new article's position
        links[a].sort(key=lambda p: (-p.old_share, -p.new_share, _order(new, p.new)))

    single: dict[str, list[str]] = defaultdict(list)  # new article → old articles that went wholly into it
    for a_art in old_articles:
        ls = links[a_art.num]
        if len(ls) == 1 and ls[0].old_share >= MERGE_MIN_SHARE:
            single[ls[0].new].append(a_art.num)

    old_by_num = {a.num: a for a in old_articles}
    new_by_num = {a.num: a for a in new_articles}
    entries: list[MappingEntry] = []
    emitted_merged: set[str] = set()
    for a_art in old_articles:
        a = a_art.num
        ls = links[a]
        if not ls:
            entries.append(MappingEntry((a,), (), Relation.REPEALED, 0.0, (), a_art.repealed))
        elif len(ls) >= 2:
            new_nums = tuple(p.new for p in ls)
            sim = _side_cosine(space, [a_art], [new_by_num[n] for n in new_nums])
            entries.append(MappingEntry((a,), new_nums, Relation.SPLIT, sim, tuple(ls)))
        else:
            b = ls[0].new
            group = single[b]
            if len(group) >= 2 and a in group:
                if b in emitted_merged:
                    continue
                emitted_merged.add(b)
                pairs = tuple(links[g][0] for g in group)
                sim = _side_cosine(space, [old_by_num[g] for g in group], [new_by_num[b]])
                entries.append(MappingEntry(tuple(group), (b,), Relation.MERGED, sim, pairs))
            else:
                b_art = new_by_num[b]
                if same_words(plain_text(a_art), plain_text(b_art)):
                    rel = Relation.UNCHANGED if a == b else Relation.RENUMBERED
                else:
                    rel = Relation.AMENDED
                entries.append(MappingEntry((a,), (b,), rel, ls[0].similarity, tuple(ls)))
    linked_new = {p.new for ls in links.values() for p in ls}
    for b_art in new_articles:
        if b_art.num not in linked_new:
            entries.append(MappingEntry((), (b_art.num,), Relation.NEW, 0.0))
    return Alignment(old, new, tuple(entries), tuple(matches))


def _order(expr: Expression, num: str) -> int:
    for k, a in enumerate(expr.articles()):
        if a.num == num:
            return k
    raise KeyError(num)


def _side_cosine(space: _Space, olds: list[Article], news: list[Article]) -> float:
    u = space.vector(features("\n".join(plain_text(a) for a in olds)))
    v = space.vector(features("\n".join(plain_text(a) for a in news)))
    return cosine(u, v)
