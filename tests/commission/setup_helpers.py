"""A small Commission for tests: six members (chair, two deputies, three members), each with a login, under rules
scaled to six (quorum two thirds = 4; more than half of those present)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import Group, User

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import roles_ensure
from atazan.commission import services as cs
from atazan.commission import services_drafts as ds
from atazan.commission.domain import drafting as dd
from atazan.commission.models import Member, Session

SMALL_RULES = {
    "composition": {"members": 6, "every_region": False, "secretaries_max": 0, "category_minimum": {"kurultai": 1}}
}

DRAFT = (
    dd.DraftArticle("1", "1. Республика Казахстан – унитарное государство."),
    dd.DraftArticle("2", "1. Парламент состоит из двух Палат.\n2. Срок полномочий – пять лет."),
    dd.DraftArticle("3", "1. Конституция вступает в силу со дня опубликования."),
)


def user(username: str, *roles: Role) -> User:
    roles_ensure()
    u = User.objects.create(username=username, first_name=username.title())
    u.groups.add(*Group.objects.filter(name__in=[r.value for r in roles]))
    return u


@dataclass
class Commission:
    secretary: User
    members: list[Member]
    session: Session

    def member_user(self, k: int) -> User:
        u = self.members[k].user
        assert u is not None
        return u


def small_commission(settings, *, present: int = 6) -> Commission:  # type: ignore[no-untyped-def]
    settings.ATAZAN_COMMISSION_RULES = SMALL_RULES
    secretary = user("sec", Role.COMMISSION_SECRETARY)
    roles = ["chair", "deputy_chair", "deputy_chair", "member", "member", "member"]
    members = [
        cs.member_appoint(
            actor=secretary,
            seat=k + 1,
            full_name=f"Member {k + 1}",
            role=role,
            category="kurultai",
            region="astana",
            appointed=date(2026, 1, 21),
            user=user(f"m{k + 1}", Role.COMMISSION_MEMBER),
        )
        for k, role in enumerate(roles)
    ]
    session = cs.session_schedule(
        actor=secretary,
        number=1,
        date=date(2026, 1, 24),
        title="First session",
        broadcast_url="https://www.youtube.com/watch?v=abcDEF12345",
    )
    cs.attendance_record(actor=secretary, session=session, present=members[:present])
    return Commission(secretary, members, session)


def vote_all(c: Commission, item, choices: str) -> None:  # type: ignore[no-untyped-def]
    """choices: one letter per present member in seat order: f(or), a(gainst), x (abstain), - (no vote)."""
    letters = {"f": "for", "a": "against", "x": "abstain"}
    for k, ch in enumerate(choices):
        if ch != "-":
            cs.vote_cast(actor=c.member_user(k), item=item, choice=letters[ch])


def start_draft(c: Commission):  # type: ignore[no-untyped-def]
    return ds.draft_version_start(actor=c.secretary, date=date(2026, 1, 23), title="Consolidated draft", articles=DRAFT)


def proposal_make(
    number: str,
    *,
    articles: tuple[str, ...] = (),
    group: str = "",
    text: str = "",
    language: str = "ru",
    status: str = "registered",
):  # type: ignore[no-untyped-def]
    """A registered proposal in the consultation (test data, synthetic), linked to 2026 articles by number."""
    from datetime import UTC, datetime

    from atazan.consultation.models import Proposal, ProposalArticle

    body = text or f"Предложение {number} (synthetic test data)"
    p = Proposal.objects.create(
        registration_number=number,
        applicant_surname="Тестов",
        applicant_name="Тест",
        applicant_iin="000000000000",
        region="Astana",
        language=language,
        text=body,
        normal_text=body.lower(),
        status=status,
        submitted_at=datetime(2025, 11, 1, tzinfo=UTC),
        duplicate_group=group,
        synthetic=True,
    )
    for a in articles:
        ProposalArticle.objects.create(proposal=p, constitution="2026", article=a, source="mentioned")
    return p
