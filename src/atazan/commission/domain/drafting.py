"""Draft versions of the new Constitution as ordered article wordings, changed only by Commission decisions.

A draft is a sequence of articles (number as printed, wording with one numbered paragraph per line, as
``texts.domain.align.normative_text`` writes it). A decision carries article changes (amend, insert, repeal); applying
them to one draft gives the next. Comparing two drafts reuses the word-level differ of the texts context.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from atazan.texts.domain.diff import Op, Segment, word_diff

from .errors import DraftError
from .messages import Msg, label, msg, phrase

_PARA = re.compile(r"^(\d+(?:-\d+)?)\.\s+(.*)$", re.DOTALL)


class ChangeKind(StrEnum):
    AMEND = "amend"  # new wording of an existing article
    INSERT = "insert"  # a new article
    REPEAL = "repeal"  # the article leaves the draft


@dataclass(frozen=True, slots=True)
class DraftArticle:
    num: str
    wording: str


@dataclass(frozen=True, slots=True)
class ArticleChange:
    kind: ChangeKind
    article: str
    wording: str = ""
    after: str = ""  # for an insert: the article it follows ("" puts it first)


class ArticleStatus(StrEnum):
    UNCHANGED = "unchanged"
    AMENDED = "amended"
    INSERTED = "inserted"
    REPEALED = "repealed"


@dataclass(frozen=True, slots=True)
class ArticleDiff:
    num: str
    status: ArticleStatus
    segments: tuple[Segment, ...]

    @property
    def changed(self) -> bool:
        return self.status != ArticleStatus.UNCHANGED

    def as_json(self) -> dict[str, object]:
        return {"article": self.num, "status": self.status.value, "segments": [s.as_json() for s in self.segments]}


def change_label(kind: ChangeKind | str, article: str) -> Msg:
    """A change to an article, as a record names it: "amend Art. 17"."""
    if kind == ChangeKind.AMEND:
        return phrase("amend Art. {article}", article=article)
    if kind == ChangeKind.INSERT:
        return phrase("insert Art. {article}", article=article)
    return phrase("repeal Art. {article}", article=article)


def draft_apply(
    articles: Sequence[DraftArticle], changes: Sequence[ArticleChange], *, record: Msg | None = None
) -> tuple[DraftArticle, ...]:
    """The draft after the changes, applied in order. Refuses a change that does not fit the draft it meets."""
    out = list(articles)
    of = record or label("draft", context="commission record")
    for k, change in enumerate(changes, start=1):
        where = phrase(
            "{record}, change {k} ({change})", record=of, k=k, change=change_label(change.kind, change.article)
        )
        nums = [a.num for a in out]
        if change.kind != ChangeKind.REPEAL and not change.wording.strip():
            raise DraftError(
                record=where, rule=msg("wording_missing", "an amended or inserted article needs a wording")
            )
        if change.kind == ChangeKind.AMEND:
            if change.article not in nums:
                raise DraftError(record=where, rule=msg("amend_unknown", "only an article of the draft can be amended"))
            out[nums.index(change.article)] = DraftArticle(change.article, change.wording.strip())
        elif change.kind == ChangeKind.REPEAL:
            if change.article not in nums:
                raise DraftError(
                    record=where, rule=msg("repeal_unknown", "only an article of the draft can be repealed")
                )
            del out[nums.index(change.article)]
        else:
            if change.article in nums:
                raise DraftError(
                    record=where,
                    rule=msg("insert_taken", "an inserted article needs a number the draft does not use"),
                )
            if change.after and change.after not in nums:
                raise DraftError(
                    record=where,
                    rule=msg(
                        "insert_after_unknown", "Art. {after}, to insert after, is not in the draft", after=change.after
                    ),
                )
            at = nums.index(change.after) + 1 if change.after else 0
            out.insert(at, DraftArticle(change.article, change.wording.strip()))
    return tuple(out)


def draft_compare(old: Sequence[DraftArticle], new: Sequence[DraftArticle]) -> tuple[ArticleDiff, ...]:
    """Every article of either draft, in the new draft's order (repealed ones where they stood), with its diff."""
    old_by = {a.num: a.wording for a in old}
    new_by = {a.num: a.wording for a in new}
    order: list[str] = [a.num for a in new]
    for i, a in enumerate(old):
        if a.num not in new_by:
            prev = next((old[j].num for j in range(i - 1, -1, -1) if old[j].num in order), None)
            order.insert(order.index(prev) + 1 if prev is not None else 0, a.num)
    result: list[ArticleDiff] = []
    for num in order:
        if num not in old_by:
            result.append(ArticleDiff(num, ArticleStatus.INSERTED, (Segment(Op.INSERT, new_by[num]),)))
        elif num not in new_by:
            result.append(ArticleDiff(num, ArticleStatus.REPEALED, (Segment(Op.DELETE, old_by[num]),)))
        elif old_by[num] == new_by[num]:
            result.append(ArticleDiff(num, ArticleStatus.UNCHANGED, (Segment(Op.EQUAL, new_by[num]),)))
        else:
            result.append(ArticleDiff(num, ArticleStatus.AMENDED, tuple(word_diff(old_by[num], new_by[num]))))
    return tuple(result)


def paragraphs(wording: str) -> list[tuple[str, str]]:
    """(number, text) for each line of a wording; an unnumbered line belongs to the paragraph before it
    (subparagraphs), or stands as paragraph "" when the article has no numbered paragraphs."""
    out: list[tuple[str, str]] = []
    for line in wording.split("\n"):
        if not line.strip():
            continue
        m = _PARA.match(line)
        if m:
            out.append((m.group(1), m.group(2)))
        elif out:
            num, text = out[-1]
            out[-1] = (num, f"{text}\n{line}")
        else:
            out.append(("", line))
    return out
