from hypothesis import given, settings
from hypothesis import strategies as st
from nacl.signing import SigningKey

from atazan.audit.domain.checkpoint import checkpoint_from_json, checkpoint_sign, checkpoint_signature_valid
from atazan.audit.domain.log import FindingCode, block_roots, block_size, checkpoint_check
from atazan.audit.domain.merkle import leaf_hash, root_hash

KEY = SigningKey(bytes(range(32)))


def _leaves(n: int) -> list[bytes]:
    return [leaf_hash(str(i).encode()) for i in range(n)]


def test_a_checkpoint_round_trips_and_its_signature_binds_size_root_and_time() -> None:
    cp = checkpoint_sign(size=5, root=root_hash(_leaves(5)), time="2026-03-16T00:00:00+00:00", key=KEY)
    again = checkpoint_from_json(cp.to_json())
    assert again == cp and checkpoint_signature_valid(again, public_key=bytes(KEY.verify_key))
    import dataclasses

    assert not checkpoint_signature_valid(dataclasses.replace(cp, size=4))
    other = SigningKey(bytes(32))
    assert not checkpoint_signature_valid(cp, public_key=bytes(other.verify_key))


def test_a_log_that_only_grew_extends_its_checkpoint_and_a_cut_or_rewritten_one_does_not() -> None:
    leaves = _leaves(9)
    cp = checkpoint_sign(size=6, root=root_hash(leaves[:6]), time="t", key=KEY)
    assert checkpoint_check(leaves, cp) == []
    assert [f.code for f in checkpoint_check(leaves[:5], cp)] == [FindingCode.CHECKPOINT_TRUNCATED]
    edited = [*leaves[:2], leaf_hash(b"x"), *leaves[3:]]
    assert [f.code for f in checkpoint_check(edited, cp)] == [FindingCode.CHECKPOINT_REWRITTEN]
    forged = checkpoint_sign(size=6, root=root_hash(edited[:6]), time="t", key=SigningKey(bytes(32)))
    assert [f.code for f in checkpoint_check(edited, forged, public_key=bytes(KEY.verify_key))] == [
        FindingCode.CHECKPOINT_SIGNATURE
    ]


@settings(max_examples=40)
@given(st.integers(1, 1300), st.data())
def test_block_roots_compose_to_the_root_and_name_the_block_that_changed(n: int, data: st.DataObject) -> None:
    leaves = _leaves(n)
    blocks = block_roots(leaves, n)
    assert len(blocks) <= 256 and root_hash(blocks) == root_hash(leaves)
    cp = checkpoint_sign(size=n, root=root_hash(leaves), time="t", key=KEY)
    k = data.draw(st.integers(0, n - 1))
    edited = [*leaves[:k], leaf_hash(b"edited"), *leaves[k + 1 :]]
    [found] = checkpoint_check(edited, cp, blocks=blocks)
    first, last = int(dict(found.params)["first"]), int(dict(found.params)["last"])
    assert first <= k + 1 <= last and last - first + 1 <= block_size(n)
    # block roots that do not add up to the signed root are not trusted: the whole signed range is named
    [vague] = checkpoint_check(edited, cp, blocks=[leaf_hash(b"x")] * len(blocks))
    assert (dict(vague.params)["first"], dict(vague.params)["last"]) == ("1", str(n))
