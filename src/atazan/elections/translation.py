"""The domain's explanations in the reader's language.

The domain (``domain/explain.py``, ``domain/mandates.py``) stays free of Django: its sentences are English templates
with named fields. Here they are looked up in the context's catalogue (``locale/{kk,ru}/LC_MESSAGES/django.po``) with
Django's ``gettext`` for the active language. The templates are not marked in Python source that ``makemessages``
reads, so ``tests/elections/test_translation.py`` checks that every one has a Kazakh and a Russian translation with
the same fields.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext

from atazan.elections.domain.allocation import Method
from atazan.elections.domain.errors import ElectionsError
from atazan.elections.domain.explain import Msg, Step
from atazan.elections.domain.mandates import EndGround


def _translate(template: str) -> str:
    return gettext(template) if template else template


def msg_render(message: Msg) -> str:
    """``message`` in the active language; English if a translation's fields do not fit (never an error page)."""
    try:
        return message.render(_translate)
    except (KeyError, IndexError, ValueError):
        return message.render()


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
    return gettext(method.label)


def ground_label(ground: EndGround) -> str:
    return gettext(ground.label)


def ground_ref(ground: EndGround) -> str:
    return gettext(ground.ref)


@dataclass(frozen=True, slots=True)
class RenderedError:
    """A refusal as a page shows it: the record, what is wrong and the rule, in the active language."""

    code: str
    record: str
    message: str
    rule: str


def error_render(error: ElectionsError) -> RenderedError:
    """``error`` in the active language where it has a template (bounds, register); English otherwise."""
    try:
        message, rule = error.render(_translate)
    except (KeyError, IndexError, ValueError):
        message, rule = error.render()
    return RenderedError(error.code, error.record, message, rule)
