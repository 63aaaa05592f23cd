"""Tagging every paragraph of a Constitution with topics: rules for the clear cases, similarity for the rest.

A *unit* is one paragraph (its subparagraphs included) of one Constitution, identified by the Constitution's year and
the paragraph's eId, with its Russian and Kazakh wording side by side (both official texts share eIds). The preamble
is one more unit, eId ``preamble``. Paragraphs that only say they were repealed carry no normative text and are not
units.

1. **Rules** (:func:`rule_tags`) come from the taxonomy and say why they fired: an article reference of the topic
   covers the paragraph ("articles 2026: 42..51"), or one of its patterns matches the paragraph's normalised Russian
   or Kazakh text ("pattern rus: обратн\\w* сил").
2. **Suggestions** (:func:`suggest`) are for what the rules leave open. Each topic gets a profile: the TF-IDF vectors
   (stems and stem bigrams of both languages, the features the texts aligner uses) of the paragraphs its rules
   tagged, summed and normalised. A paragraph is suggested the :data:`SUGGEST_TOP` topics nearest to it by cosine,
   at least :data:`SUGGEST_MIN_PERMILLE`, among the topics its rules did not already give it. Scores are integers
   in thousandths; ties go to the topic listed first. Nothing is random: the same texts give the same suggestions.

An editor confirms or rejects both kinds; nothing here decides that.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from atazan.texts.domain.align import features, is_repealed_text, words
from atazan.texts.domain.model import Expression

from .messages import Msg, msg
from .taxonomy import PREAMBLE, Taxonomy, Topic

SUGGEST_TOP = 2
SUGGEST_MIN_PERMILLE = 180
"""A suggestion needs a cosine of at least 0.18 with the topic's profile (tuned by reading the output: below it
suggestions are mostly boilerplate such as "… determined by constitutional law")."""


class UnitError(ValueError):
    """The two language versions of one Constitution do not pair up paragraph by paragraph."""


@dataclass(frozen=True, slots=True)
class Unit:
    year: int
    eid: str
    article: str  # "" for the preamble
    section: str  # roman numeral ("" for the preamble)
    text_rus: str
    text_kaz: str

    def text(self, language: str) -> str:
        return self.text_kaz if language == "kaz" else self.text_rus


def _paragraph_texts(expr: Expression) -> dict[str, tuple[str, str, str]]:
    out: dict[str, tuple[str, str, str]] = {}
    for section in expr.sections:
        for article in section.articles:
            for p in article.paragraphs:
                text = p.full_text()
                if not text or is_repealed_text(p.text or text):
                    continue
                out[p.eid] = (article.num, section.num, text)
    return out


def units_of(year: int, rus: Expression, kaz: Expression) -> list[Unit]:
    """The units of one Constitution from its Russian and Kazakh expressions, in document order."""
    r, k = _paragraph_texts(rus), _paragraph_texts(kaz)
    if set(r) != set(k):
        only = sorted(set(r) ^ set(k))[:5]
        raise UnitError(f"{year}: the Russian and Kazakh texts do not share paragraph eIds (e.g. {only})")
    units = []
    if rus.preamble.strip() or kaz.preamble.strip():
        units.append(Unit(year, PREAMBLE, "", "", rus.preamble.strip(), kaz.preamble.strip()))
    for eid, (article, section, text) in r.items():
        units.append(Unit(year, eid, article, section, text, k[eid][2]))
    return units


def normalised(text: str) -> str:
    """What patterns are searched in: lower-case words joined by single spaces (see the taxonomy file)."""
    return " ".join(words(text))


@dataclass(frozen=True, slots=True)
class RuleTag:
    year: int
    eid: str
    topic: str
    reasons: tuple[str, ...]  # every rule of the topic that fired, in the order the taxonomy lists them

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


def _reasons(topic: Topic, unit: Unit, texts: dict[str, str]) -> list[str]:
    reasons = [
        _articles_reason(unit.year, ref.text).render()
        for ref in topic.articles.get(unit.year, ())
        if ref.covers(unit.article, unit.eid)
    ]
    for lang in ("rus", "kaz"):
        for pattern in topic.patterns.get(lang, ()):
            if pattern.search(texts[lang]):
                reasons.append(_pattern_reason(lang, pattern.pattern).render())
    return reasons


# A tag's reason is stored as English text (the open-data export gives it so): "articles 2026: 18..19",
# "pattern rus: обратн\w* сил", "similar to the paragraphs tagged by rules (0.412)", several joined by "; ".
# ``reason_messages`` reads it back into messages for the pages, which show it in the reader's language.
def _articles_reason(year: int | str, refs: str) -> Msg:
    return msg("articles {year}: {refs}", year=str(year), refs=refs)


def _pattern_reason(lang: str, pattern: str) -> Msg:
    if lang == "kaz":
        return msg("pattern kaz: {pattern}", pattern=pattern)
    return msg("pattern rus: {pattern}", pattern=pattern)


def _similarity_reason(score: str) -> Msg:
    return msg("similar to the paragraphs tagged by rules ({score})", score=score)


_REASONS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Msg]], ...] = (
    (re.compile(r"^articles (\d{4}): (.+)$", re.S), lambda m: _articles_reason(m[1], m[2])),
    (re.compile(r"^pattern (rus|kaz): (.+)$", re.S), lambda m: _pattern_reason(m[1], m[2])),
    (re.compile(r"^similar to the paragraphs tagged by rules \(([\d.]+)\)$"), lambda m: _similarity_reason(m[1])),
)


def reason_messages(reason: str) -> list[Msg | str]:
    """A stored reason as messages, one per rule that fired; a part of another shape is kept as text."""
    out: list[Msg | str] = []
    for part in reason.split("; ") if reason else ():
        for pattern, make in _REASONS:
            if (m := pattern.match(part)) is not None:
                out.append(make(m))
                break
        else:
            out.append(part)
    return out


def rule_tags(taxonomy: Taxonomy, units: Iterable[Unit]) -> list[RuleTag]:
    """Every (unit, topic) pair a rule of the taxonomy fires on, units in the given order, topics in taxonomy order."""
    out: list[RuleTag] = []
    for unit in units:
        texts = {"rus": normalised(unit.text_rus), "kaz": normalised(unit.text_kaz)}
        for topic in taxonomy.topics:
            reasons = _reasons(topic, unit, texts)
            if reasons:
                out.append(RuleTag(unit.year, unit.eid, topic.key, tuple(reasons)))
    return out


@dataclass(frozen=True, slots=True)
class Suggestion:
    year: int
    eid: str
    topic: str
    score_permille: int  # cosine with the topic's profile, in thousandths

    @property
    def reason(self) -> str:
        return _similarity_reason(f"{self.score_permille / 1000:.3f}").render()


def _vectors(units: Sequence[Unit]) -> list[dict[str, float]]:
    feats = []
    for u in units:
        f: dict[str, int] = defaultdict(int)
        for text in (u.text_rus, u.text_kaz):
            for key, count in features(text).items():
                f[key] += count
        feats.append(dict(f))
    df: dict[str, int] = defaultdict(int)
    for f in feats:
        for key in f:
            df[key] += 1
    n = len(feats)
    vectors = []
    for f in feats:
        v = {key: (1.0 + math.log(c)) * (math.log((n + 1) / (df[key] + 1)) + 1.0) for key, c in f.items()}
        norm = math.sqrt(sum(x * x for x in v.values()))
        vectors.append({key: x / norm for key, x in v.items()} if norm else {})
    return vectors


def _normalise(v: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in v.values()))
    return {k: x / norm for k, x in v.items()} if norm else {}


def suggest(taxonomy: Taxonomy, units: Sequence[Unit], tags: Iterable[RuleTag]) -> list[Suggestion]:
    """Similarity suggestions for every unit among the leaf topics its rules did not give it (see module doc)."""
    vectors = _vectors(units)
    index = {(u.year, u.eid): i for i, u in enumerate(units)}
    tagged: dict[tuple[int, str], set[str]] = defaultdict(set)
    profiles_raw: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for t in tags:
        i = index.get((t.year, t.eid))
        if i is None:
            continue
        tagged[(t.year, t.eid)].add(t.topic)
        for key, x in vectors[i].items():
            profiles_raw[t.topic][key] += x
    leaves = [t for t in taxonomy.topics if not taxonomy.children(t.key)]
    profiles = {t.key: _normalise(dict(profiles_raw[t.key])) for t in leaves if t.key in profiles_raw}
    out: list[Suggestion] = []
    for i, unit in enumerate(units):
        have = tagged[(unit.year, unit.eid)]
        scored = []
        for rank, topic in enumerate(leaves):
            profile = profiles.get(topic.key)
            if profile is None or topic.key in have:
                continue
            v = vectors[i]
            sim = sum(x * profile.get(k, 0.0) for k, x in v.items())
            permille = round(sim * 1000)
            if permille >= SUGGEST_MIN_PERMILLE:
                scored.append((-permille, rank, topic.key))
        for neg, _, key in sorted(scored)[:SUGGEST_TOP]:
            out.append(Suggestion(unit.year, unit.eid, key, -neg))
    return out


@dataclass(frozen=True, slots=True)
class Coverage:
    year: int
    units: int
    by_rules: int  # units with at least one rule tag
    by_any: int  # units with a rule tag or a suggestion
    articles: int  # articles in force
    articles_tagged: int  # articles with at least one paragraph that has a rule tag or a suggestion

    @property
    def share_rules(self) -> Fraction:
        return Fraction(self.by_rules, self.units) if self.units else Fraction(0)

    @property
    def share_any(self) -> Fraction:
        return Fraction(self.by_any, self.units) if self.units else Fraction(0)


def coverage(year: int, units: Sequence[Unit], tags: Iterable[RuleTag], suggestions: Iterable[Suggestion]) -> Coverage:
    """How much of one Constitution the tags reach: exact counts, shares as fractions."""
    ruled = {t.eid for t in tags if t.year == year}
    suggested = {s.eid for s in suggestions if s.year == year}
    own = [u for u in units if u.year == year]
    articles = {u.article for u in own if u.article}
    tagged_articles = {u.article for u in own if u.article and (u.eid in ruled or u.eid in suggested)}
    return Coverage(
        year=year,
        units=len(own),
        by_rules=sum(1 for u in own if u.eid in ruled),
        by_any=sum(1 for u in own if u.eid in ruled or u.eid in suggested),
        articles=len(articles),
        articles_tagged=len(tagged_articles),
    )
