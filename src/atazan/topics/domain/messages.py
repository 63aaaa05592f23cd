"""Sentences the topics domain says, in no language yet: the shared ``Msg`` (``atazan.messages.domain``).

The domain never returns a sentence a person reads (STYLE.md, "One way to speak"): a safeguard's finding carries a
``Msg`` whose English template is the gettext msgid in ``topics/locale/{kk,ru}``; the adapter
(``atazan.messages.render``) gives it in the reader's language.
"""

from __future__ import annotations

from atazan.messages.domain import Msg, Voice

__all__ = ["VOICE", "Msg", "label", "msg"]

VOICE = Voice("topics")
msg = VOICE.msg
label = VOICE.label
