"""Sentences the Commission's domain says, in no language yet: the shared ``Msg`` (``atazan.messages.domain``).

The domain never returns a sentence a person reads (STYLE.md, "One way to speak"; issue 15). A refusal carries a
``Msg`` with a stable ``code`` (for tests, the API and the CLI) and an English ``template`` with ``{named}`` fields,
the gettext msgid in ``commission/locale/{kk,ru}``; an explanation (a vote's outcome, a rule's text, a composition
finding) is a ``Msg`` too. The adapters render it with ``atazan.messages.render`` in the reader's language; figures
and record numbers are values and are never translated.
"""

from __future__ import annotations

from atazan.messages.domain import Msg, Voice

__all__ = ["VOICE", "Msg", "articles_cited", "label", "msg", "phrase"]

VOICE = Voice("commission")
# msg(code, template, **values): a refusal or finding with its stable code.
msg = VOICE.coded
# phrase(template, **values): a part of a larger message (a record's name, a rule's wording), no code of its own.
phrase = VOICE.msg
label = VOICE.label


def articles_cited(articles: list[str]) -> Msg | str:
    """Articles of the Constitution as a list of citations ("Art. 17, Art. 21"; "" for none)."""
    cited = [phrase("Art. {article}", article=a) for a in articles]
    out: Msg | str = cited[0] if cited else ""
    for c in cited[1:]:
        out = phrase("{first}, {next}", first=out, next=c)
    return out
