"""The audit log as a Merkle tree, hashed exactly as Certificate Transparency hashes its logs (RFC 9162, §2.1).

A leaf's hash is SHA-256(0x00 || leaf data), an inner node's SHA-256(0x01 || left || right); the two prefixes keep a
leaf from ever passing for a node. The tree over n leaves splits at the largest power of two below n, so a tree of
size m is a prefix of every larger tree, which is what lets a consistency proof show that a log only grew.

Everything here works on leaf *hashes* (bytes of 32), so the caller decides what a leaf's data is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

HASH_SIZE = 32
_LEAF = b"\x00"
_NODE = b"\x01"


def leaf_hash(data: bytes) -> bytes:
    """RFC 9162 §2.1.1: MTH({d}) = SHA-256(0x00 || d)."""
    return hashlib.sha256(_LEAF + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 9162 §2.1.1: SHA-256(0x01 || MTH(left) || MTH(right))."""
    return hashlib.sha256(_NODE + left + right).digest()


EMPTY_ROOT = hashlib.sha256(b"").digest()  # MTH({}) = SHA-256() of the empty string


def _split(n: int) -> int:
    """The largest power of two smaller than n (n > 1)."""
    return 1 << ((n - 1).bit_length() - 1)


def tree_levels(leaves: Sequence[bytes]) -> list[list[bytes]]:
    """Every level of the tree, leaves first. Pairing level by level and lifting an unpaired last node unchanged
    gives exactly RFC 9162's tree (the left subtree is always the largest power of two)."""
    levels = [list(leaves)]
    while len(levels[-1]) > 1:
        below = levels[-1]
        above = [node_hash(below[i], below[i + 1]) for i in range(0, len(below) - 1, 2)]
        if len(below) % 2:
            above.append(below[-1])
        levels.append(above)
    return levels


def root_hash(leaves: Sequence[bytes]) -> bytes:
    """MTH of the leaves (their hashes, in order)."""
    if not leaves:
        return EMPTY_ROOT
    return tree_levels(leaves)[-1][0]


def inclusion_proof(index: int, leaves: Sequence[bytes]) -> list[bytes]:
    """RFC 9162 §2.1.3.1 PATH(index, D[n]): the sibling hashes from the leaf up to the root (about log2 n)."""
    if not 0 <= index < len(leaves):
        raise IndexError(f"leaf {index} is not in a tree of {len(leaves)}")
    return inclusion_proof_from_levels(index, tree_levels(leaves))


def inclusion_proof_from_levels(index: int, levels: Sequence[Sequence[bytes]]) -> list[bytes]:
    """The same path, read from levels already built by `tree_levels` (many proofs over one tree)."""
    path = []
    for level in levels[:-1]:
        sibling = index ^ 1
        if sibling < len(level):
            path.append(level[sibling])
        index >>= 1
    return path


def inclusion_verify(*, index: int, size: int, leaf: bytes, path: Sequence[bytes], root: bytes) -> bool:
    """RFC 9162 §2.1.3.2: does `path` prove that `leaf` (a leaf hash) is leaf `index` of the tree of `size`
    leaves whose root is `root`?"""
    if not 0 <= index < size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def _subtree_root(leaves: Sequence[bytes], start: int, end: int) -> bytes:
    return root_hash(leaves[start:end])


def consistency_proof(first: int, leaves: Sequence[bytes]) -> list[bytes]:
    """RFC 9162 §2.1.4.1 PROOF(first, D[n]): the hashes that show the tree of the first `first` leaves is a prefix
    of the tree of all of them."""
    n = len(leaves)
    if not 0 <= first <= n:
        raise IndexError(f"a tree of {n} leaves has no prefix of {first}")
    if first in (0, n):
        return []
    proof: list[bytes] = []

    def subproof(m: int, start: int, end: int, complete: bool) -> None:
        size = end - start
        if m == size:
            if not complete:
                proof.append(_subtree_root(leaves, start, end))
            return
        k = _split(size)
        if m <= k:
            subproof(m, start, start + k, complete)
            proof.append(_subtree_root(leaves, start + k, end))
        else:
            subproof(m - k, start + k, end, False)
            proof.append(_subtree_root(leaves, start, start + k))

    subproof(first, 0, n, True)
    return proof


def consistency_verify(
    *, first: int, first_root: bytes, second: int, second_root: bytes, proof: Sequence[bytes]
) -> bool:
    """RFC 9162 §2.1.4.2: does `proof` show that the tree (`first`, `first_root`) is a prefix of the tree
    (`second`, `second_root`)? An empty log is a prefix of every log."""
    if not 0 <= first <= second:
        return False
    if first == 0:
        return first_root == EMPTY_ROOT and not proof
    if first == second:
        return not proof and first_root == second_root
    path = list(proof)
    if first & (first - 1) == 0:  # an exact power of two: the first tree is a node of the second
        path.insert(0, first_root)
    if not path:
        return False
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == first_root and sr == second_root and sn == 0
