"""Text normalisation for comparing proposals: case, greetings, signatures, punctuation, spacing.

Citizens paste the same campaign text with their own greeting ("Здравствуйте!", "Сәлеметсіз бе", "Dear
colleagues") and signature ("С уважением, Иванов И.", "Құрметпен", "Best regards"). Those parts carry no meaning
for the working group, so they are cut before duplicates are looked for.
"""

from __future__ import annotations

import re
import unicodedata

# Greetings that open an appeal (Russian, Kazakh, English). Matched at the start only.
_GREETINGS = [
    r"здравствуйте",
    r"добрый\s+(?:день|вечер|утро)",
    r"доброго\s+времени\s+суток",
    r"приветствую(?:\s+вас)?",
    r"уважаем(?:ые|ый|ая)(?:\s+(?:члены|член|депутаты|коллеги|господа|товарищи))?(?:\s+рабочей\s+группы)?"
    r"(?:\s+конституционной\s+комиссии)?",
    r"сәлеметсіз\s*бе",
    r"сәлеметсіздер\s*ме",
    r"сәлем",
    r"армысыздар",
    r"құрметті(?:\s+(?:жұмыс\s+тобының\s+мүшелері|комиссия\s+мүшелері|әріптестер|депутаттар))?",
    r"hello",
    r"hi",
    r"good\s+(?:morning|afternoon|evening|day)",
    r"dear(?:\s+(?:members|colleagues|sirs|madam|sir|working\s+group|commission))?(?:\s+of\s+the\s+working\s+group)?",
    r"greetings",
    r"to\s+whom\s+it\s+may\s+concern",
]
_GREETING_RE = re.compile(r"^\s*(?:(?:" + "|".join(_GREETINGS) + r")\b[\s,.!:;-]*)+", re.IGNORECASE)

# Sign-offs: everything from the sign-off to the end is the signature.
_SIGNOFFS = [
    r"с\s+уважением",
    r"с\s+наилучшими\s+пожеланиями",
    r"спасибо\s+за\s+внимание",
    r"заранее\s+спасибо",
    r"благодарю",
    r"құрметпен",
    r"рахмет",
    r"алдын\s+ала\s+рахмет",
    r"best\s+regards",
    r"kind\s+regards",
    r"regards",
    r"sincerely(?:\s+yours)?",
    r"yours\s+(?:sincerely|faithfully|truly)",
    r"thank\s+you(?:\s+for\s+your\s+attention)?",
    r"thanks",
]
_SIGNOFF_RE = re.compile(r"(?:^|[\s.!,;])(?:" + "|".join(_SIGNOFFS) + r")\b.*$", re.IGNORECASE | re.DOTALL)
# A trailing "— Surname N.", "Иванов И.И." or a lone name after a dash at the very end.
_TRAILING_NAME_RE = re.compile(r"[\s.!]*\s[-—–]\s*[^\W\d_][^\s,!?]*(?:\s+[^\W\d_][^\s,!?]*){0,2}\s*$")
_NON_WORD_RE = re.compile(r"[^\w]+", re.UNICODE)
_SPACE_RE = re.compile(r"\s+")


_SIGNOFF_WORDS = ("уважен", "пожелан", "спасибо", "благодар", "құрмет", "рахмет", "regards", "sincerely", "yours",
                  "thank")  # fmt: skip


def strip_courtesies(text: str) -> str:
    """The text without its opening greeting and closing signature (original case kept)."""
    body = unicodedata.normalize("NFC", text).strip()
    body = _GREETING_RE.sub("", body, count=1)
    folded = body.casefold()
    # the sign-off pattern is tried only where a sign-off word occurs: most texts have none
    if any(word in folded for word in _SIGNOFF_WORDS):
        cut = _SIGNOFF_RE.sub("", body)
        # A sign-off in the middle of a long text is kept only if cutting it would leave almost nothing.
        if len(cut.strip()) >= 20:
            body = cut
    tail = body[-80:]
    if "-" in tail or "—" in tail or "–" in tail:
        trimmed = _TRAILING_NAME_RE.sub("", body)
        if len(trimmed.strip()) >= 12:
            body = trimmed
    return body.strip()


def normalize_text(text: str) -> str:
    """Comparable form: courtesies cut, case folded, ё→е, punctuation dropped, spaces collapsed."""
    body = strip_courtesies(text).casefold().replace("ё", "е")
    body = _NON_WORD_RE.sub(" ", body).replace("_", " ")
    return _SPACE_RE.sub(" ", body).strip()


def words(text: str) -> list[str]:
    """Words of a normalised text."""
    return [w for w in normalize_text(text).split(" ") if w]
