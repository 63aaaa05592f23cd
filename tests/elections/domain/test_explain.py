"""The allocation's explanation carries translation keys and values, not finished English sentences."""

from string import Formatter

import pytest

from atazan.elections.domain import (
    AllocationInput,
    Method,
    Msg,
    PartyList,
    allocate,
    allocation_steps,
    msg,
    step_templates,
)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


CASES = [
    # general rule, remainders
    AllocationInput(seats=10, took_part=1000, lists=(PartyList("A", 520, 1), PartyList("B", 310, 2),
                                                     PartyList("C", 120, 3), PartyList("D", 30, 4))),
    # only one list passed: runner-up with the 0.7 coefficient and its minimum of two seats
    AllocationInput(seats=145, took_part=10_000, lists=(PartyList("A", 9_000, 1), PartyList("B", 3, 2))),
    # one list passed and nobody else has a vote
    AllocationInput(seats=5, took_part=100, lists=(PartyList("A", 90, 1), PartyList("B", 0, 2))),
    # whole parts give every seat
    AllocationInput(seats=4, took_part=100, lists=(PartyList("A", 50, 1), PartyList("B", 50, 2))),
]  # fmt: skip


@pytest.mark.parametrize("method", list(Method))
@pytest.mark.parametrize("case", CASES, ids=["general", "runner-up", "sole", "exact"])
def test_every_template_a_step_uses_is_a_known_key(case: AllocationInput, method: Method) -> None:
    keys = set(step_templates())
    for step in allocation_steps(allocate(case, method)):
        assert set(step.message.templates()) <= keys, step.kind
        assert set(step.reference.templates()) <= keys, step.kind


def test_a_translation_replaces_templates_but_never_the_values() -> None:
    a = allocate(CASES[1])
    catalogue = {
        "{party} must get at least 2 seats: {before} → {after}.": "{party} кемінде 2 орын: {before} → {after}.",
        "Constitutional Law on Elections, Art. 97-1(3), fourth paragraph": "Сайлау туралы КЗ, 97-1(3)-бап, 4-абзац",
    }
    step = next(s for s in allocation_steps(a) if s.kind == "minimum-two")
    shown = step.render(lambda t: catalogue.get(t, t))
    assert shown == {"kind": "minimum-two", "ref": "Сайлау туралы КЗ, 97-1(3)-бап, 4-абзац",
                     "text": "B кемінде 2 орын: 0 → 2."}  # fmt: skip
    # English stays what the CLI and the JSON API have always printed
    assert step.text == "B must get at least 2 seats: 0 → 2."


def test_nested_message_is_translated_in_the_same_language() -> None:
    a = allocate(CASES[0], Method.DHONDT)
    method_step = next(s for s in allocation_steps(a) if s.kind == "averages")
    marked = method_step.reference.render(lambda t: f"[{t}]")
    assert marked == "[not the law: [D'Hondt highest averages — not the law, for comparison only]]"


def test_a_party_name_with_braces_is_shown_as_registered() -> None:
    a = allocate(AllocationInput(seats=3, took_part=100, lists=(PartyList("{votes} Party", 60, 1),
                                                                PartyList("B", 40, 2))))  # fmt: skip
    texts = [s.text for s in allocation_steps(a)]
    assert "{votes} Party: 60 votes (60.00%) — admitted." in texts


def test_msg_refuses_values_that_do_not_match_the_template() -> None:
    with pytest.raises(ValueError, match="do not match"):
        msg("{party}: {votes}", party="A")
    assert msg("{a} and {b}", a=1, b=Msg("x")).render() == "1 and x"


def test_templates_have_only_named_fields() -> None:
    for template in step_templates():
        assert all(name and not name.isdigit() for name in _fields(template) | {"x"}), template
