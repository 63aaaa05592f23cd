"""One way every context speaks (issue 15; STYLE.md, "One way to speak").

``atazan.messages.domain`` is the shared kernel the domain packages import (no Django): ``Msg``, a sentence in no
language yet — an English template with named fields (the gettext msgid), the values of its fields and, for a refusal,
a stable ``code``. ``atazan.messages.render`` is its one adapter: it translates the template with the owning context's
catalogue for the active language and formats the values for that language. This package's ``__init__`` imports
nothing, so that importing the kernel never pulls Django into a domain package.
"""
