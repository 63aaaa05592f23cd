"""Word diff: segments rebuild both texts exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from atazan.texts.domain.diff import Op, new_text, old_text, preserved_old_words, word_diff

_WORDS = st.sampled_from(["Курултай", "Парламент", "Республики", "Казахстан", "закон", "1)", "–", ",", "бап", "ё"])
_TEXT = st.lists(st.one_of(_WORDS, st.text(max_size=6)), max_size=25).map(lambda ws: " ".join(ws))


@settings(max_examples=200, deadline=None)
@given(_TEXT, _TEXT)
def test_diff_round_trips(a: str, b: str) -> None:
    segs = word_diff(a, b)
    assert old_text(segs) == a
    assert new_text(segs) == b
    assert all(s.text for s in segs)
    for s1, s2 in zip(segs, segs[1:], strict=False):
        assert s1.op != s2.op


def test_diff_marks_the_changed_words() -> None:
    segs = word_diff("Парламент принимает законы.", "Курултай принимает законы.")
    assert [(s.op, s.text) for s in segs] == [
        (Op.DELETE, "Парламент "),
        (Op.INSERT, "Курултай "),
        (Op.EQUAL, "принимает законы."),
    ]
    assert preserved_old_words(segs) == 2


def test_identical_texts_are_one_equal_segment() -> None:
    assert [s.op for s in word_diff("Жилище неприкосновенно.", "Жилище неприкосновенно.")] == [Op.EQUAL]
