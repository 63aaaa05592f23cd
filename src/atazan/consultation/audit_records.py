"""The consultation's official records as the audit log sees them: a proposal's official answer (its status, the
answer's text and the proposal it was merged into), keyed `consultation.answer:<registration number>`. Each
decision logs the answer's digest; `atazan audit verify` names an answer changed in the table without one."""

from __future__ import annotations

from collections.abc import Sequence

from atazan.audit.domain.log import content_digest

ANSWER_KIND = "consultation.answer"


def answer_record(*, number: str, status: str, answer: str, merged_into: str | None) -> tuple[str, str]:
    """(key, digest) of a proposal's official answer as it stands after a decision."""
    return f"{ANSWER_KIND}:{number}", content_digest({"status": status, "answer": answer, "merged_into": merged_into})


def answers_resolve(locators: Sequence[str]) -> dict[str, str | None]:
    from atazan.consultation.models import Proposal

    found: dict[str, str | None] = dict.fromkeys(locators)
    for start in range(0, len(locators), 500):  # stay under SQLite's bound-parameter limit
        rows = Proposal.objects.filter(registration_number__in=locators[start : start + 500]).values_list(
            "registration_number", "status", "answer", "merged_into__registration_number"
        )
        for number, status, answer, merged in rows:
            found[number] = answer_record(number=number, status=status, answer=answer, merged_into=merged)[1]
    return found


RESOLVERS = {ANSWER_KIND: answers_resolve}
