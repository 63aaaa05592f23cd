"""The domain's explanations in the reader's language.

The domain (``domain/explain.py``, ``domain/mandates.py``) stays free of Django: its sentences are English templates
with named fields (the shared ``atazan.messages`` kernel). Here the one adapter, ``atazan.messages.render``, looks them
up in the context's catalogue (``locale/{kk,ru}/LC_MESSAGES/django.po``) for the active language;
``tests/web/test_message_catalogues.py`` checks that every one has a Kazakh and a Russian translation with the same
fields.
"""

from __future__ import annotations

from dataclasses import dataclass

from atazan.elections.domain.allocation import Method
from atazan.elections.domain.errors import ElectionsError
from atazan.elections.domain.explain import Msg, Step
from atazan.elections.domain.mandates import EndGround
from atazan.messages.render import language_of, render, template_text

DOMAIN = "elections"


def _translate(template: str) -> str:
    """A text without fields (a rule, a label) in the active language, from the elections catalogue first."""
    return template_text(Msg(template), language_of(), DOMAIN) if template else template


def msg_render(message: Msg) -> str:
    """``message`` in the active language; English if a translation's fields do not fit (never an error page)."""
    return render(message, domain=DOMAIN)


@dataclass(frozen=True, slots=True)
class RenderedStep:
    kind: str
    ref: str
    text: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "ref": self.ref, "text": self.text}


def step_render(step: Step) -> RenderedStep:
    return RenderedStep(step.kind, msg_render(step.reference), msg_render(step.message))


def steps_render(steps: tuple[Step, ...]) -> tuple[RenderedStep, ...]:
    return tuple(step_render(s) for s in steps)


def method_label(method: Method) -> str:
    return _translate(method.label)


def ground_label(ground: EndGround) -> str:
    return _translate(ground.label)


def ground_ref(ground: EndGround) -> str:
    return _translate(ground.ref)


@dataclass(frozen=True, slots=True)
class RenderedError:
    """A refusal as a page shows it: the record, what is wrong and the rule, in the active language."""

    code: str
    record: str
    message: str
    rule: str


def error_render(error: ElectionsError) -> RenderedError:
    """``error`` in the active language where it has a template (bounds, register); English otherwise."""
    message = error.message if error.msg is None else msg_render(error.msg)
    return RenderedError(error.code, error.record, message, _translate(error.rule))


def said_render(text: str) -> str:
    """A recorded English text (a mandate event's note, a refused row's error, record or rule) in the active
    language, where it was written from a template of ``domain.notes`` or is a citation the catalogue knows; as it is
    otherwise."""
    from atazan.elections.domain.notes import understood

    found = understood(text)
    if found is not None:
        return msg_render(found)
    return _translate(text)
