"""How the legislature's domain speaks (issue 15): the shared ``atazan.messages`` kernel, owned by the legislature's
catalogue (``legislature/locale/{kk,ru}``).

A step's note and a refused step's reason are ``Msg`` (an English template with named fields and a stable code),
never a sentence: the adapters render them in the reader's language, and the bill's history keeps them as code,
template and values (``BillEvent.message``). Stages, steps and those who may refer a law are labels with their own
pgettext contexts, so that a code is never shown.
"""

from __future__ import annotations

import re

from atazan.messages.domain import Msg, Voice, declare

__all__ = [
    "ACTION_TEXT",
    "REFERRER_TEXT",
    "STAGE_TEXT",
    "VOICE",
    "action_label",
    "cite",
    "coded",
    "joined",
    "msg",
    "referrer_label",
    "stage_label",
]

VOICE = Voice("legislature")
msg = VOICE.msg
coded = VOICE.coded

# A bill's stages as a reader sees them (context "bill stage"; the English labels are the fields' recorded choices).
STAGE_TEXT: dict[str, str] = declare(
    "legislature",
    {
        "draft": "draft",
        "stopped": "stopped",
        "introduced": "introduced",
        "first_reading": "first reading",
        "adopted": "adopted",
        "not_adopted": "not adopted",
        "sent_to_president": "sent to president",
        "under_court_review": "under court review",
        "struck_down": "struck down",
        "objected": "objected",
        "overridden": "overridden",
        "objection_accepted": "objection accepted",
        "signed": "signed",
        "published": "published",
        "awaiting_court_opinion": "awaiting court opinion",
        "referendum_proposed": "referendum proposed",
        "rejected": "rejected",
        "adopted_as_proposed": "adopted as proposed",
        "referendum_called": "referendum called",
        "referendum_declined": "referendum declined",
        "amendment_adopted": "amendment adopted",
        "amendment_not_adopted": "amendment not adopted",
    },
    context="bill stage",
)

# A step to take, as the clerk's form names it (forms.ACTION_LABELS: the same templates).
ACTION_TEXT: dict[str, str] = declare(
    "legislature",
    {
        "introduce": "Introduce in the Kurultai",
        "stop": "Stop for a constitutional violation",
        "first_reading": "First reading vote",
        "adoption_vote": "Adoption vote",
        "reject": "Vote to reject the bill as a whole",
        "present": "Send to the President for signature",
        "court_refer": "Refer to the Constitutional Court",
        "court_decide": "Record the Constitutional Court's decision",
        "sign": "Record the President's signature",
        "object": "Record the President's objections",
        "override_vote": "Repeated vote on the objections",
        "objection_lapse": "Record that the month for the repeated vote has passed",
        "publish": "Record the official publication",
        "court_opinion_request": "Ask the Constitutional Court for its opinion",
        "court_opinion": "Record the Constitutional Court's opinion",
        "referendum_call": "Record the President's decision to call a referendum",
        "referendum_decline": "Record the President's decision not to call a referendum",
        "referendum_result": "Record the referendum's result",
    },
)

# Who may refer an adopted law to the Constitutional Court before signature (Art. 73(1)); context "court referrer".
REFERRER_TEXT: dict[str, str] = declare(
    "legislature",
    {
        "president": "the President",
        "kurultai_chair": "the Chair of the Kurultai",
        "prime_minister": "the Prime Minister",
        "deputies": "at least one fifth of all deputies",
    },
    context="court referrer",
)


def stage_label(stage: str) -> Msg:
    return VOICE.label(STAGE_TEXT[stage], context="bill stage")


def action_label(action: str) -> Msg:
    return VOICE.label(ACTION_TEXT[action])


def referrer_label(code: str) -> Msg:
    return VOICE.label(REFERRER_TEXT[code], context="court referrer")


def joined(items: list[Msg], *, sep: str = "and") -> Msg:
    """``a``, ``a and b``, ``a, b and c`` (``sep="or"``: ``a, b or c``; ``sep=";"``: ``a; b; c``) as one message."""
    if not items:
        raise ValueError("nothing to join")
    out = items[-1]
    if len(items) >= 2:
        if sep == ";":
            out = msg("{first}; {second}", first=items[-2], second=items[-1])
        elif sep == "or":
            out = msg("{first} or {second}", first=items[-2], second=items[-1])
        else:
            out = msg("{first} and {second}", first=items[-2], second=items[-1])
    for item in reversed(items[:-2]):
        if sep == ";":
            out = msg("{first}; {rest}", first=item, rest=out)
        else:
            out = msg("{first}, {rest}", first=item, rest=out)
    return out


_ARTICLE = re.compile(r"^(?P<article>\d+(?:-\d+)?)(?:\((?P<para>\d+)\))?$")


def cite(article: str, year: str = "2026", act: Msg | None = None) -> Msg:
    """ "Constitution 2026, Art. 61(4)" (or "<act>, Art. 12(3)") as the reader's language cites it."""
    found = _ARTICLE.match(article)
    if act is not None:
        if found and found["para"]:
            return msg("{act}, Art. {article}({para})", act=act, article=found["article"], para=found["para"])
        return msg("{act}, Art. {article}", act=act, article=article)
    if found and found["para"]:
        return msg(
            "Constitution {year}, Art. {article}({para})", year=year, article=found["article"], para=found["para"]
        )
    return msg("Constitution {year}, Art. {article}", year=year, article=article)
