"""The console's language: ``--lang`` when given, else the language of the environment's locale (issue 15).

``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` are read in the order gettext reads them ("ru_RU.UTF-8" → ru, "kk_KZ" → kk);
a locale of another language, "C" or "POSIX" gives English. JSON output keeps its stable codes in every language;
only the sentences a person reads change. No Django here: a command resolves the language before it sets Django up.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

__all__ = ["LANGUAGES", "cli_language"]

LANGUAGES = ("kk", "ru", "en")


def cli_language(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """``option`` when given (checked by the command: an unknown one is a usage error), else the environment's."""
    if option:
        return option
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            base = value.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
            return base if base in LANGUAGES else "en"
    return "en"
