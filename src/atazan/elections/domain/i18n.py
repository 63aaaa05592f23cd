"""A marker for translation keys in the pure domain (no Django here).

``_("…")`` returns its argument unchanged. It exists so that ``django-admin makemessages`` (xgettext, whose default
keywords for Python include ``_``) finds the domain's English sentences and puts them in the context's catalogue;
the adapter (``atazan.elections.translation``) looks them up with Django's ``gettext`` when it shows them.
"""

from __future__ import annotations

__all__ = ["_"]


def _(text: str) -> str:
    return text
