import pytest

from atazan.consultation.domain.articles import ArticleSuggester, ArticleText, article_mentions
from tests.consultation.labelled import LABELLED


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Предлагаю изменить статью 53 и ст. 54", ["53", "54"]),
        ("Прошу изменить ст.53", ["53"]),
        ("статьи 12, 13 и 14", ["12", "13", "14"]),
        ("53-бапқа өзгеріс енгізу", ["53"]),
        ("17 және 18-баптар", ["17", "18"]),
        ("Art. 53 and Article 61", ["53", "61"]),
        ("Articles 12, 13 and 14", ["12", "13", "14"]),
        ("53-я статья", ["53"]),
        ("Курултай из 150 депутатов в 2026 году", []),
        ("статья 200", []),
    ],
)
def test_explicit_mentions_in_three_languages(text, numbers):
    assert [m.number for m in article_mentions(text)] == numbers


def test_inserted_article_of_1995_and_paragraph_not_taken_for_an_article():
    mentions = article_mentions("пункт 2 статьи 83-1 Конституции 1995 года")
    assert [(m.number, m.constitution) for m in mentions] == [("83-1", "1995")]


def test_article_linking_accuracy_on_the_labelled_set():
    exact = sum(1 for row in LABELLED if [m.number for m in article_mentions(row[1])] == row[5])
    accuracy = exact / len(LABELLED)
    print(f"\narticle linking: {exact}/{len(LABELLED)} proposals exactly right ({accuracy:.3f})")
    assert accuracy >= 0.95


def test_suggestions_rank_the_article_about_the_subject_first():
    articles = [
        ArticleText("17", "2026", "Смертная казнь запрещается. Никто не может быть подвергнут пыткам."),
        ArticleText("53", "2026", "Курултай состоит из ста сорока пяти депутатов, избираемых по партийным спискам."),
        ArticleText("33", "2026", "Образование в государственных учебных заведениях носит светский характер."),
    ]
    suggester = ArticleSuggester(articles)
    best = suggester.suggest("Пусть Курултай состоит из ста депутатов, избираемых по спискам")[0]
    assert best.number == "53" and 0 < best.score <= 1
