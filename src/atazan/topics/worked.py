"""The safeguard cases shipped with atazan (`data/safeguards/*.yaml`), checked, for the topic pages and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .domain.safeguards import Case, Finding, Outcome, case_from_mapping, check

CASES_DIR = Path(__file__).resolve().parent / "data" / "safeguards"


@dataclass(frozen=True)
class WorkedExample:
    case: Case
    findings: tuple[Finding, ...]

    @property
    def engaged(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.outcome != Outcome.NOT_ENGAGED)


def load_cases(directory: Path = CASES_DIR) -> list[Case]:
    return [
        case_from_mapping(p.stem, yaml.safe_load(p.read_text(encoding="utf-8")))
        for p in sorted(directory.glob("*.yaml"))
    ]


@lru_cache(maxsize=1)
def worked_examples() -> tuple[WorkedExample, ...]:
    return tuple(WorkedExample(c, tuple(check(c))) for c in load_cases())


def worked_examples_for(topic: str) -> list[WorkedExample]:
    return [w for w in worked_examples() if topic in w.case.topics]
