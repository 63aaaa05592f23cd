import json
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from atazan.audit.domain.chain import GENESIS_HASH, BreakKind, ChainEntry, canonical_json, chain_verify, entry_hash


def _chain(n: int) -> list[ChainEntry]:
    entries = []
    prev = GENESIS_HASH
    for seq in range(1, n + 1):
        at = f"2026-03-16T0{seq % 10}:00:00+00:00"
        action, target, payload = "referendum.protocol.accept", f"precinct:{seq}", {"yes": seq * 10}
        digest = entry_hash(seq=seq, at=at, actor="cec", action=action, target=target, payload=payload, prev_hash=prev)
        entries.append(ChainEntry(seq, at, "cec", action, target, payload, prev, digest))
        prev = digest
    return entries


def test_intact_chain_verifies() -> None:
    assert chain_verify(_chain(5)) is None


def test_edited_payload_is_caught_at_that_entry() -> None:
    entries = _chain(5)
    entries[2] = replace(entries[2], payload={"yes": 999})
    brk = chain_verify(entries)
    assert brk is not None and brk.seq == 3 and brk.kind is BreakKind.EDITED


def test_deleted_entry_is_caught() -> None:
    entries = _chain(5)
    del entries[1]
    brk = chain_verify(entries)
    assert brk is not None and brk.seq == 2 and brk.kind is BreakKind.MISSING


def test_swapped_entries_with_renumbered_seq_are_caught() -> None:
    entries = _chain(4)
    a, b = entries[1], entries[2]
    # An attacker swaps two entries and fixes the sequence numbers and their own hashes, but cannot fix the links.
    a2 = replace(b, seq=2)
    a2 = replace(
        a2,
        hash=entry_hash(
            seq=2,
            at=a2.at,
            actor=a2.actor,
            action=a2.action,
            target=a2.target,
            payload=a2.payload,
            prev_hash=a2.prev_hash,
        ),
    )
    brk = chain_verify([entries[0], a2, a, entries[3]])
    assert brk is not None and brk.seq == 2 and brk.kind is BreakKind.REORDERED


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)


@given(json_values)
def test_canonical_json_is_plain_sorted_compact_json(value: object) -> None:
    # the fast encoder must give exactly the bytes json.dumps gives, or entries hashed before would stop verifying
    expected = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode()
    assert canonical_json(value) == expected
