"""The Commission's rules as configured: rules.yaml next to this module, overridden by
settings.ATAZAN_COMMISSION_RULES."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.utils.translation import get_language

from .domain.composition import CompositionRules, rules_from_mapping
from .domain.errors import CommissionError
from .domain.messages import Msg, msg, phrase
from .domain.voting import MajorityBase, MajorityRule, QuorumRule

RULES_FILE = Path(__file__).with_name("rules.yaml")


def _config() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    for part, values in (getattr(settings, "ATAZAN_COMMISSION_RULES", None) or {}).items():
        data.setdefault(part, {}).update(values)
    return data


def in_language(value: object, language: str | None = None) -> str:
    """A text of the rules file in ``language`` (the active one if None): a mapping {en: …, kk: …, ru: …} gives that
    language's variant (English when it has none); a plain text is the same in every language."""
    if isinstance(value, dict):
        lang = (language or get_language() or "en").split("-")[0].lower()
        return str(value.get(lang) or value.get("en") or next(iter(value.values()), ""))
    return str(value)


def _source(values: dict[str, Any], default: Msg | str, language: str | None) -> Msg | str:
    return in_language(values["source"], language) if "source" in values else default


def _fraction(value: object, key: str) -> Fraction:
    record = phrase("commission rule {key}", key=key)
    try:
        share = Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        raise CommissionError(record=record, rule=msg("rule_fraction", "must be a fraction such as 2/3")) from None
    if not 0 < share <= 1:
        raise CommissionError(record=record, rule=msg("rule_share_range", "must lie in (0, 1]"))
    return share


def composition_rules() -> CompositionRules:
    return rules_from_mapping(_config().get("composition", {}))


def quorum_rule(language: str | None = None) -> QuorumRule:
    """The quorum rule, its source in ``language`` (the active one if None)."""
    q = _config().get("quorum", {})
    default = QuorumRule()
    return QuorumRule(
        share=_fraction(q.get("share", default.share), "quorum.share"),
        strict=bool(q.get("strict", default.strict)),
        source=_source(q, default.source, language),
    )


def majority_rule(language: str | None = None) -> MajorityRule:
    """The majority rule, its source in ``language`` (the active one if None)."""
    m = _config().get("majority", {})
    default = MajorityRule()
    try:
        base = MajorityBase(m.get("base", default.base))
    except ValueError:
        raise CommissionError(
            record=phrase("commission rule {key}", key="majority.base"),
            rule=msg("rule_base", "one of {bases}", bases=", ".join(b.value for b in MajorityBase)),
        ) from None
    return MajorityRule(
        share=_fraction(m.get("share", default.share), "majority.share"),
        base=base,
        strict=bool(m.get("strict", default.strict)),
        chair_casting_vote=bool(m.get("chair_casting_vote", default.chair_casting_vote)),
        source=_source(m, default.source, language),
    )
