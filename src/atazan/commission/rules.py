"""The Commission's rules as configured: rules.yaml next to this module, overridden by
settings.ATAZAN_COMMISSION_RULES."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings

from .domain.composition import CompositionRules, rules_from_mapping
from .domain.errors import CommissionError
from .domain.voting import MajorityBase, MajorityRule, QuorumRule

RULES_FILE = Path(__file__).with_name("rules.yaml")


def _config() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    for part, values in (getattr(settings, "ATAZAN_COMMISSION_RULES", None) or {}).items():
        data.setdefault(part, {}).update(values)
    return data


def _fraction(value: object, key: str) -> Fraction:
    try:
        share = Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        raise CommissionError(record=f"commission rule {key}", rule="must be a fraction such as 2/3") from None
    if not 0 < share <= 1:
        raise CommissionError(record=f"commission rule {key}", rule="must lie in (0, 1]")
    return share


def composition_rules() -> CompositionRules:
    return rules_from_mapping(_config().get("composition", {}))


def quorum_rule() -> QuorumRule:
    q = _config().get("quorum", {})
    default = QuorumRule()
    return QuorumRule(
        share=_fraction(q.get("share", default.share), "quorum.share"),
        strict=bool(q.get("strict", default.strict)),
        source=str(q.get("source", default.source)),
    )


def majority_rule() -> MajorityRule:
    m = _config().get("majority", {})
    default = MajorityRule()
    try:
        base = MajorityBase(m.get("base", default.base))
    except ValueError:
        raise CommissionError(
            record="commission rule majority.base", rule=f"one of {[b.value for b in MajorityBase]}"
        ) from None
    return MajorityRule(
        share=_fraction(m.get("share", default.share), "majority.share"),
        base=base,
        strict=bool(m.get("strict", default.strict)),
        chair_casting_vote=bool(m.get("chair_casting_vote", default.chair_casting_vote)),
        source=str(m.get("source", default.source)),
    )
