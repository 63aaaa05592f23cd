"""Open-data export of the Commission's record: members, composition, sessions, roll calls, decisions, drafts."""

from __future__ import annotations

from typing import Any

from .models import DraftVersion, Member, Session


def open_data(*, with_wordings: bool = False) -> dict[str, Any]:
    from . import api, selectors

    return {
        "licence": "CC0-1.0 for the record; the official texts are public legal texts",
        "note": "Rows marked synthetic are demo data made up by atazan, not a real record.",
        "members": [
            {
                "seat": m.seat,
                "full_name": m.full_name,
                "role": m.role,
                "category": m.category,
                "region": m.region,
                "synthetic": m.synthetic,
            }
            for m in Member.objects.order_by("seat")
        ],
        "composition": selectors.composition_report().as_json(),
        "sessions": [
            {
                **api._session_out(s.number),
                "roll_call": {
                    str(i.order): dict(i.votes.order_by("member__seat").values_list("member__seat", "choice"))
                    for i in s.agenda.order_by("order")
                },
            }
            for s in Session.objects.order_by("number")
        ],
        "decisions": [api._decision_out(d) for d in selectors.Decision.objects.select_related("item__session")],
        "drafts": [
            {
                **api._draft_out(v),
                **(
                    {"articles": [{"num": a.num, "wording": a.wording} for a in v.articles.order_by("order")]}
                    if with_wordings
                    else {}
                ),
            }
            for v in DraftVersion.objects.order_by("number")
        ],
        "comments_per_article": selectors.comment_counts(),
    }
