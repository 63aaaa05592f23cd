from __future__ import annotations

import pytest

from atazan.commission.domain.composition import (
    Category,
    CompositionRules,
    MemberFacts,
    MemberRole,
    composition_check,
    rules_from_mapping,
)
from atazan.commission.domain.errors import CommissionError
from atazan.commission.domain.regions import REGION_CODES

CATEGORIES = list(Category)


def commission(size: int = 130) -> list[MemberFacts]:
    """A composition that meets the default rules: one chair, two deputies, one secretary, all regions, all groups."""
    roles = [MemberRole.CHAIR, MemberRole.DEPUTY_CHAIR, MemberRole.DEPUTY_CHAIR, MemberRole.SECRETARY]
    return [
        MemberFacts(
            key=f"member {i}",
            role=roles[i] if i < len(roles) else MemberRole.MEMBER,
            category=CATEGORIES[i % len(CATEGORIES)],
            region=REGION_CODES[i % len(REGION_CODES)],
        )
        for i in range(size)
    ]


def test_a_full_commission_complies_and_is_counted_by_category_and_region() -> None:
    report = composition_check(commission())
    assert report.complies, report.violations
    assert report.total == 130
    assert sum(report.by_category.values()) == 130
    assert sum(report.by_region.values()) == 130
    assert report.by_region["shymkent"] == 6 and report.by_region["abai"] == 7
    assert report.by_role == {"chair": 1, "deputy_chair": 2, "secretary": 1, "member": 126}


def test_129_members_breaks_the_decree_size_and_cites_the_decree() -> None:
    report = composition_check(commission()[:-1])
    [violation] = [v for v in report.violations if v.rule == "members"]
    assert str(violation.message) == "members: 129, the rule requires 130"
    assert violation.message.code == "composition_members"
    assert "21 January 2026" in str(violation.source)


def test_a_region_without_a_member_is_named() -> None:
    members = [m if m.region != "ulytau" else MemberFacts(m.key, m.role, m.category, "astana") for m in commission()]
    report = composition_check(members)
    assert [str(v.message) for v in report.violations] == ["region ulytau has no member"]
    assert [v.message.code for v in report.violations] == ["composition_region_empty"]


def test_the_region_rule_can_be_switched_off() -> None:
    members = [MemberFacts(m.key, m.role, m.category, "astana") for m in commission()]
    assert not composition_check(members).complies
    assert composition_check(members, CompositionRules(every_region=False)).complies


def test_unknown_region_and_missing_deputy_are_reported() -> None:
    members = commission()
    members[2] = MemberFacts("member 2", MemberRole.MEMBER, members[2].category, "atlantis")
    rules = {v.rule for v in composition_check(members).violations}
    assert rules == {"deputy_chairs", "region"}


def test_rules_from_configuration_refuse_unknown_keys_and_bad_types() -> None:
    assert rules_from_mapping({"members": 20, "every_region": False}).members == 20
    with pytest.raises(CommissionError, match="quorum"):
        rules_from_mapping({"quorum": 3})
    with pytest.raises(CommissionError, match="members"):
        rules_from_mapping({"members": "many"})
    with pytest.raises(CommissionError, match="category_minimum"):
        rules_from_mapping({"category_minimum": {"astrologers": 1}})
