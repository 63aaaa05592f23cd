"""The reform's milestones as published (sources: the seed article; CEC and Akorda announcements, see FACTS.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Milestone:
    when: date
    what: Promise
    context: str  # the part of atazan that works with it


REFORM_TIMELINE: tuple[Milestone, ...] = (
    Milestone(date(2025, 9, 8), _("Address to the Nation proposes a unicameral parliament"), "texts"),
    Milestone(
        date(2025, 10, 8), _("Working group set up; citizens send proposals through e-Otinish and eGov"), "consultation"
    ),
    Milestone(date(2026, 1, 21), _("Decree forms the 130-member Constitutional Commission"), "commission"),
    Milestone(date(2026, 1, 31), _("Constitutional Court publishes the first draft"), "texts"),
    Milestone(date(2026, 2, 12), _("Final draft published in the media"), "texts"),
    Milestone(date(2026, 3, 15), _("Nationwide referendum adopts the new Constitution"), "referendum"),
    Milestone(
        date(2026, 7, 1), _("New Constitution in force (Art. 94); Kurultai elections called (Art. 95)"), "elections"
    ),
)
