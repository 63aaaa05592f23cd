"""Sentences of the rules context as templates with named fields, rendered by the adapter in the reader's language.

The shared ``Msg`` (``atazan.messages.domain``), owned by the rules catalogue: the template is English and is the
translation key (a gettext msgid in ``rules/locale``); values are already formatted and never translated, except a
value that is itself a ``Msg`` (a label such as "the Government"), which is rendered in the same language.
``Msg.render()`` with no argument gives English.
"""

from __future__ import annotations

from atazan.messages.domain import Msg, Translate, Voice, declare, fields

__all__ = ["LABELS", "VOICE", "Msg", "Translate", "fields", "joined", "label", "labels", "msg"]

VOICE = Voice("rules")
msg = VOICE.msg


def joined(items: list[Msg]) -> Msg:
    """``a``, ``a and b``, ``a, b and c`` as one message."""
    if not items:
        raise ValueError("nothing to join")
    out = items[-1]
    if len(items) >= 2:
        out = msg("{first} and {second}", first=items[-2], second=items[-1])
    for item in reversed(items[:-2]):
        out = msg("{first}, {rest}", first=item, rest=out)
    return out


# Who acts, by the codes used in BILL.json and the parameters. An unknown code is shown as written, quoted.
LABELS: dict[str, str] = {
    "president": "the President",
    "acting_president": "a person who has assumed the President's powers",
    "deputy": "deputies",
    "government": "the Government",
    "peoples_council": "the People's Council",
    "kurultai": "the Kurultai",
    "parliament": "Parliament",
    "majilis": "the Majilis",
    "constitutional_court": "the Constitutional Court",
    "constitutional_council": "the Constitutional Council",
}


declare("rules", LABELS)


def label(code: str) -> Msg | str:
    """A known actor or body as a translatable label; anything else as the input wrote it, in quotes."""
    if code in LABELS:
        return VOICE.label(LABELS[code])
    return f"«{code}»"


def labels(codes: tuple[str, ...]) -> Msg:
    return joined([VOICE.label(LABELS[c]) if c in LABELS else msg("«{code}»", code=c) for c in codes])
