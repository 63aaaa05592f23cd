"""The aligner on small made-up expressions: one case per relation."""

from __future__ import annotations

from datetime import date

from atazan.texts.domain.align import Relation, align, words
from atazan.texts.domain.model import Article, Expression, Paragraph, Section

LOREM = {
    "a": "Граждане имеют право на свободу мирных собраний без оружия в порядке установленном законом",
    "b": "Государственным языком является казахский язык а русский язык употребляется официально наравне",
    "c": "Президент назначает выборы депутатов и созывает первую сессию представительного органа страны",
    "d": "Правительство разрабатывает бюджет и представляет отчет о его исполнении ежегодно весной",
    "e": "Судья независим и подчиняется только Конституции и закону при отправлении правосудия всегда",
    "f": "Маслихаты избираются населением на пять лет и утверждают местный бюджет территории",
    "g": "Счетная палата проверяет исполнение бюджета и докладывает палатам о найденных нарушениях",
    "h": "Каждый имеет право на жизнь и никто не вправе произвольно лишать человека жизни никогда",
    "z": "Народный совет разрабатывает рекомендации по внутренней политике и вносит проекты законов",
}


def _art(num: str, *texts: str, repealed: bool = False) -> Article:
    paras = tuple(Paragraph(eid=f"art_{num}__para_{i}", num=str(i), text=t) for i, t in enumerate(texts, 1))
    return Article(eid=f"art_{num}", num=num, section_num="I", paragraphs=paras, repealed=repealed)


def _expr(year: int, *arts: Article) -> Expression:
    return Expression(
        work_uri=f"/akn/kz/act/{year}/constitution",
        language="rus",
        date=date(year, 1, 1),
        title="t",
        source="test",
        preamble="",
        sections=(Section(eid="sec_I", num="I", heading="", articles=arts),),
    )


def test_each_relation_on_a_small_pair_of_texts() -> None:
    old = _expr(
        1995,
        _art("1", LOREM["a"]),  # unchanged
        _art("2", LOREM["b"]),  # renumbered → 3
        _art("3", LOREM["c"]),  # amended → 2
        _art("4", LOREM["d"], LOREM["e"]),  # split → 4, 5
        _art("5", LOREM["f"]),  # merged with 6 → 6
        _art("6", LOREM["g"]),
        _art("7", "Исключена."),  # already repealed
        _art("8", LOREM["h"]),  # repealed
    )
    new = _expr(
        2026,
        _art("1", LOREM["a"]),
        _art("2", LOREM["c"].replace("первую сессию", "внеочередную сессию")),
        _art("3", LOREM["b"]),
        _art("4", LOREM["d"]),
        _art("5", LOREM["e"]),
        _art("6", LOREM["f"], LOREM["g"]),
        _art("7", LOREM["z"]),  # new
    )
    al = align(old, new)
    got = {(e.old, tuple(sorted(e.new))): e.relation for e in al.entries}  # `new` is ordered by share
    assert got[(("1",), ("1",))] == Relation.UNCHANGED
    assert got[(("2",), ("3",))] == Relation.RENUMBERED
    assert got[(("3",), ("2",))] == Relation.AMENDED
    assert got[(("4",), ("4", "5"))] == Relation.SPLIT
    assert got[(("5", "6"), ("6",))] == Relation.MERGED
    assert got[(("7",), ())] == Relation.REPEALED
    assert got[(("8",), ())] == Relation.REPEALED
    assert got[((), ("7",))] == Relation.NEW
    assert al.for_old("1").similarity > 0.99
    assert 0 < al.for_old("3").similarity < 1


def test_alignment_is_deterministic() -> None:
    old = _expr(1995, _art("1", LOREM["a"]), _art("2", LOREM["a"]))  # two identical candidates: the first wins
    new = _expr(2026, _art("1", LOREM["a"]))
    first = align(old, new).entries
    assert first == align(old, new).entries


def test_words_fold_latin_lookalikes_inside_kazakh_words() -> None:
    assert words("Адам өмiрi") == words("Адам өмірі")
    assert words("Wi-Fi") == ["wi", "fi"]
