"""Sentences the accounts domain says, in no language yet (STYLE.md, "One way to speak"): a refusal is a ``Msg`` of
the shared kernel with a stable code and an English template, rendered in the reader's language by
``atazan.messages.render`` from ``accounts/locale/{kk,ru}``."""

from __future__ import annotations

from atazan.messages.domain import Msg, Voice

__all__ = ["VOICE", "Msg", "msg"]

VOICE = Voice("accounts")
# msg(code, template, **values): a refusal with its stable code.
msg = VOICE.coded
