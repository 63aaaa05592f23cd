"""The consultation domain's messages in the reader's language.

The domain (``domain/intake.py``, ``domain/import_file.py``, ``domain/messages.py``) stays free of Django: a refusal
is a ``Msg`` (the shared ``atazan.messages`` kernel), an English template with named fields and a stable code. Here
the one adapter, ``atazan.messages.render``, looks the template up in the context's catalogue
(``locale/{kk,ru}/LC_MESSAGES/django.po``) for the active language. ``tests/web/test_message_catalogues.py`` checks
that every template of the domain has a Kazakh and a Russian translation with the same fields.
"""

from __future__ import annotations

from atazan.consultation.domain.errors import ConsultationError
from atazan.consultation.domain.messages import Msg
from atazan.messages.render import render

DOMAIN = "consultation"


def msg_render(message: Msg) -> str:
    """``message`` in the active language; English if a translation's fields do not fit (never an error page)."""
    return render(message, domain=DOMAIN)


def error_text(error: ConsultationError) -> str:
    """A refusal in the active language, naming the record and the rule. Errors that still carry English
    sentences (the older rules) are shown as they are."""
    if error.record_msg is None and error.rule_msg is None:
        return str(error)
    record = msg_render(error.record_msg) if error.record_msg is not None else error.record
    rule = msg_render(error.rule_msg) if error.rule_msg is not None else error.rule
    return f"{record}: {rule}" + (f" ({error.detail})" if error.detail else "")
