"""The elections context's voice: the shared ``Msg`` (``atazan.messages.domain``) owned by the elections catalogue.

A sentence the domain says without speaking a language: an English template with named fields (the translation key,
a gettext msgid in ``elections/locale``) and its values. ``Msg.render`` takes a ``translate`` function (identity for
English); the adapter (``atazan.elections.translation``) renders with ``atazan.messages.render``. Values are already
formatted text or whole numbers and are never translated, so a party's name stays as registered. Kept apart from
``explain`` so that ``errors`` can speak the same way.
"""

from __future__ import annotations

from atazan.messages.domain import Msg, Translate, Voice, same

__all__ = ["VOICE", "Msg", "Translate", "msg", "same"]

VOICE = Voice("elections")
msg = VOICE.msg
