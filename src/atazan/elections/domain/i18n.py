"""A marker for translation keys in the pure domain (no Django here): the shared kernel's ``_``.

``_("…")`` returns its argument unchanged. It exists so that ``django-admin makemessages`` (xgettext, whose default
keywords for Python include ``_``) finds the domain's English sentences and puts them in the context's catalogue;
the adapter (``atazan.elections.translation``) looks them up when it shows them.
"""

from __future__ import annotations

from atazan.messages.domain import _

__all__ = ["_"]
