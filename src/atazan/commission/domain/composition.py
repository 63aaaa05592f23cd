"""Who sits on the Constitutional Commission, and whether the composition meets its rules.

The Decree of the President of 2026-01-21 formed a Commission of 130 members drawn from seven categories (National
Kurultai members, legal scholars, central government officials, media leaders, chairs of maslikhats, regional public
councils, the expert and academic community), chaired by the Chair of the Constitutional Court with two deputy
chairs (shared/domain/FACTS.md, "The reform, in order"). Those are the defaults of :class:`CompositionRules`; the
decree published no per-category or per-region quota that we found, so "every region represented" is a configurable
rule of atazan, cited as such.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from .errors import CommissionError
from .messages import Msg, label, msg, phrase
from .regions import REGION_CODES

DECREE_SOURCE = label(
    "Decree of the President of the Republic of Kazakhstan of 21 January 2026 forming the Constitutional Commission"
)


class Category(StrEnum):
    """The seven groups the decree drew members from."""

    KURULTAI = "kurultai"  # members of the National Kurultai (Ұлттық құрылтай)
    LEGAL_SCHOLAR = "legal_scholar"
    GOVERNMENT = "government"  # central government officials
    MEDIA = "media"  # media leaders
    MASLIKHAT = "maslikhat"  # chairs of maslikhats (local representative councils)
    PUBLIC_COUNCIL = "public_council"  # regional public councils
    EXPERT = "expert"  # expert and academic community


class MemberRole(StrEnum):
    CHAIR = "chair"
    DEPUTY_CHAIR = "deputy_chair"
    SECRETARY = "secretary"
    MEMBER = "member"


@dataclass(frozen=True, slots=True)
class MemberFacts:
    """What the composition rules look at for one member."""

    key: str  # a stable id for messages: "member 17 (A. Synthetic)"
    role: MemberRole
    category: Category
    region: str


@dataclass(frozen=True, slots=True)
class CompositionRules:
    """Configurable composition rules, each with the source it comes from."""

    members: int = 130
    members_source: Msg | str = DECREE_SOURCE
    chairs: int = 1
    deputy_chairs: int = 2
    leadership_source: Msg | str = phrase(
        "{decree} (chair: the Chair of the Constitutional Court; two deputy chairs)", decree=DECREE_SOURCE
    )
    secretaries_max: int = 1
    secretaries_source: Msg | str = label(
        "atazan default: one executive secretary leads the secretariat (configurable)"
    )
    every_region: bool = True
    regions: tuple[str, ...] = REGION_CODES
    regions_source: Msg | str = label(
        "atazan rule (configurable): each of the 20 oblasts and cities is represented (FACTS.md)"
    )
    category_minimum: Mapping[str, int] = field(default_factory=lambda: {c.value: 1 for c in Category})
    category_source: Msg | str = phrase(
        "{decree} (members drawn from each of the seven categories)", decree=DECREE_SOURCE
    )


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str  # short name: "members", "chairs", "region", "category"
    message: Msg  # its code: composition_<rule>
    source: Msg | str


@dataclass(frozen=True, slots=True)
class CompositionReport:
    total: int
    by_category: dict[str, int]
    by_region: dict[str, int]
    by_role: dict[str, int]
    violations: tuple[Violation, ...]
    rules: CompositionRules

    @property
    def complies(self) -> bool:
        return not self.violations

    def as_json(self) -> dict[str, object]:
        return {
            "total": self.total,
            "complies": self.complies,
            "by_category": self.by_category,
            "by_region": self.by_region,
            "by_role": self.by_role,
            "violations": [
                {"rule": v.rule, "code": v.message.code, "message": str(v.message), "source": str(v.source)}
                for v in self.violations
            ],
            "rules": {
                "members": self.rules.members,
                "chairs": self.rules.chairs,
                "deputy_chairs": self.rules.deputy_chairs,
                "secretaries_max": self.rules.secretaries_max,
                "every_region": self.rules.every_region,
                "category_minimum": dict(self.rules.category_minimum),
            },
        }


def rules_from_mapping(data: Mapping[str, object]) -> CompositionRules:
    """Rules from a parsed YAML/JSON mapping; unknown keys and wrong types are refused, naming the key."""
    defaults = CompositionRules()
    known = set(CompositionRules.__dataclass_fields__)
    values: dict[str, object] = {}
    for key, value in data.items():
        record = phrase("composition rule {key}", key=repr(key))
        if key not in known:
            raise CommissionError(
                record=record, rule=msg("rule_unknown", "not a known rule ({known})", known=", ".join(sorted(known)))
            )
        expected = type(getattr(defaults, key))
        if key.endswith("_source"):
            expected = str
        if key == "regions":
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                raise CommissionError(record=record, rule=msg("rule_regions", "must be a list of region codes"))
            value = tuple(value)
        elif key == "category_minimum":
            if not isinstance(value, Mapping) or not all(isinstance(v, int) and v >= 0 for v in value.values()):
                raise CommissionError(
                    record=record,
                    rule=msg("rule_category_minimum", "must map categories to non-negative integers"),
                )
            unknown = set(value) - {c.value for c in Category}
            if unknown:
                raise CommissionError(
                    record=record,
                    rule=msg(
                        "rule_category_unknown", "unknown categories {unknown}", unknown=", ".join(sorted(unknown))
                    ),
                )
            value = dict(value)
        elif not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise CommissionError(
                record=record, rule=msg("rule_type", "must be of type {type}", type=expected.__name__)
            )
        elif expected is int and isinstance(value, int) and value < 0:
            raise CommissionError(record=record, rule=msg("rule_negative", "must not be negative"))
        values[key] = value
    return CompositionRules(**values)  # type: ignore[arg-type]


def composition_check(members: Iterable[MemberFacts], rules: CompositionRules | None = None) -> CompositionReport:
    """Count members by category, region and role, and list every rule the composition breaks."""
    rules = rules or CompositionRules()
    facts = list(members)
    by_category = Counter(m.category.value for m in facts)
    by_region = Counter(m.region for m in facts)
    by_role = Counter(m.role.value for m in facts)
    violations: list[Violation] = []

    def expect(rule: str, actual: int, wanted: int, what: Msg, source: Msg | str) -> None:
        if actual != wanted:
            found = msg(
                f"composition_{rule}", "{what}: {actual}, the rule requires {wanted}", what=what, actual=actual,
                wanted=wanted,
            )  # fmt: skip
            violations.append(Violation(rule, found, source))

    expect("members", len(facts), rules.members, label("members", context="commission count"), rules.members_source)
    expect("chairs", by_role[MemberRole.CHAIR.value], rules.chairs, label("chairs"), rules.leadership_source)
    expect(
        "deputy_chairs",
        by_role[MemberRole.DEPUTY_CHAIR.value],
        rules.deputy_chairs,
        label("deputy chairs"),
        rules.leadership_source,
    )
    if by_role[MemberRole.SECRETARY.value] > rules.secretaries_max:
        found = msg(
            "composition_secretaries",
            "secretaries: {actual}, the rule allows at most {most}",
            actual=by_role[MemberRole.SECRETARY.value],
            most=rules.secretaries_max,
        )
        violations.append(Violation("secretaries", found, rules.secretaries_source))
    unknown_regions = sorted({m.region for m in facts} - set(rules.regions))
    for code in unknown_regions:
        who = ", ".join(m.key for m in facts if m.region == code)
        found = msg("composition_region_unknown", "unknown region {region} ({members})", region=repr(code), members=who)
        violations.append(Violation("region", found, rules.regions_source))
    if rules.every_region:
        for code in rules.regions:
            if by_region[code] == 0:
                found = msg("composition_region_empty", "region {region} has no member", region=code)
                violations.append(Violation("region", found, rules.regions_source))
    for category, minimum in rules.category_minimum.items():
        if by_category[category] < minimum:
            found = msg(
                "composition_category",
                "category {category}: {actual}, the rule requires at least {minimum}",
                category=category,
                actual=by_category[category],
                minimum=minimum,
            )
            violations.append(Violation("category", found, rules.category_source))
    return CompositionReport(
        total=len(facts),
        by_category={c.value: by_category[c.value] for c in Category},
        by_region={code: by_region[code] for code in (*rules.regions, *unknown_regions)},
        by_role={r.value: by_role[r.value] for r in MemberRole},
        violations=tuple(violations),
        rules=rules,
    )
