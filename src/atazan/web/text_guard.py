"""The backstop for every text field of every atazan model, on both engines (rules: ``text_rules``).

A ``pre_save`` receiver sees each ``save()`` of a model of an ``atazan.*`` app: it removes bidirectional controls from
every ``CharField``/``TextField`` value (in place, so that what is stored is what is shown) and refuses NUL bytes and
over-long values with ``TextFieldRefused``, which names the model, the field and the rule. Intakes should refuse bad
text earlier, row by row, with their own rule; this catches what they miss.

``QuerySet.bulk_create``/``bulk_update`` and ``update()`` send no signals: code that writes text from outside that way
calls ``text_fields_check`` on its instances first.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext

from atazan.web.text_rules import T_REFUSED, TextProblem, text_neutralise, text_problem

__all__ = ["TextFieldRefused", "text_fields_check", "text_guard_pre_save"]


class TextFieldRefused(ValidationError):
    """A text value no atazan model stores; ``str()`` is English, ``render()`` the reader's language."""

    def __init__(self, *, model: str, field: str, problem: TextProblem) -> None:
        self.model = model
        self.field = field
        self.problem = problem
        self.code_name = problem.rule.value
        super().__init__(self.render(translate=False), code=problem.rule.value)

    def render(self, *, translate: bool = True) -> str:
        rule = self.problem.render(gettext if translate else None)
        template = gettext(T_REFUSED) if translate else T_REFUSED
        return template.format(model=self.model, field=self.field, rule=rule)

    def __str__(self) -> str:
        return self.render(translate=False)


def _text_fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.CharField | models.TextField)]


def text_fields_check(instances: Iterable[models.Model]) -> None:
    """Neutralise and check the text fields of ``instances`` in place; raise ``TextFieldRefused`` at the first
    value that breaks a rule. What ``save()`` does through the signal; call it before a ``bulk_create``."""
    for instance in instances:
        label = instance._meta.label
        for field in _text_fields(type(instance)):
            value = getattr(instance, field.attname)
            if not isinstance(value, str):
                continue
            clean = text_neutralise(value)
            if clean is not value:
                setattr(instance, field.attname, clean)
            max_length = field.max_length if isinstance(field, models.CharField) else None
            problem = text_problem(clean, max_length=max_length)
            if problem is not None:
                raise TextFieldRefused(model=label, field=field.name, problem=problem)


def text_guard_pre_save(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if sender._meta.app_config is not None and sender._meta.app_config.name.startswith("atazan."):
        text_fields_check([instance])
