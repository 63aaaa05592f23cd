"""Sentences the texts domain says, in no language yet: the shared ``Msg`` (``atazan.messages.domain``).

The domain never returns a sentence a person reads (STYLE.md, "One way to speak"): it returns a ``Msg`` whose English
template is the gettext msgid in ``texts/locale/{kk,ru}``; the pages render it with ``atazan.messages.render``, the
CLI and the JSON keep the English (``Msg.render()``).
"""

from __future__ import annotations

from atazan.messages.domain import Msg, Voice

__all__ = ["VOICE", "Msg", "msg"]

VOICE = Voice("texts")
msg = VOICE.msg
