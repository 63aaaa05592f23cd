"""Near-duplicate proposals and copy-paste campaigns.

Two stages, as a working group would check by hand:
1. exact: the same text once greetings, signatures, case and punctuation are gone (a hash of the normal form);
2. near: MinHash LSH (datasketch) over character shingles proposes candidates, and every candidate is *verified*
   on the real shingle sets (Jaccard, or containment for a campaign text with a sentence added) before two
   proposals are grouped. LSH alone is probabilistic; the verification keeps false groups out.

Members are kept and counted; nothing is deleted. The index is incremental: ``add`` puts a new proposal into an
existing group without recomputing the others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH

from .normalize import normalize_text

Shingles = npt.NDArray[np.uint32]


@dataclass(frozen=True)
class DuplicateParams:
    shingle_size: int = 5
    num_perm: int = 64
    lsh_threshold: float = 0.55
    min_jaccard: float = 0.7
    min_containment: float = 0.9
    containment_min_jaccard: float = 0.5
    # containment only counts for texts of some length: short slogans are contained in many texts
    containment_min_shingles: int = 40


_SHINGLE_MULTIPLIERS = np.array([1_000_003**j % (1 << 61) for j in range(16)], dtype=np.uint64)


def shingles_of(normal: str, size: int) -> Shingles:
    """Sorted unique 32-bit ids of the character shingles of a normalised text.

    The id is a polynomial hash of the shingle's code points, computed for all shingles at once (deterministic
    across runs, unlike Python's salted ``hash``).
    """
    if not normal:
        return np.zeros(0, dtype=np.uint32)
    points = np.frombuffer(normal.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    width = min(size, points.size)
    windows = np.lib.stride_tricks.sliding_window_view(points, width)
    mixed = (windows * _SHINGLE_MULTIPLIERS[:width]).sum(axis=1, dtype=np.uint64)
    mixed ^= mixed >> np.uint64(29)
    mixed *= np.uint64(0xBF58476D1CE4E5B9)
    mixed ^= mixed >> np.uint64(32)
    return np.unique((mixed & np.uint64(0xFFFFFFFF)).astype(np.uint32))


def shingle_similarity(a: Shingles, b: Shingles) -> tuple[float, float]:
    """(Jaccard, containment of the smaller in the larger) of two shingle sets."""
    if a.size == 0 or b.size == 0:
        return (0.0, 0.0)
    common = np.intersect1d(a, b, assume_unique=True).size
    union = a.size + b.size - common
    return (common / union, common / min(a.size, b.size))


def _multiply_shift_family(num_perm: int, seed: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """Odd multipliers and offsets of a multiply-shift hash family (one function per permutation)."""
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    return a, b


def minhash_values(grams: Shingles, a: npt.NDArray[np.uint64], b: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint32]:
    """MinHash signature of a shingle set, all permutations at once: min over shingles of the top 32 bits of
    a*x + b (mod 2**64)."""
    mixed = grams.astype(np.uint64)[:, None] * a[None, :] + b[None, :]
    signature: npt.NDArray[np.uint32] = (mixed.min(axis=0) >> np.uint64(32)).astype(np.uint32)
    return signature


class DuplicateIndex:
    """Incremental index of proposals: exact-hash buckets plus a verified MinHash LSH."""

    def __init__(self, params: DuplicateParams | None = None) -> None:
        self.params = params or DuplicateParams()
        self._lsh = MinHashLSH(threshold=self.params.lsh_threshold, num_perm=self.params.num_perm)
        self._a, self._b = _multiply_shift_family(self.params.num_perm, seed=7)
        # datasketch draws permutations for every new MinHash unless given some; they are unused here (the
        # signature comes from minhash_values) but drawing them would cost more than the signature itself
        self._unused_permutations = MinHash(num_perm=self.params.num_perm, seed=7).permutations
        self._exact: dict[bytes, int] = {}
        self._shingles: list[Shingles] = []
        self._keys: list[str] = []
        self._position: dict[str, int] = {}
        self._parent: list[int] = []

    def __len__(self) -> int:
        return len(self._keys)

    def _find(self, i: int) -> int:
        root = i
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[i] != root:
            self._parent[i], i = root, self._parent[i]
        return root

    def _union(self, i: int, j: int) -> None:
        ri, rj = self._find(i), self._find(j)
        if ri != rj:
            # the earlier proposal stays the root, so a group is named by its first member
            lo, hi = min(ri, rj), max(ri, rj)
            self._parent[hi] = lo

    def _verified(self, a: Shingles, b: Shingles) -> bool:
        jaccard, containment = shingle_similarity(a, b)
        if jaccard >= self.params.min_jaccard:
            return True
        return (
            min(a.size, b.size) >= self.params.containment_min_shingles and containment >= self.params.min_containment
        )

    def _verify_many(self, grams: Shingles, candidates: list[int]) -> list[bool]:
        """The verification of ``_verified`` for many candidates in one vectorised pass."""
        if not candidates:
            return []
        others = [self._shingles[c] for c in candidates]
        sizes = np.array([o.size for o in others], dtype=np.int64)
        joined = np.concatenate(others)
        where = np.searchsorted(grams, joined)
        where[where == grams.size] = 0
        hits = (grams[where] == joined).astype(np.int64)
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
        common = np.add.reduceat(hits, starts) if joined.size else np.zeros(len(others), dtype=np.int64)
        union = grams.size + sizes - common
        jaccard = common / np.maximum(union, 1)
        containment = common / np.maximum(np.minimum(sizes, grams.size), 1)
        p = self.params
        ok = (jaccard >= p.min_jaccard) | (
            (np.minimum(sizes, grams.size) >= p.containment_min_shingles)
            & (containment >= p.min_containment)
            & (jaccard >= p.containment_min_jaccard)
        )
        return [bool(x) for x in ok]

    def add(self, key: str, text: str) -> str | None:
        """Index one proposal; return the key of the first member of the group it joined, or None."""
        if key in self._position:
            raise ValueError(f"proposal {key!r} is already indexed")
        normal = normalize_text(text)
        i = len(self._keys)
        self._keys.append(key)
        self._position[key] = i
        self._parent.append(i)
        digest = hashlib.blake2b(normal.encode("utf-8"), digest_size=16).digest()
        earlier = self._exact.get(digest)
        if earlier is not None:
            # the same text: it shares the earlier one's shingles and LSH entry
            self._shingles.append(self._shingles[earlier])
            self._union(earlier, i)
            return self._keys[self._find(i)]
        self._exact[digest] = i
        grams = shingles_of(normal, self.params.shingle_size)
        self._shingles.append(grams)
        if grams.size == 0:
            return None
        # datasketch's LSH indexes the signature; the signature itself is computed vectorised here
        sketch = MinHash(
            num_perm=self.params.num_perm,
            hashvalues=minhash_values(grams, self._a, self._b),
            permutations=self._unused_permutations,
            scheme="affine32",
        )
        joined = False
        # Two members of each existing group are checked at most: one verified member is enough to join it, and
        # a group that refused two comparisons will not be joined through a third.
        tries: dict[int, int] = {}
        chosen: list[int] = []
        for candidate in sorted(int(c) for c in self._lsh.query(sketch)):
            root = self._find(candidate)
            if tries.get(root, 0) < 2:
                tries[root] = tries.get(root, 0) + 1
                chosen.append(candidate)
        for candidate, ok in zip(chosen, self._verify_many(grams, chosen), strict=True):
            if ok:
                self._union(i, candidate)
                joined = True
        self._lsh.insert(str(i), sketch, check_duplication=False)
        return self._keys[self._find(i)] if joined else None

    def group_of(self, key: str) -> str:
        """Key of the first member of the proposal's group (itself when alone)."""
        return self._keys[self._find(self._position[key])]

    def groups(self) -> list[list[str]]:
        """Groups of two or more proposals, members in the order they were added, groups by first member."""
        by_root: dict[int, list[str]] = {}
        for i, key in enumerate(self._keys):
            by_root.setdefault(self._find(i), []).append(key)
        return [members for _, members in sorted(by_root.items()) if len(members) >= 2]


