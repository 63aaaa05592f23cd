"""References to a provision of the Constitution, read by one strict grammar.

A reference names an article and, optionally, a paragraph of it and a sub-paragraph of that paragraph. Lawyers write
the same provision many ways; each of these is read as Article 43, paragraph 1 (``43(1)``):

* compact and English: ``43(1)``, ``Art. 43(1)``, ``Article 43(1)``, ``43.1``, ``Art. 43, para. 1``,
  ``Article 43, paragraph 1``, ``paragraph 1 of Article 43``;
* Russian: ``ст. 43 п. 1``, ``статья 43, пункт 1``, ``п. 1 ст. 43``, ``пункт 1 статьи 43``;
* Kazakh: ``43-баптың 1-тармағы``, ``43 бап 1 тармақ``, ``43-бап, 1-тармақ``.

Sub-paragraphs follow the same patterns (``43(1)(2)``, ``43.1.2``, ``Art. 43, para. 1, subpara. 2``,
``ст. 43 п. 1 пп. 2)``, ``пп. 2) п. 1 ст. 43``, ``43-баптың 1-тармағының 2) тармақшасы``). Inserted numbers keep their
hyphen (``83-1``, ``2(3-1)``, as printed in the 1995 text). Anything else is refused with ``ArticleRefError``: a
reference that cannot be read is never guessed at, because a wrong guess lets an amendment of a protected provision
pass silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


class ArticleRefError(ValueError):
    """The text is not an article reference the grammar knows."""


_NUM = r"\d{1,3}(?:-\d{1,2})?"


@dataclass(frozen=True, order=True)
class ArticleRef:
    """Article ``article``, paragraph ``paragraph``, sub-paragraph ``subparagraph`` (numbers as printed)."""

    article: str
    paragraph: str | None = None
    subparagraph: str | None = None

    def __post_init__(self) -> None:
        for part in (self.article, self.paragraph, self.subparagraph):
            if part is not None and not re.fullmatch(_NUM, part):
                raise ArticleRefError(f"not a provision number: {part!r}")
        if self.subparagraph is not None and self.paragraph is None:
            raise ArticleRefError("a sub-paragraph needs its paragraph")

    def __str__(self) -> str:
        """The short form used in citations: ``43``, ``43(1)``, ``43(1)(2)``."""
        out = self.article
        if self.paragraph is not None:
            out += f"({self.paragraph})"
        if self.subparagraph is not None:
            out += f"({self.subparagraph})"
        return out

    def parts(self) -> tuple[str, ...]:
        return tuple(p for p in (self.article, self.paragraph, self.subparagraph) if p is not None)

    def contains(self, other: ArticleRef) -> bool:
        """Whether ``other`` is this provision or a part of it (Article 43 contains 43(1) and 43(1)(2))."""
        mine = self.parts()
        return other.parts()[: len(mine)] == mine

    def overlaps(self, other: ArticleRef) -> bool:
        """Whether amending one changes the other: one contains the other."""
        return self.contains(other) or other.contains(self)


# Labels, lower case. The Russian and English forms end at a word boundary or a full stop; the Kazakh ones follow
# the number, with or without the hyphen of the case ending.
_ART_EN = r"(?:art(?:icle)?\.?)"
_PARA_EN = r"(?:para(?:graph)?\.?|p\.|§)"
_SUB_EN = r"(?:sub-?para(?:graph)?\.?|subp\.)"
_ART_RU = r"(?:стать(?:я|и|е|ю|ей)|ст\.?)"
_PARA_RU = r"(?:пункт(?:а|е|у|ом)?|п\.?)"
_SUB_RU = r"(?:подпункт(?:а|е|у|ом)?|подп\.?|пп\.?)"
_ART_KK = r"(?:баб(?:ы|ына|ында)|бап(?:тың|қа|та)?)"
_PARA_KK = r"(?:тармағ(?:ы|ының|ына|ында)|тармақ(?:та)?)"
_SUB_KK = r"(?:тармақша(?:сы|сының|сына|да)?)"
_SEP = r"\s*,?\s*"

_A, _P, _S = rf"(?P<a>{_NUM})", rf"(?P<p>{_NUM})", rf"(?P<s>{_NUM})\)?"

_PATTERNS = tuple(
    re.compile(pattern)
    for pattern in (
        # 43 / 43(1) / 43(1)(2) / Art. 43(1), with optional spaces before the brackets
        rf"(?:{_ART_EN}\s*)?{_A}(?:\s*\({_P}\)(?:\s*\((?P<s>{_NUM})\))?)?",
        # 43.1 / 43.1.2 / Art. 43.1
        rf"(?:{_ART_EN}\s*)?(?P<a>{_NUM})\.(?P<p>{_NUM})(?:\.(?P<s>{_NUM}))?",
        # Art. 43, paragraph 1, subparagraph 2 / Art. 43(1), subpara. 2
        rf"{_ART_EN}\s*{_A}(?:{_SEP}{_PARA_EN}\s*{_P}(?:{_SEP}{_SUB_EN}\s*{_S})?)?",
        rf"{_ART_EN}\s*{_A}\s*\({_P}\){_SEP}{_SUB_EN}\s*{_S}",
        # subparagraph 2 of paragraph 1 of Article 43 / paragraph 1 of Article 43
        rf"(?:{_SUB_EN}\s*{_S}\s+of\s+)?{_PARA_EN}\s*{_P}\s+of\s+{_ART_EN}\s*{_A}",
        # ст. 43, п. 1, пп. 2) / статья 43 пункт 1
        rf"{_ART_RU}\s*{_A}(?:{_SEP}{_PARA_RU}\s*{_P}(?:{_SEP}{_SUB_RU}\s*{_S})?)?",
        # пп. 2) п. 1 ст. 43 / пункт 1 статьи 43
        rf"(?:{_SUB_RU}\s*{_S}{_SEP})?{_PARA_RU}\s*{_P}{_SEP}{_ART_RU}\s*{_A}",
        # 43-баптың 1-тармағының 2) тармақшасы / 43 бап 1 тармақ
        rf"{_A}\s*-?\s*{_ART_KK}(?:{_SEP}{_P}\s*-?\s*{_PARA_KK}(?:{_SEP}{_S}\s*-?\s*{_SUB_KK})?)?",
    )
)

EXAMPLES = "43, 43(1), Art. 43(1), 43.1, ст. 43 п. 1, 43-баптың 1-тармағы"


def parse_article_ref(text: str) -> ArticleRef:
    """Read ``text`` as a reference to a provision; raise ``ArticleRefError`` if the grammar does not accept it."""
    if not isinstance(text, str):
        raise ArticleRefError(f"expected an article reference such as {EXAMPLES}; got {text!r}")
    normal = " ".join(text.replace("\u00a0", " ").split()).lower().rstrip(".")
    for pattern in _PATTERNS:
        found = pattern.fullmatch(normal)
        if found:
            groups = found.groupdict()
            return ArticleRef(groups["a"], groups.get("p"), groups.get("s"))
    raise ArticleRefError(f"cannot read {text!r} as an article reference (write it as {EXAMPLES})")


def split_article_refs(text: str) -> list[str]:
    """Several references written in one field, as a clerk types them: one per line or separated by semicolons, or
    by commas where a comma does not continue the same reference (``Article 43, paragraph 1, 2(4)`` is two). Each
    piece is the longest run of comma-separated parts the grammar reads as one reference; a part that starts no
    reference raises ``ArticleRefError`` naming it."""
    found: list[str] = []
    for chunk in re.split(r"[\n;]+", text):
        parts = [part.strip() for part in chunk.split(",")]
        start = 0
        while start < len(parts):
            if not parts[start]:
                start += 1
                continue
            end = next(
                (stop for stop in range(len(parts), start, -1) if _readable(", ".join(p for p in parts[start:stop]))),
                None,
            )
            if end is None:
                raise ArticleRefError(f"cannot read {parts[start]!r} as an article reference (write it as {EXAMPLES})")
            found.append(", ".join(parts[start:end]))
            start = end
    return found


def _readable(text: str) -> bool:
    try:
        parse_article_ref(text)
    except ArticleRefError:
        return False
    return True


# How each language writes a reference; used by the tests to check that every form reads back, and by pages that
# show a reference in the reader's language.
STYLES: dict[str, tuple[str, str, str]] = {
    # style: (article only, with paragraph, with sub-paragraph), as str.format templates over a, p, s
    "short": ("{a}", "{a}({p})", "{a}({p})({s})"),
    "dotted": ("{a}", "{a}.{p}", "{a}.{p}.{s}"),
    "en": ("Art. {a}", "Art. {a}({p})", "Art. {a}({p}), subpara. {s}"),
    "en_words": ("Article {a}", "Article {a}, paragraph {p}", "Article {a}, paragraph {p}, subparagraph {s}"),
    "en_of": ("Article {a}", "paragraph {p} of Article {a}", "subparagraph {s} of paragraph {p} of Article {a}"),
    "ru": ("ст. {a}", "ст. {a} п. {p}", "ст. {a} п. {p} пп. {s})"),
    "ru_words": ("статья {a}", "статья {a}, пункт {p}", "статья {a}, пункт {p}, подпункт {s})"),
    "ru_reverse": ("статья {a}", "пункт {p} статьи {a}", "подпункт {s}) пункта {p} статьи {a}"),
    "kk": ("{a}-бап", "{a}-баптың {p}-тармағы", "{a}-баптың {p}-тармағының {s}) тармақшасы"),
    "kk_plain": ("{a} бап", "{a} бап {p} тармақ", "{a} бап {p} тармақ {s} тармақша"),
}


def format_article_ref(ref: ArticleRef, style: str = "short") -> str:
    """``ref`` written in ``style`` (one of ``STYLES``)."""
    templates = STYLES[style]
    template = templates[len(ref.parts()) - 1]
    return template.format(a=ref.article, p=ref.paragraph, s=ref.subparagraph)
