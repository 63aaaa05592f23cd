"""The aligner against the hand-made gold file (tests/texts/gold_alignment_rus.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from atazan.texts.domain.align import Alignment, MappingEntry, align
from atazan.texts.domain.parser import load_official

GOLD = Path(__file__).resolve().parent.parent / "gold_alignment_rus.yaml"
MIN_SCORE = 0.9


@cache
def _alignment() -> Alignment:
    return align(load_official(1995, "rus"), load_official(2026, "rus"))


def _gold() -> list[dict[str, Any]]:
    data = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    return list(data["items"])


def _check(item: dict[str, Any], al: Alignment) -> tuple[bool, str]:
    if item["relation"] == "new":
        entries = al.for_new(str(item["new_article"]))
        got = [e.relation.value for e in entries]
        return got == ["new"], f"new {item['new_article']}: got {got}"
    entry: MappingEntry = al.for_old(str(item["old"]))
    want = [str(n) for n in item["new"]]
    ok = entry.relation.value == item["relation"] and all(n in entry.new for n in want)
    if want and entry.new:
        ok = ok and entry.new[0] in want
    return ok, f"old {item['old']}: want {item['relation']} {want}, got {entry.relation.value} {list(entry.new)}"


def test_gold_file_is_big_enough_and_covers_the_relations() -> None:
    items = _gold()
    assert len(items) >= 40
    assert {i["relation"] for i in items} >= {"renumbered", "amended", "merged", "split", "repealed", "new"}
    assert all(i.get("why") for i in items)


def test_aligner_scores_at_least_90_percent_on_gold(capsys: Any) -> None:
    al = _alignment()
    results = [_check(i, al) for i in _gold()]
    score = sum(ok for ok, _ in results) / len(results)
    with capsys.disabled():
        print(f"\nalignment gold score (rus): {sum(ok for ok, _ in results)}/{len(results)} = {score:.1%}")
        for ok, msg in results:
            if not ok:
                print("  miss:", msg)
    assert score >= MIN_SCORE


def test_every_article_of_both_texts_is_in_the_mapping() -> None:
    al = _alignment()
    olds = [n for e in al.entries for n in e.old]
    assert sorted(olds) == sorted(a.num for a in al.old.articles())  # each old article exactly once
    news = {n for e in al.entries for n in e.new}
    assert news == {a.num for a in al.new.articles()}


def test_kazakh_alignment_agrees_with_russian_on_the_spec_examples() -> None:
    kaz = align(load_official(1995, "kaz"), load_official(2026, "kaz"))
    e77 = kaz.for_old("77")
    assert e77.relation.value == "split" and {"78", "19"} <= set(e77.new)
    assert kaz.for_old("49").new == ("52",)  # Parliament → Kurultai
    assert kaz.for_old("84").relation.value == "repealed"
