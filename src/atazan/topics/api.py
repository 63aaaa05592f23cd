"""Topics API under /api/topics/: the taxonomy with counts, a topic's paragraphs, its comparison, tags, safeguards."""

from __future__ import annotations

from typing import Annotated, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from pydantic import AfterValidator, Field, WithJsonSchema

from . import selectors
from .models import Tag, Topic
from .worked import worked_examples

router = Router(tags=["topics"])

# The fixed routes under /api/topics/ are no topic keys: `{key}` refuses them, so no route shadows another.
RESERVED_KEYS = ("tags", "safeguards")


def _not_reserved(key: str) -> str:
    if key in RESERVED_KEYS:
        raise ValueError(f"{key!r} is a route of /api/topics/, not a topic key")
    return key


TopicKey = Annotated[
    str,
    Field(min_length=1, max_length=60, pattern=r"^[-a-zA-Z0-9_]+$"),
    AfterValidator(_not_reserved),
    WithJsonSchema(
        {
            "type": "string",
            "minLength": 1,
            "maxLength": 60,
            "pattern": r"^[-a-zA-Z0-9_]+$",
            "not": {"enum": list(RESERVED_KEYS)},
        }
    ),
]
Lang = Literal["rus", "kaz"]


class TopicOut(Schema):
    key: str
    parent: str
    name_en: str
    name_ru: str
    name_kk: str
    constitute: list[str]
    paragraphs_1995: int
    paragraphs_2026: int
    url: str


class TopicParagraphOut(Schema):
    constitution: int
    eid: str
    label: str
    text: str
    url: str
    status: str
    origin: str
    reason: str
    decided_by: str
    never_amendable: str


class TopicDetailOut(Schema):
    topic: TopicOut
    paragraphs_2026: list[TopicParagraphOut]
    paragraphs_1995: list[TopicParagraphOut]


class TopicDiffSegmentOut(Schema):
    op: str
    text: str


class TopicChangeOut(Schema):
    change: str
    old_eid: str
    new_eid: str
    similarity: float
    segments: list[TopicDiffSegmentOut]


class TagOut(Schema):
    constitution: int
    eid: str
    label: str
    topic: str
    origin: str
    reason: str
    score: str
    status: str
    decided_by: str
    decided_at: str
    never_amendable: str


class FindingOut(Schema):
    guarantee: str
    provision: str
    outcome: str
    reason: str


class CaseOut(Schema):
    key: str
    title: str
    constitution: int
    topics: list[str]
    findings: list[FindingOut]


def _topic_out(t: Topic, counts: dict[int, int]) -> TopicOut:
    return TopicOut(
        key=t.key,
        parent=t.parent.key if t.parent else "",
        name_en=t.name_en,
        name_ru=t.name_ru,
        name_kk=t.name_kk,
        constitute=list(t.constitute),
        paragraphs_1995=counts.get(1995, 0),
        paragraphs_2026=counts.get(2026, 0),
        url=t.get_absolute_url(),
    )


def _paragraph_out(p: selectors.ParagraphView) -> TopicParagraphOut:
    tag = p.tag
    return TopicParagraphOut(
        constitution=p.year,
        eid=p.eid,
        label=p.label,
        text=p.text,
        url=p.url,
        status=tag.status if tag else "",
        origin=tag.origin if tag else "",
        reason=tag.reason if tag else "",
        decided_by=tag.decided_by.get_username() if tag and tag.decided_by else "",
        never_amendable=f"{p.entrenched.role.value}: {p.entrenched.source}" if p.entrenched else "",
    )


@router.get("/", response=list[TopicOut], summary="Topics with the number of paragraphs tagged in each Constitution")
def topics_index(request: HttpRequest) -> list[TopicOut]:
    out = []
    for group in selectors.topic_counts():
        out.append(_topic_out(group.topic, group.counts))
        out.extend(_topic_out(c.topic, c.counts) for c in group.children)
    return out


@router.get("/tags", response=list[TagOut], summary="Tags (open data): filter by constitution, topic and status")
def tags(
    request: HttpRequest, constitution: int | None = None, topic: str = "", status: str = "", eid: str = ""
) -> list[dict[str, object]]:
    rows = selectors.tags_export_rows(include_rejected=status == Tag.Status.REJECTED)
    return [
        r
        for r in rows
        if (constitution is None or r["constitution"] == constitution)
        and (not topic or r["topic"] == topic)
        and (not status or r["status"] == status)
        and (not eid or r["eid"] == eid)
    ]


@router.get("/safeguards", response=list[CaseOut], summary="Worked examples: situations checked against guarantees")
def safeguards(request: HttpRequest) -> list[CaseOut]:
    return [
        CaseOut(
            key=w.case.key,
            title=w.case.title,
            constitution=w.case.constitution,
            topics=list(w.case.topics),
            findings=[
                FindingOut(
                    guarantee=f.guarantee.key,
                    provision=f.guarantee.ref,
                    outcome=f.outcome.value,
                    reason=f.reason.render(),
                )
                for f in w.findings
            ],
        )
        for w in worked_examples()
    ]


@router.get("/{key}", response=TopicDetailOut, summary="A topic: its paragraphs in the 2026 and 1995 Constitutions")
def topic_detail(request: HttpRequest, key: TopicKey, lang: Lang = "rus") -> TopicDetailOut:
    t = get_object_or_404(Topic.objects.select_related("parent"), key=key)
    new = selectors.topic_paragraphs(topic=t, year=2026, lang=lang)
    old = selectors.topic_paragraphs(topic=t, year=1995, lang=lang)
    return TopicDetailOut(
        topic=_topic_out(t, {1995: len(old), 2026: len(new)}),
        paragraphs_2026=[_paragraph_out(p) for p in new],
        paragraphs_1995=[_paragraph_out(p) for p in old],
    )


@router.get(
    "/{key}/compare", response=list[TopicChangeOut], summary="What changed on a topic: paragraph pairs and diffs"
)
def topic_compare(request: HttpRequest, key: TopicKey, lang: Lang = "rus") -> list[TopicChangeOut]:
    t = get_object_or_404(Topic, key=key)
    return [
        TopicChangeOut(
            change=c.change.change.value,
            old_eid=c.change.old_eid,
            new_eid=c.change.new_eid,
            similarity=c.change.similarity_permille / 1000,
            segments=[TopicDiffSegmentOut(op=s.op.value, text=s.text) for s in c.change.segments],
        )
        for c in selectors.topic_comparison(topic=t, lang=lang)
    ]
