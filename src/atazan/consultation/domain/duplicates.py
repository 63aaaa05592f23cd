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
from datasketch import LeanMinHash, MinHashLSH

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
    # LSH candidates whose MinHash signatures agree on fewer than this share of permutations are not verified: the
    # agreement estimates the Jaccard similarity (standard deviation at most 0.0625 with 64 permutations), and a
    # pair that can be grouped has a Jaccard of at least 0.5 (containment_min_jaccard), 3.2 deviations above this.
    prefilter_jaccard: float = 0.3
    # Of the groups among the candidates left, the ones most like the new proposal (by signature agreement) are
    # verified, at most this many (two members each).
    max_groups: int = 6


_SHINGLE_MULTIPLIERS = np.array([1_000_003**j % (1 << 61) for j in range(16)], dtype=np.uint64)


def _mix(mixed: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint32]:
    mixed ^= mixed >> np.uint64(29)
    mixed *= np.uint64(0xBF58476D1CE4E5B9)
    mixed ^= mixed >> np.uint64(32)
    return (mixed & np.uint64(0xFFFFFFFF)).astype(np.uint32)


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
    return np.unique(_mix(mixed))


def shingles_of_many(normals: Sequence[str], size: int) -> list[Shingles]:
    """``shingles_of`` for many texts at once, equal to it text by text: the shingles of every text are hashed in
    one pass over the concatenated code points, and deduplicated by one sort of (text, shingle) keys."""
    result: list[Shingles] = [np.zeros(0, dtype=np.uint32)] * len(normals)
    long = [i for i, t in enumerate(normals) if len(t) >= size]
    for i, t in enumerate(normals):
        if 0 < len(t) < size:
            result[i] = shingles_of(t, size)
    if not long:
        return result
    lengths = np.array([len(normals[i]) for i in long], dtype=np.int64)
    points = np.frombuffer("".join(normals[i] for i in long).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    count = points.size - size + 1
    mixed = np.zeros(count, dtype=np.uint64)
    for j in range(size):
        mixed += points[j : j + count] * _SHINGLE_MULTIPLIERS[j]
    hashes = _mix(mixed)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    windows = lengths - size + 1  # shingles that lie inside each text
    owner = np.repeat(np.arange(len(long), dtype=np.uint64), windows)
    window_starts = np.concatenate(([0], np.cumsum(windows)[:-1]))
    offsets = np.arange(int(windows.sum()), dtype=np.int64) + np.repeat(starts - window_starts, windows)
    keys = np.sort((owner << np.uint64(32)) | hashes[offsets].astype(np.uint64))
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    bounds = np.searchsorted(keys >> np.uint64(32), np.arange(len(long) + 1, dtype=np.uint64))
    values = (keys & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    for n, i in enumerate(long):
        result[i] = values[bounds[n] : bounds[n + 1]]
    return result


def shingle_similarity(a: Shingles, b: Shingles) -> tuple[float, float]:
    """(Jaccard, containment of the smaller in the larger) of two shingle sets."""
    if a.size == 0 or b.size == 0:
        return (0.0, 0.0)
    common = np.intersect1d(a, b, assume_unique=True).size
    union = a.size + b.size - common
    return (common / union, common / min(a.size, b.size))


def minhash_values_many(
    grams: Sequence[Shingles], a: npt.NDArray[np.uint64], b: npt.NDArray[np.uint64], *, block: int = 4096
) -> npt.NDArray[np.uint32]:
    """``minhash_values`` of many non-empty shingle sets (one row each), in blocks of about ``block`` shingles (a
    block's products, block x permutations x 8 bytes, stay within the processor's cache)."""
    out = np.zeros((len(grams), a.size), dtype=np.uint32)
    start = 0
    while start < len(grams):
        stop, total = start, 0
        while stop < len(grams) and (total == 0 or total + grams[stop].size <= block):
            total += grams[stop].size
            stop += 1
        joined = np.concatenate(grams[start:stop]).astype(np.uint64)
        sizes = np.array([g.size for g in grams[start:stop]], dtype=np.int64)
        segments = np.concatenate(([0], np.cumsum(sizes)[:-1]))
        mixed = joined[:, None] * a[None, :] + b[None, :]
        out[start:stop] = (np.minimum.reduceat(mixed, segments, axis=0) >> np.uint64(32)).astype(np.uint32)
        start = stop
    return out


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
        self._exact: dict[bytes, int] = {}
        self._signatures = np.zeros((1024, self.params.num_perm), dtype=np.uint32)
        self._shingles: list[Shingles] = []
        self._keys: list[str] = []
        self._position: dict[str, int] = {}
        self._parent: list[int] = []
        # a copy of _parent as an array, for finding the groups of many candidates at once (kept in step by _union)
        self._parent_array = np.zeros(1024, dtype=np.int64)

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
            self._parent_array[hi] = lo

    def _roots(self, items: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """The group (root) of each of ``items``, by pointer jumping over the parent array."""
        roots = self._parent_array[items]
        while True:
            up = self._parent_array[roots]
            if np.array_equal(up, roots):
                return roots
            roots = up

    def _verify_many(self, grams: Shingles, candidates: list[int]) -> list[bool]:
        """Whether each candidate is a verified near-duplicate of ``grams``, in one vectorised pass: Jaccard at least
        ``min_jaccard``, or (for texts of ``containment_min_shingles`` or more) the smaller contained in the larger
        to ``min_containment`` with a Jaccard of at least ``containment_min_jaccard``."""
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

    def _signature_store(self, i: int, signature: npt.NDArray[np.uint32]) -> None:
        if i >= self._signatures.shape[0]:
            grown = np.zeros((2 * self._signatures.shape[0], self.params.num_perm), dtype=np.uint32)
            grown[: self._signatures.shape[0]] = self._signatures
            self._signatures = grown
        self._signatures[i] = signature

    def _candidates(self, signature: npt.NDArray[np.uint32], found: Iterable[int]) -> list[int]:
        """LSH candidates worth verifying.

        Candidates whose signatures agree with this one on fewer than ``prefilter_jaccard`` of the permutations
        are dropped (one vectorised comparison for all of them). Of each existing group, the two earliest
        candidates are verified (one verified member is enough to join a group, and a group that refused two
        comparisons will not be joined through a third); of the groups, the ``max_groups`` with the most agreeing
        candidate (a copy of a campaign agrees with its group on ~0.9 of the permutations; texts that merely share
        a template sentence, Jaccard 0.4-0.65, are the long tail that is never grouped).
        """
        candidates = np.fromiter(found, dtype=np.int64)
        if candidates.size == 0:
            return []
        agreement = (self._signatures[candidates] == signature).sum(axis=1)
        keep = agreement >= self.params.prefilter_jaccard * self.params.num_perm
        candidates, agreement = candidates[keep], agreement[keep]
        if candidates.size == 0:
            return []
        roots = self._roots(candidates)
        order = np.lexsort((candidates, roots))  # by group, then earliest first
        candidates, agreement, roots = candidates[order], agreement[order], roots[order]
        starts = np.flatnonzero(np.concatenate(([True], roots[1:] != roots[:-1])))
        rank = np.arange(roots.size) - np.repeat(starts, np.diff(np.append(starts, roots.size)))
        best = np.maximum.reduceat(agreement, starts)
        group_roots = roots[starts]
        chosen_roots = group_roots[np.lexsort((group_roots, -best))[: self.params.max_groups]]
        chosen = candidates[(rank < 2) & np.isin(roots, chosen_roots)]
        return sorted(chosen.tolist())

    def _register(self, key: str) -> int:
        if key in self._position:
            raise ValueError(f"proposal {key!r} is already indexed")
        i = len(self._keys)
        self._keys.append(key)
        self._position[key] = i
        self._parent.append(i)
        if i >= self._parent_array.size:
            grown = np.zeros(2 * self._parent_array.size, dtype=np.int64)
            grown[: self._parent_array.size] = self._parent_array
            self._parent_array = grown
        self._parent_array[i] = i
        return i

    def _index(self, i: int, grams: Shingles, signature: npt.NDArray[np.uint32] | None) -> str | None:
        """Put proposal ``i`` (not an exact copy) with its shingles and signature into the LSH, joining every
        group a verified candidate belongs to."""
        self._shingles.append(grams)
        if grams.size == 0 or signature is None:
            self._signature_store(i, np.zeros(self.params.num_perm, dtype=np.uint32))
            return None
        self._signature_store(i, signature)
        # datasketch's LSH indexes the signature (a LeanMinHash: no permutations drawn); the signature itself is
        # computed vectorised here
        sketch = LeanMinHash(seed=7, hashvalues=signature, scheme="affine32")
        joined = False
        chosen = self._candidates(signature, self._lsh.query(sketch))
        for candidate, ok in zip(chosen, self._verify_many(grams, chosen), strict=True):
            if ok:
                self._union(i, candidate)
                joined = True
        self._lsh.insert(i, sketch, check_duplication=False)
        return self._keys[self._find(i)] if joined else None

    def _exact_copy(self, i: int, normal: str) -> str | None | bool:
        """When ``normal`` is a text seen before, join its group and return the group's key; else False."""
        digest = hashlib.blake2b(normal.encode("utf-8"), digest_size=16).digest()
        earlier = self._exact.get(digest)
        if earlier is None:
            self._exact[digest] = i
            return False
        # the same text: it shares the earlier one's shingles and LSH entry
        self._shingles.append(self._shingles[earlier])
        self._signature_store(i, self._signatures[earlier])
        self._union(earlier, i)
        return self._keys[self._find(i)]

    def add(self, key: str, text: str) -> str | None:
        """Index one proposal; return the key of the first member of the group it joined, or None."""
        i = self._register(key)
        normal = normalize_text(text)
        copy = self._exact_copy(i, normal)
        if copy is not False:
            return copy  # type: ignore[return-value]
        grams = shingles_of(normal, self.params.shingle_size)
        signature = minhash_values(grams, self._a, self._b) if grams.size else None
        return self._index(i, grams, signature)

    def add_many(self, items: Iterable[tuple[str, str]], *, batch: int = 5000) -> None:
        """Index many proposals, in order: the same groups as calling ``add`` for each, with the shingles and
        signatures of each batch computed in bulk (``shingles_of_many``, ``minhash_values_many``)."""
        pending: list[tuple[str, str]] = []
        for item in items:
            pending.append(item)
            if len(pending) == batch:
                self._add_batch(pending)
                pending = []
        if pending:
            self._add_batch(pending)

    def _add_batch(self, items: list[tuple[str, str]]) -> None:
        normals = [normalize_text(text) for _, text in items]
        seen: set[str] = set()
        fresh = []  # first occurrence in this batch of a text not indexed before
        for n, normal in enumerate(normals):
            digest = hashlib.blake2b(normal.encode("utf-8"), digest_size=16).digest()
            if digest not in self._exact and normal not in seen:
                seen.add(normal)
                fresh.append(n)
        grams_of = dict(zip(fresh, shingles_of_many([normals[n] for n in fresh], self.params.shingle_size),
                            strict=True))  # fmt: skip
        with_grams = [n for n in fresh if grams_of[n].size]
        signatures = minhash_values_many([grams_of[n] for n in with_grams], self._a, self._b)
        signature_of = {n: signatures[row] for row, n in enumerate(with_grams)}
        for n, (key, _) in enumerate(items):
            i = self._register(key)
            if self._exact_copy(i, normals[n]) is not False:
                continue
            self._index(i, grams_of[n], signature_of.get(n))

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
    index.add_many(items)
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
