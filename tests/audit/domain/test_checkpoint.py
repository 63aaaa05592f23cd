from nacl.signing import SigningKey

from atazan.audit.domain.checkpoint import checkpoint_from_json, checkpoint_sign, checkpoint_signature_valid
from atazan.audit.domain.log import FindingCode, checkpoint_check
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
