"""Sentences of the procedures as templates with named fields, and what a procedure refuses.

The domain never returns a sentence a person reads: it returns a ``Msg`` (an English template, which is the gettext
key, and the values of its fields) and the adapter renders it in the reader's language
(``atazan.rules.views_procedures``). Values are figures and dates already written as text and are never translated,
except a value that is itself a ``Msg``.
"""

from __future__ import annotations

from dataclasses import dataclass

# One way to speak across the platform: the shared Msg, as the bill checks speak (atazan.rules.domain.explain).
from atazan.messages.domain import _
from atazan.rules.domain.explain import Msg, Translate, fields, msg

__all__ = ["Citation", "Finding", "Msg", "ProcedureError", "Translate", "_", "fields", "msg", "office"]


@dataclass(frozen=True, slots=True)
class Citation:
    """An article of a Constitution ("60(2)" of "2026"), or of a named law when ``law`` is set."""

    article: str
    constitution: str = "2026"
    law: str = ""  # code of a law other than the Constitution ("elections"); empty for the Constitution

    def describe(self) -> Msg:
        if self.law:
            return msg("{law}, Art. {article}", law=LAW_NAMES.get(self.law, msg(self.law)), article=self.article)
        return msg("Constitution {year}, Art. {article}", year=self.constitution, article=self.article)

    def as_dict(self) -> dict[str, str]:
        return {"article": self.article, "constitution": self.constitution, "law": self.law}


LAW_NAMES: dict[str, Msg] = {
    "elections": Msg(_("Constitutional Law on Elections")),
    "assumption": Msg(_("Configurable assumption")),
}


@dataclass(frozen=True, slots=True)
class Finding:
    """Something a procedure refuses or a deadline missed: a stable ``code``, its article and the sentence."""

    code: str
    citation: Citation
    message: Msg

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, **self.citation.as_dict(), "message": self.message.render()}


class ProcedureError(ValueError):
    """The facts given cannot be judged (impossible counts, a date in the wrong order); the message names them."""


OFFICE_LABELS: dict[str, Msg] = {
    "president": Msg(_("the President")),
    "acting_president": Msg(_("the person who has assumed the President's powers")),
    "vice_president": Msg(_("the Vice President")),
    "prime_minister": Msg(_("the Prime Minister")),
    "kurultai_chair": Msg(_("the Chair of the Kurultai")),
    "constitutional_court_judge": Msg(_("a judge of the Constitutional Court")),
    "election_commission_member": Msg(_("a member of the Central Election Commission")),
    "audit_chamber_member": Msg(_("a member of the Supreme Audit Chamber")),
    "government": Msg(_("the Government")),
    "deputy": Msg(_("a deputy")),
    "deputies": Msg(_("deputies of the Kurultai")),
    "kurultai": Msg(_("the Kurultai")),
    "peoples_council": Msg(_("the People's Council of Kazakhstan")),
    "parliament": Msg(_("Parliament")),
    "prosecutor_general": Msg(_("the Prosecutor General")),
}


def office(code: str) -> Msg | str:
    """An office by its code, as a translatable label; an unknown code is shown as given (never translated)."""
    return OFFICE_LABELS.get(code, code)
