"""Sentences the audit domain says, in no language yet: the shared ``Msg`` (``atazan.messages.domain``).

A finding of the log's check, a break of the hash chain and a problem of an inclusion proof each carry a ``Msg``
whose English template is the gettext msgid in ``audit/locale/{kk,ru}``; the page renders it in the reader's
language (``atazan.messages.render``), the CLI and the API keep the English (``Msg.render()``).
"""

from __future__ import annotations

from atazan.messages.domain import Msg, Voice

__all__ = ["VOICE", "Msg", "coded", "msg"]

VOICE = Voice("audit")
msg = VOICE.msg
coded = VOICE.coded
