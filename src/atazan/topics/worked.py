"""The safeguard cases shipped with atazan (`data/safeguards/*.yaml`), checked, for the topic pages and the CLI.

The pages read them through :func:`example_views`: the case's title and note in the reader's language (the variants
the case file gives), each finding's outcome and reason through the topics catalogue (``atazan.messages.render``) and
its provision through the shared citation renderer (``atazan.web.templatetags.citations``). The CLI and the API keep
the English forms.
"""

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


@dataclass(frozen=True)
class FindingView:
    outcome: str  # the outcome's code ("respected", "violated", …), for the badge's class
    outcome_label: str
    citation: str
    reason: str


@dataclass(frozen=True)
class ExampleView:
    key: str
    title: str
    note: str
    constitution: int
    findings: tuple[FindingView, ...]


def _provision(f: Finding) -> str:
    from atazan.messages.render import render
    from atazan.web.templatetags.citations import citation_render

    g = f.guarantee
    if not g.article:
        return render(g.missing)
    return citation_render(g.article, g.para or None, g.sub or None, g.year)


def example_views(topic: str) -> list[ExampleView]:
    """The worked examples of ``topic`` as the active language reads them (engaged findings only)."""
    from atazan.messages.render import render
    from atazan.web.templatetags.names import local_variant

    return [
        ExampleView(
            key=w.case.key,
            title=local_variant(w.case.title, dict(w.case.title_variants)),
            note=local_variant(w.case.note, dict(w.case.note_variants)),
            constitution=w.case.constitution,
            findings=tuple(
                FindingView(f.outcome.value, render(f.outcome.label), _provision(f), render(f.reason))
                for f in w.engaged
            ),
        )
        for w in worked_examples_for(topic)
    ]
