"""Word-level diff of two texts, as segments that rebuild both texts exactly.

The texts are cut into tokens: words (letter/digit runs), single punctuation marks, and runs of whitespace, so that
joining the tokens gives the text back byte for byte. The longest-matching-block algorithm of `difflib` (no junk
heuristic, so the result depends only on the two texts) then finds the equal runs. A run that is equal only in
whitespace or punctuation between two changes is folded into the change, so a rewritten sentence reads as one
deletion and one insertion rather than a confetti of single words.

Guarantee (tested with Hypothesis): joining the `equal` and `delete` segments gives the old text, joining the
`equal` and `insert` segments gives the new text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

_TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+", re.UNICODE)


class Op(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True, slots=True)
class Segment:
    op: Op
    text: str

    def as_json(self) -> dict[str, str]:
        return {"op": self.op.value, "text": self.text}


def tokens(text: str) -> list[str]:
    """Words, single punctuation marks and whitespace runs; every character falls in exactly one token."""
    return _TOKEN.findall(text)


def _is_word(tok: str) -> bool:
    return any(ch.isalnum() for ch in tok)


def word_diff(old: str, new: str) -> list[Segment]:
    """Segments (equal / delete / insert) turning `old` into `new`; adjacent segments never share an op."""
    a, b = tokens(old), tokens(new)
    raw: list[tuple[Op, list[str]]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            raw.append((Op.EQUAL, a[i1:i2]))
        else:
            if i2 > i1:
                raw.append((Op.DELETE, a[i1:i2]))
            if j2 > j1:
                raw.append((Op.INSERT, b[j1:j2]))
    # Fold word-less equal runs that sit between changes into the surrounding change.
    folded: list[tuple[Op, list[str]]] = []
    for k, (op, toks) in enumerate(raw):
        between_changes = 0 < k < len(raw) - 1 and raw[k - 1][0] != Op.EQUAL and raw[k + 1][0] != Op.EQUAL
        if op == Op.EQUAL and between_changes and not any(_is_word(t) for t in toks):
            folded.append((Op.DELETE, toks))
            folded.append((Op.INSERT, list(toks)))
        else:
            folded.append((op, toks))
    return _normalise(folded)


def _normalise(parts: Iterable[tuple[Op, list[str]]]) -> list[Segment]:
    """Merge runs: within a change, all deletions come before all insertions; equal runs are merged."""
    out: list[Segment] = []
    dele: list[str] = []
    ins: list[str] = []

    def flush() -> None:
        if dele:
            out.append(Segment(Op.DELETE, "".join(dele)))
            dele.clear()
        if ins:
            out.append(Segment(Op.INSERT, "".join(ins)))
            ins.clear()

    for op, toks in parts:
        if op == Op.EQUAL:
            flush()
            text = "".join(toks)
            if not text:
                continue
            if out and out[-1].op == Op.EQUAL:
                out[-1] = Segment(Op.EQUAL, out[-1].text + text)
            else:
                out.append(Segment(Op.EQUAL, text))
        elif op == Op.DELETE:
            dele.extend(toks)
        else:
            ins.extend(toks)
    flush()
    return out


def old_text(segments: Sequence[Segment]) -> str:
    return "".join(s.text for s in segments if s.op != Op.INSERT)


def new_text(segments: Sequence[Segment]) -> str:
    return "".join(s.text for s in segments if s.op != Op.DELETE)


def count_words(text: str) -> int:
    return sum(1 for t in _TOKEN.findall(text) if _is_word(t))


def preserved_old_words(segments: Sequence[Segment]) -> int:
    """How many words of the old text stand unchanged (in `equal` segments)."""
    return sum(count_words(s.text) for s in segments if s.op == Op.EQUAL)
