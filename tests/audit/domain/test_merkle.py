"""The Merkle tree against RFC 9162's recursive definitions, and its proofs against tampering."""

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from atazan.audit.domain.merkle import (
    EMPTY_ROOT,
    consistency_proof,
    consistency_verify,
    inclusion_proof,
    inclusion_verify,
    leaf_hash,
    root_hash,
)


def _mth(data: list[bytes]) -> bytes:
    """RFC 9162 §2.1.1, written as the RFC writes it."""
    if not data:
        return hashlib.sha256(b"").digest()
    if len(data) == 1:
        return hashlib.sha256(b"\x00" + data[0]).digest()
    k = 1
    while k * 2 < len(data):
        k *= 2
    return hashlib.sha256(b"\x01" + _mth(data[:k]) + _mth(data[k:])).digest()


def _leaves(n: int) -> list[bytes]:
    return [leaf_hash(f"entry {i}".encode()) for i in range(n)]


def test_known_root_of_the_rfc_style_tree() -> None:
    data = [f"entry {i}".encode() for i in range(7)]
    assert root_hash([leaf_hash(d) for d in data]) == _mth(data)
    assert root_hash([]) == EMPTY_ROOT
    # a leaf can never pass for a node: the prefixes differ
    assert leaf_hash(b"\x01" + bytes(64)) != hashlib.sha256(b"\x01" + bytes(64)).digest()


@given(st.lists(st.binary(max_size=8), max_size=70))
def test_root_equals_the_recursive_definition(data: list[bytes]) -> None:
    assert root_hash([leaf_hash(d) for d in data]) == _mth(data)


@given(st.integers(1, 140), st.data())
def test_every_inclusion_proof_verifies_and_a_wrong_leaf_does_not(n: int, data: st.DataObject) -> None:
    leaves = _leaves(n)
    root = root_hash(leaves)
    i = data.draw(st.integers(0, n - 1))
    path = inclusion_proof(i, leaves)
    assert len(path) <= max(1, (n - 1).bit_length())
    assert inclusion_verify(index=i, size=n, leaf=leaves[i], path=path, root=root)
    assert not inclusion_verify(index=i, size=n, leaf=leaf_hash(b"forged"), path=path, root=root)
    if n > 1:
        assert not inclusion_verify(index=(i + 1) % n, size=n, leaf=leaves[i], path=path, root=root)


@given(st.integers(1, 140), st.data())
def test_consistency_proofs_verify_between_every_prefix(n: int, data: st.DataObject) -> None:
    leaves = _leaves(n)
    m = data.draw(st.integers(0, n))
    proof = consistency_proof(m, leaves)
    first_root, second_root = root_hash(leaves[:m]), root_hash(leaves)
    assert consistency_verify(first=m, first_root=first_root, second=n, second_root=second_root, proof=proof)
    if 0 < m < n:
        # the same proof cannot link a rewritten prefix to the same larger tree
        rewritten = root_hash([leaf_hash(b"edited"), *leaves[1:m]])
        assert not consistency_verify(first=m, first_root=rewritten, second=n, second_root=second_root, proof=proof)
