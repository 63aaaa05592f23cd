"""The bounded contexts of atazan, in the order the demo builds them and the navigation lists them."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Context:
    name: str  # package under atazan/, Django app label, URL prefix, CLI group
    label: object  # lazy translated nav label
    in_nav: bool = True


CONTEXTS: tuple[Context, ...] = (
    Context("texts", _("Constitution")),
    Context("topics", _("Topics")),
    Context("consultation", _("Proposals")),
    Context("commission", _("Commission")),
    Context("referendum", _("Referendum")),
    Context("elections", _("Elections")),
    Context("legislature", _("Kurultai")),
    Context("rules", _("Rules")),
    Context("accounts", _("Accounts"), in_nav=False),
    Context("audit", _("Audit log")),
)

CONTEXT_NAMES: tuple[str, ...] = tuple(c.name for c in CONTEXTS)
