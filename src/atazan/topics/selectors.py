"""Reads: topics with their counts, a topic's paragraphs in both Constitutions, what changed, search and export."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max, QuerySet
from django.urls import reverse

from atazan.texts.domain.snippets import Part, snippet
from atazan.texts.domain.stemming import term_forms

from . import corpus
from .domain.changes import ParagraphChange, topic_changes
from .domain.entrenchment import Entrenched, entrenchment_of
from .domain.tagging import normalised
from .domain.taxonomy import PREAMBLE, YEARS, article_key
from .models import Tag, Topic

LIVE = (Tag.Status.PROPOSED, Tag.Status.CONFIRMED)


def topics_list() -> QuerySet[Topic]:
    return Topic.objects.select_related("parent").order_by("order")


def topic_get(*, key: str) -> Topic:
    return Topic.objects.select_related("parent").get(key=key)


def provision_label(year: int, eid: str) -> str:
    """ "Art. 21(1)" for art_21__para_1; "Preamble" for the preamble."""
    if eid == PREAMBLE:
        return "Preamble"
    parts = eid.split("__")
    article = parts[0].removeprefix("art_")
    para = next((p.removeprefix("para_") for p in parts[1:] if p.startswith("para_")), "")
    return f"Art. {article}({para})" if para else f"Art. {article}"


def provision_url(year: int, lang: str, eid: str) -> str:
    """The reading page of the paragraph in the texts context (anchor on the paragraph)."""
    if eid == PREAMBLE:
        return reverse("texts:expression", kwargs={"year": year, "lang": lang})
    article = eid.split("__")[0].removeprefix("art_")
    return reverse("texts:article", kwargs={"year": year, "lang": lang, "num": article}) + f"#{eid}"


@dataclass
class TopicCount:
    topic: Topic
    counts: dict[int, int] = field(default_factory=dict)  # paragraphs with a live tag, by year
    confirmed: dict[int, int] = field(default_factory=dict)
    children: list[TopicCount] = field(default_factory=list)


def topic_counts() -> list[TopicCount]:
    """Every topic with the number of paragraphs tagged (proposed or confirmed) per Constitution, groups first."""
    live: dict[tuple[int, int], int] = defaultdict(int)
    confirmed: dict[tuple[int, int], int] = defaultdict(int)
    for topic_id, year, status in Tag.objects.filter(status__in=LIVE).values_list("topic_id", "year", "status"):
        live[(topic_id, year)] += 1
        if status == Tag.Status.CONFIRMED:
            confirmed[(topic_id, year)] += 1
    out: list[TopicCount] = []
    by_id: dict[int, TopicCount] = {}
    for t in topics_list():
        tc = TopicCount(t, {y: live[(t.pk, y)] for y in YEARS}, {y: confirmed[(t.pk, y)] for y in YEARS})
        by_id[t.pk] = tc
        if t.parent_id and t.parent_id in by_id:
            by_id[t.parent_id].children.append(tc)
        else:
            out.append(tc)
    return out


@dataclass
class ParagraphView:
    year: int
    eid: str
    article: str
    label: str
    text: str
    url: str
    tag: Tag | None = None
    entrenched: Entrenched | None = None
    other_topics: list[Topic] = field(default_factory=list)
    snippet: list[Part] = field(default_factory=list)  # a search result's passage around its first match


def paragraph_view(year: int, eid: str, lang: str, tag: Tag | None = None) -> ParagraphView | None:
    unit = corpus.unit_index().get((year, eid))
    if unit is None:
        return None
    return ParagraphView(
        year,
        eid,
        unit.article,
        provision_label(year, eid),
        unit.text(lang),
        provision_url(year, lang, eid),
        tag,
        entrenchment_of(year, eid),
    )


def _sort_key(eid: str) -> tuple[int, int, int]:
    if eid == PREAMBLE:
        return (0, 0, 0)
    major, minor = article_key(eid.split("__")[0].removeprefix("art_"))
    para = eid.rsplit("para_", 1)[-1].split("-")[0]
    return (major, minor, int(para) if para.isdigit() else 0)


def topic_paragraphs(*, topic: Topic, year: int, lang: str) -> list[ParagraphView]:
    """The paragraphs tagged with the topic (proposed or confirmed) in one Constitution, in document order."""
    tags = Tag.objects.filter(topic=topic, year=year, status__in=LIVE).select_related("decided_by")
    views = [v for t in tags if (v := paragraph_view(year, t.eid, lang, t)) is not None]
    return sorted(views, key=lambda v: _sort_key(v.eid))


def topic_articles(*, topic: Topic, year: int) -> list[str]:
    """The articles holding a paragraph tagged with the topic (proposed or confirmed), without reading the texts."""
    index = corpus.unit_index()
    tags = Tag.objects.filter(topic=topic, year=year, status__in=LIVE).values_list("eid", flat=True)
    return sorted({u.article for eid in tags if (u := index.get((year, eid))) is not None and u.article})


def tags_version() -> str:
    """Changes whenever a tag is added, removed or decided: the key of the pages' cached fragments."""
    state = Tag.objects.aggregate(n=Count("id"), last=Max("id"), decided=Max("decided_at"), made=Max("created_at"))
    return ":".join(str(state[k]).replace(" ", "T") for k in ("n", "last", "decided", "made"))


@dataclass
class ChangeView:
    change: ParagraphChange
    old: ParagraphView | None
    new: ParagraphView | None


