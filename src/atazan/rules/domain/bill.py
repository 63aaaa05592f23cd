"""A bill as the constitutional checks see it, and its JSON form (the schema of ``BILL.json``).

The schema is documented in ``docs/legislature-check.md``. Parsing errors name the field that is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from atazan.rules.domain.article_ref import ArticleRef, ArticleRefError, parse_article_ref
from atazan.rules.domain.explain import Msg, msg

# The Constitution in force on a date and the numbers of its articles, as the official text prints them (the adapter
# reads them from the texts context: ``atazan.rules.articles.articles_in_force``); None when it cannot say.
ArticleIndex = Callable[[dt.date], tuple[str, Collection[str]] | None]


class BillFormatError(ValueError):
    """The bill description is malformed; the message names the field. ``message``, where given, says it for a
    reader (a template the adapter renders in the reader's language); ``str()`` stays the English of the API."""

    def __init__(self, text: str, message: Msg | None = None) -> None:
        super().__init__(text)
        self.message = message


class BillKind(StrEnum):
    ORDINARY = "ordinary"  # a law (Constitution 2026, Art. 61(4))
    CONSTITUTIONAL = "constitutional"  # a constitutional law (Art. 61(3))
    AMENDMENT = "amendment"  # amendments and additions to the Constitution (Arts. 92-93)


class CourtOpinion(StrEnum):
    COMPLIANT = "compliant"
    NON_COMPLIANT = "non_compliant"


class GovernmentOpinion(StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"


@dataclass(frozen=True)
class Provision:
    """One provision of a bill and how it bears on people from the date it applies."""

    label: str
    applies_from: dt.date
    adds_duties: bool = False
    worsens_position: bool = False
    establishes_liability: bool = False
    increases_liability: bool = False
    mitigates_liability: bool = False

    @property
    def burdens(self) -> bool:
        """Whether Art. 5(5) forbids applying this provision retroactively."""
        return self.adds_duties or self.worsens_position or self.establishes_liability or self.increases_liability


@dataclass(frozen=True)
class BillDraft:
    title: str
    initiator: str
    kind: BillKind
    date: dt.date  # the date the bill is checked as of (its introduction)
    introduced_in: str = "kurultai"
    reduces_revenue: bool = False
    increases_spending: bool = False
    government_opinion: GovernmentOpinion | None = None
    enters_into_force: dt.date | None = None
    provisions: tuple[Provision, ...] = field(default_factory=tuple)
    amends_articles: tuple[str, ...] = field(default_factory=tuple)  # short forms: "43(1)", "2", "43(1)(2)"
    constitutional_court_opinion: CourtOpinion | None = None
    urgent: bool = False  # introduced by the Government for immediate consideration (Constitution 2026, Art. 60(4))
    # The matters a constitutional law regulates, codes of the Art. 61(3) list (parameter
    # legislature.constitutional_law_matters); empty when the bill does not say.
    constitutional_law_matters: tuple[str, ...] = field(default_factory=tuple)

    @property
    def in_force_from(self) -> dt.date:
        """The date the law starts to have effect: as declared, or else the date of the check."""
        return self.enters_into_force or self.date


_BILL_KEYS = {
    "title",
    "initiator",
    "kind",
    "date",
    "introduced_in",
    "fiscal_effect",
    "government_opinion",
    "enters_into_force",
    "provisions",
    "amends_articles",
    "constitutional_court_opinion",
    "urgent",
    "constitutional_law_matters",
}
_PROVISION_KEYS = {
    "label",
    "applies_from",
    "adds_duties",
    "worsens_position",
    "establishes_liability",
    "increases_liability",
    "mitigates_liability",
}
_FISCAL_KEYS = {"reduces_revenue", "increases_spending"}


def _date(raw: Any, where: str) -> dt.date:
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw
    if isinstance(raw, str):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            pass
    raise BillFormatError(f"{where}: expected a date YYYY-MM-DD, got {raw!r}")


def _flag(raw: Mapping[str, Any], key: str, where: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise BillFormatError(f"{where}.{key}: expected true or false, got {value!r}")
    return value


def _text(raw: Any, where: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise BillFormatError(f"{where}: expected a non-empty string, got {raw!r}")
    return raw.strip()


def _article(raw: Any, where: str, existing: tuple[str, Collection[str]] | None = None) -> str:
    """An article reference in any form the grammar reads (``"Art. 43(1)"``, ``"ст. 43 п. 1"``, ``"43"``), kept in
    its short form (``"43(1)"``); anything else is refused naming the field, and so is an article the Constitution
    in force (``existing``: its year and article numbers) does not have."""
    try:
        ref: ArticleRef = parse_article_ref(_text(raw, where))
    except ArticleRefError as exc:
        raise BillFormatError(f"{where}: {exc}") from None
    if existing is not None and ref.article not in existing[1]:
        raise BillFormatError(
            f"{where}: the Constitution of {existing[0]} has no Article {ref.article} (got {raw!r}); "
            f"its articles are {_span(existing[1])}",
            msg(
                "the Constitution of {year} has no Article {article} (got {raw}); its articles are {span}",
                year=existing[0],
                article=ref.article,
                raw=str(raw),
                span=_span(existing[1]),
            ),
        )
    return str(ref)


def _span(numbers: Collection[str]) -> str:
    ordered = sorted(numbers, key=lambda n: tuple(int(part) for part in n.split("-")))
    return f"{ordered[0]}–{ordered[-1]}" if ordered else "none"


def _unknown(raw: Mapping[str, Any], allowed: set[str], where: str) -> None:
    extra = sorted(set(raw) - allowed)
    if extra:
        raise BillFormatError(f"{where}: unknown field(s) {', '.join(extra)}")


def _enum(enum: type[StrEnum], raw: Any, where: str) -> Any:
    try:
        return enum(raw)
    except ValueError:
        choices = ", ".join(member.value for member in enum)
        raise BillFormatError(f"{where}: expected one of {choices}, got {raw!r}") from None


def provision_from_dict(raw: Any, where: str) -> Provision:
    if not isinstance(raw, Mapping):
        raise BillFormatError(f"{where}: expected an object")
    _unknown(raw, _PROVISION_KEYS, where)
    return Provision(
        label=_text(raw.get("label"), f"{where}.label"),
        applies_from=_date(raw.get("applies_from"), f"{where}.applies_from"),
        **{key: _flag(raw, key, where) for key in sorted(_PROVISION_KEYS - {"label", "applies_from"})},
    )


def bill_from_dict(raw: Any, *, default_date: dt.date | None = None, articles: ArticleIndex | None = None) -> BillDraft:
    """Build a ``BillDraft`` from the decoded JSON of ``BILL.json``; raises ``BillFormatError`` naming the field.

    With ``articles``, each of ``amends_articles`` must name an article of the Constitution in force on the bill's
    date (a readable "97" under 2026, which has 96 articles, is refused)."""
    if not isinstance(raw, Mapping):
        raise BillFormatError("bill: expected a JSON object")
    _unknown(raw, _BILL_KEYS, "bill")
    if "date" in raw:
        date = _date(raw["date"], "bill.date")
    elif default_date is not None:
        date = default_date
    else:
        raise BillFormatError("bill.date: required (the date the bill is introduced and checked as of)")
    fiscal = raw.get("fiscal_effect") or {}
    if not isinstance(fiscal, Mapping):
        raise BillFormatError("bill.fiscal_effect: expected an object")
    _unknown(fiscal, _FISCAL_KEYS, "bill.fiscal_effect")
    provisions_raw = raw.get("provisions") or []
    if not isinstance(provisions_raw, list):
        raise BillFormatError("bill.provisions: expected a list")
    amends = raw.get("amends_articles") or []
    if not isinstance(amends, list):
        raise BillFormatError('bill.amends_articles: expected a list of article references such as "2(7)"')
    matters = raw.get("constitutional_law_matters") or []
    if not isinstance(matters, list):
        raise BillFormatError(
            'bill.constitutional_law_matters: expected a list of matter codes such as "kurultai_election"'
        )
    opinion = raw.get("government_opinion")
    court = raw.get("constitutional_court_opinion")
    entry = raw.get("enters_into_force")
    existing = articles(date) if articles is not None and amends else None
    return BillDraft(
        title=_text(raw.get("title", "untitled bill"), "bill.title"),
        initiator=_text(raw.get("initiator"), "bill.initiator"),
        kind=_enum(BillKind, raw.get("kind", "ordinary"), "bill.kind"),
        date=date,
        introduced_in=_text(raw.get("introduced_in", "kurultai"), "bill.introduced_in"),
        reduces_revenue=_flag(fiscal, "reduces_revenue", "bill.fiscal_effect"),
        increases_spending=_flag(fiscal, "increases_spending", "bill.fiscal_effect"),
        government_opinion=None if opinion is None else _enum(GovernmentOpinion, opinion, "bill.government_opinion"),
        enters_into_force=None if entry is None else _date(entry, "bill.enters_into_force"),
        provisions=tuple(
            provision_from_dict(item, f"bill.provisions[{index}]") for index, item in enumerate(provisions_raw)
        ),
        amends_articles=tuple(
            _article(item, f"bill.amends_articles[{index}]", existing) for index, item in enumerate(amends)
        ),
        constitutional_court_opinion=None
        if court is None
        else _enum(CourtOpinion, court, "bill.constitutional_court_opinion"),
        urgent=_flag(raw, "urgent", "bill"),
        constitutional_law_matters=tuple(
            _text(item, f"bill.constitutional_law_matters[{index}]") for index, item in enumerate(matters)
        ),
    )


def bill_to_dict(bill: BillDraft) -> dict[str, Any]:
    """The JSON form of a bill (round-trips through ``bill_from_dict``)."""
    out: dict[str, Any] = {
        "title": bill.title,
        "initiator": bill.initiator,
        "kind": bill.kind.value,
        "date": bill.date.isoformat(),
        "introduced_in": bill.introduced_in,
        "fiscal_effect": {"reduces_revenue": bill.reduces_revenue, "increases_spending": bill.increases_spending},
        "provisions": [
            {
                "label": p.label,
                "applies_from": p.applies_from.isoformat(),
                "adds_duties": p.adds_duties,
                "worsens_position": p.worsens_position,
                "establishes_liability": p.establishes_liability,
                "increases_liability": p.increases_liability,
                "mitigates_liability": p.mitigates_liability,
            }
            for p in bill.provisions
        ],
        "amends_articles": list(bill.amends_articles),
    }
    if bill.government_opinion is not None:
        out["government_opinion"] = bill.government_opinion.value
    if bill.enters_into_force is not None:
        out["enters_into_force"] = bill.enters_into_force.isoformat()
    if bill.constitutional_court_opinion is not None:
        out["constitutional_court_opinion"] = bill.constitutional_court_opinion.value
    if bill.urgent:
        out["urgent"] = True
    if bill.constitutional_law_matters:
        out["constitutional_law_matters"] = list(bill.constitutional_law_matters)
    return out