def duplicate_groups(items: Iterable[tuple[str, str]], params: DuplicateParams | None = None) -> list[list[str]]:
    """Groups of near-duplicate proposals among (id, text) pairs."""
    index = DuplicateIndex(params)
    for key, text in items:
        index.add(key, text)
    return index.groups()


def duplicate_pairs(groups: Sequence[Sequence[str]]) -> set[frozenset[str]]:
    """Every unordered pair of proposals that share a group (for precision/recall)."""
    pairs: set[frozenset[str]] = set()
    for members in groups:
        for a_index, a in enumerate(members):
            for b in members[a_index + 1 :]:
                pairs.add(frozenset((a, b)))
    return pairs


def pair_agreement(found: Sequence[Sequence[str]], truth: Sequence[Sequence[str]]) -> tuple[float, float]:
    """(precision, recall) over pairs of proposals put together, counted without listing the pairs (a campaign of
    5,000 copies has 12.5 million of them)."""
    truth_of = {key: n for n, members in enumerate(truth) for key in members}
    found_pairs = sum(len(g) * (len(g) - 1) // 2 for g in found)
    truth_pairs = sum(len(t) * (len(t) - 1) // 2 for t in truth)
    common = 0
    for members in found:
        sizes: dict[int, int] = {}
        for key in members:
            if key in truth_of:
                sizes[truth_of[key]] = sizes.get(truth_of[key], 0) + 1
        common += sum(n * (n - 1) // 2 for n in sizes.values())
    precision = common / found_pairs if found_pairs else 1.0
    recall = common / truth_pairs if truth_pairs else 1.0
    return (precision, recall)
