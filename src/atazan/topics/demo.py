"""Demo data for topics: tag both Constitutions, and have a named demo editor confirm the rule-based tags.

The texts are real; the confirmations are demo actions by the demo moderator (labelled so in the audit log's note).
Similarity suggestions stay unconfirmed, for a real editor to review. Running it again changes nothing.
"""

from __future__ import annotations

from rich.console import Console

from atazan.accounts.domain.roles import Role

DEMO_EDITOR = "moderator"  # the accounts demo's moderator (accounts.demo.DEMO_USERS)


def build(*, console: Console) -> None:
    from django.contrib.auth.models import User

    from atazan.accounts.services import user_create

    from .cli import print_coverage
    from .models import Tag
    from .services import tags_compute, tags_confirm

    outcome = tags_compute()
    console.print(
        f"topics: {outcome.rule_tags} rule tags, {outcome.suggestions} similarity suggestions "
        f"(created {outcome.created}, updated {outcome.updated}, removed {outcome.removed})"
    )
    editor = User.objects.filter(username=DEMO_EDITOR).first()
    if editor is None:
        from atazan.accounts.demo import DEMO_PASSWORD, DEMO_USERS

        # The accounts demo's own name for this account (Cyrillic): this context builds before accounts, and the
        # account keeps the name it was created with, so an English one would show on every page it reads (issue 15).
        full_name = next((name for username, name, _ in DEMO_USERS if username == DEMO_EDITOR), "")
        editor = user_create(username=DEMO_EDITOR, password=DEMO_PASSWORD, roles=[Role.MODERATOR], full_name=full_name)
    pending = Tag.objects.filter(origin=Tag.Origin.RULE, status=Tag.Status.PROPOSED).select_related("topic")
    n = tags_confirm(actor=editor, tags=pending, note="demo: rule-based tags accepted by the demo editor")
    console.print(f"topics: {n} rule tags confirmed by the demo editor '{DEMO_EDITOR}'; suggestions left for review")
    print_coverage(console)
