"""Sentences the consultation's domain says, in no language yet: the shared ``Msg`` (``atazan.messages.domain``).

The domain never returns a sentence a person reads (STYLE.md, "One way to speak"). A refusal carries a ``Msg``: a
stable ``code`` (for tests, the API and the review queue), an English ``template`` with ``{named}`` fields — the
template is the gettext msgid in ``consultation/locale/{kk,ru}`` — and the values that fill it. The adapter
(``atazan.consultation.translation``) renders it in the reader's language. A value may itself be a ``Msg`` (a field's
name, say), rendered in the same language; other values (a row number, a registration number) are never translated.
"""

from __future__ import annotations

from atazan.messages.domain import Msg, Voice, shown

__all__ = ["VOICE", "Msg", "msg", "shown"]

VOICE = Voice("consultation")
# msg(code, template, **values): a refusal with its stable code.
msg = VOICE.coded
