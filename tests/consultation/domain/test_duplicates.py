from atazan.consultation.domain.duplicates import DuplicateIndex, duplicate_groups, duplicate_pairs
from tests.consultation.labelled import LABELLED


def _truth(position: int) -> set[frozenset[str]]:
    groups: dict[str, list[str]] = {}
    for row in LABELLED:
        if row[position]:
            groups.setdefault(row[position], []).append(row[0])
    return duplicate_pairs(list(groups.values()))


def test_hand_labelled_duplicates_precision_and_recall_at_least_095():
    found = duplicate_pairs(duplicate_groups([(row[0], row[1]) for row in LABELLED]))
    truth = _truth(2)
    precision = len(found & truth) / max(1, len(found))
    recall = len(found & truth) / len(truth)
    print(f"\nduplicate pairs: {len(truth)} labelled, {len(found)} found, P {precision:.3f} R {recall:.3f}")
    assert precision >= 0.95
    assert recall >= 0.95


def test_members_are_kept_and_counted_and_the_first_names_the_group():
    groups = duplicate_groups([(row[0], row[1]) for row in LABELLED])
    campaign = next(g for g in groups if "A1" in g)
    assert campaign == ["A1", "A2", "A3", "A4", "A5"]
    assert all(len(g) >= 2 for g in groups)


def test_same_topic_different_proposals_are_not_grouped():
    groups = duplicate_groups(
        [
            ("X1", "Сенат надо сохранить, потому что он представляет регионы."),
            ("X2", "Сенат надо упразднить, потому что он дублирует Мажилис и стоит слишком дорого."),
        ]
    )
    assert groups == []


def test_incremental_add_joins_an_existing_group():
    index = DuplicateIndex()
    for row in LABELLED:
        index.add(row[0], row[1])
    before = len(index.groups())
    joined = index.add(
        "NEW",
        "Здравствуйте!!! Прошу закрепить в статье 11 Конституции, что земля и ее недра "
        "принадлежат народу и не могут продаваться иностранцам ни при каких условиях. Сапаров",
    )
    assert joined == "B1"
    assert len(index.groups()) == before
    assert index.group_of("NEW") == "B1"


def test_pair_agreement_counts_like_listing_the_pairs():
    from atazan.consultation.domain.duplicates import pair_agreement

    found = [["a", "b", "c"], ["d", "e"]]
    truth = [["a", "b"], ["c", "d", "e"]]
    listed_found, listed_truth = duplicate_pairs(found), duplicate_pairs(truth)
    common = len(listed_found & listed_truth)
    assert pair_agreement(found, truth) == (common / len(listed_found), common / len(listed_truth))


def test_bulk_shingles_and_signatures_equal_the_one_by_one_ones():
    import numpy as np

    from atazan.consultation.domain.duplicates import (
        _multiply_shift_family,
        minhash_values,
        minhash_values_many,
        shingles_of,
        shingles_of_many,
    )
    from atazan.consultation.domain.normalize import normalize_text

    normals = [normalize_text(row[1]) for row in LABELLED] + ["", "абв", "abcde", "жер жер жер жер"]
    many = shingles_of_many(normals, 5)
    for normal, grams in zip(normals, many, strict=True):
        assert np.array_equal(grams, shingles_of(normal, 5)), normal
    a, b = _multiply_shift_family(64, seed=7)
    non_empty = [g for g in many if g.size]
    signatures = minhash_values_many(non_empty, a, b, block=300)  # small blocks: several per call
    for grams, row in zip(non_empty, signatures, strict=True):
        assert np.array_equal(row, minhash_values(grams, a, b))


def test_bulk_indexing_groups_exactly_like_adding_one_by_one():
    from atazan.consultation.domain.synthetic import synthetic_proposals

    items = [(row[0], row[1]) for row in LABELLED] + [(p.key, p.text) for p in synthetic_proposals(1500)]
    one_by_one = DuplicateIndex()
    for key, text in items:
        one_by_one.add(key, text)
    bulk = DuplicateIndex()
    bulk.add_many(items, batch=400)
    assert bulk.groups() == one_by_one.groups() and len(bulk.groups()) > 10
