"""A proposal's page leads to what the Constitutional Commission did with it."""

import pytest
from django.test import Client
from django.utils import timezone

from atazan.consultation.models import Proposal

pytestmark = pytest.mark.django_db


def test_proposal_page_links_to_the_commission_record() -> None:
    Proposal.objects.create(
        registration_number="ZT-77", applicant_surname="Test", applicant_name="Synthetic", region="astana",
        language="ru", text="Предложение по статье 53", normal_text="предложение по статье 53",
        submitted_at=timezone.now(), synthetic=True,
    )  # fmt: skip
    html = Client(HTTP_ACCEPT_LANGUAGE="en").get("/consultation/p/ZT-77/").content.decode()
    assert 'href="/commission/proposals/ZT-77/"' in html
    assert Client().get("/commission/proposals/ZT-77/").status_code in (200, 404)