def topic_comparison(*, topic: Topic, lang: str) -> list[ChangeView]:
    """What changed: the texts alignment's paragraph pairs for the topic, each with its word diff."""
    eids = {y: [v.eid for v in topic_paragraphs(topic=topic, year=y, lang=lang) if v.eid != PREAMBLE] for y in YEARS}
    index = corpus.unit_index()
    old_texts = {e: u.text(lang) for (y, e), u in index.items() if y == 1995}
    new_texts = {e: u.text(lang) for (y, e), u in index.items() if y == 2026}
    changes = topic_changes(corpus.alignment(lang), old_texts, new_texts, eids[1995], eids[2026])
    return [
        ChangeView(
            c,
            paragraph_view(1995, c.old_eid, lang) if c.old_eid else None,
            paragraph_view(2026, c.new_eid, lang) if c.new_eid else None,
        )
        for c in changes
    ]


def paragraph_topics(*, year: int, eids: list[str]) -> dict[str, list[Topic]]:
    out: dict[str, list[Topic]] = defaultdict(list)
    for t in (
        Tag.objects.filter(year=year, eid__in=eids, status__in=LIVE).select_related("topic").order_by("topic__order")
    ):
        out[t.eid].append(t.topic)
    return out


def paragraphs_search(
    *, query: str, topic: Topic | None, year: int | None, lang: str, limit: int = 200
) -> list[ParagraphView]:
    """Paragraphs whose normalised text contains every word of the query in any of its forms (each word reduced to
    its stem, texts.domain.stemming: «Курултая» finds what «Курултай» finds), optionally only those under a topic (its
    sub-topics included) and in one Constitution. Each result carries a snippet around its first match."""
    # each word by its forms: the stem, and a Kazakh stem's voiced form too («құқық» finds «құқығы», term_forms)
    terms = list(dict.fromkeys(term_forms(w, lang) for w in normalised(query).split()))
    prefixes = [f for forms in terms for f in forms]
    allowed: set[tuple[int, str]] | None = None
    if topic is not None:
        keys = [topic.pk, *topic.children.values_list("pk", flat=True)]
        allowed = set(Tag.objects.filter(topic_id__in=keys, status__in=LIVE).values_list("year", "eid"))
    out = []
    for unit in corpus.units():
        if year is not None and unit.year != year:
            continue
        if allowed is not None and (unit.year, unit.eid) not in allowed:
            continue
        text = normalised(unit.text(lang))
        if terms and not all(any(f in text for f in forms) for forms in terms):
            continue
        if not terms and allowed is None:
            continue
        view = paragraph_view(unit.year, unit.eid, lang)
        if view is not None:
            if terms:
                view.snippet = snippet(view.text, prefixes)
            out.append(view)
        if len(out) >= limit:
            break
    return sorted(out, key=lambda v: (-v.year, _sort_key(v.eid)))


def review_queue(*, status: str = Tag.Status.PROPOSED, origin: str = "", limit: int = 100) -> QuerySet[Tag]:
    qs = Tag.objects.filter(status=status).select_related("topic", "decided_by").order_by("-year", "id")
    if origin:
        qs = qs.filter(origin=origin)
    return qs[:limit]


EXPORT_FIELDS = (
    "constitution",
    "eid",
    "article",
    "label",
    "topic",
    "topic_parent",
    "topic_name_en",
    "topic_name_ru",
    "topic_name_kk",
    "constitute",
    "origin",
    "reason",
    "score",
    "status",
    "decided_by",
    "decided_at",
    "never_amendable",
)


def tags_export_rows(*, include_rejected: bool = False) -> list[dict[str, Any]]:
    """The open-data rows of the tags: one per (paragraph, topic), stable keys and names, who decided and when."""
    qs = Tag.objects.select_related("topic", "topic__parent", "decided_by").order_by("year", "topic__order", "id")
    if not include_rejected:
        qs = qs.filter(status__in=LIVE)
    rows = []
    for t in qs:
        ent = entrenchment_of(t.year, t.eid)
        rows.append(
            {
                "constitution": t.year,
                "eid": t.eid,
                "article": t.article_num,
                "label": provision_label(t.year, t.eid),
                "topic": t.topic.key,
                "topic_parent": t.topic.parent.key if t.topic.parent else "",
                "topic_name_en": t.topic.name_en,
                "topic_name_ru": t.topic.name_ru,
                "topic_name_kk": t.topic.name_kk,
                "constitute": " ".join(t.topic.constitute),
                "origin": t.origin,
                "reason": t.reason,
                "score": "" if t.score_permille is None else f"{t.score_permille / 1000:.3f}",
                "status": t.status,
                "decided_by": t.decided_by.get_username() if t.decided_by else "",
                "decided_at": t.decided_at.isoformat() if t.decided_at else "",
                "never_amendable": f"{ent.role.value}: {ent.source}" if ent else "",
            }
        )
    return rows


@dataclass(frozen=True)
class CoverageRow:
    year: int
    paragraphs: int
    tagged: int
    confirmed: int
    articles: int
    articles_tagged: int


def coverage() -> list[CoverageRow]:
    """Share of paragraphs (and articles) of each Constitution carrying at least one live tag, from the database."""
    live = set(Tag.objects.filter(status__in=LIVE).values_list("year", "eid"))
    conf = set(Tag.objects.filter(status=Tag.Status.CONFIRMED).values_list("year", "eid"))
    rows = []
    for year in YEARS:
        units = [u for u in corpus.units() if u.year == year]
        arts = {u.article for u in units if u.article}
        rows.append(
            CoverageRow(
                year,
                len(units),
                sum(1 for u in units if (year, u.eid) in live),
                sum(1 for u in units if (year, u.eid) in conf),
                len(arts),
                len({u.article for u in units if u.article and (year, u.eid) in live}),
            )
        )
    return rows
