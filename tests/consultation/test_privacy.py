"""The applicant's IIN is kept only as a keyed hash and a masked form: never in clear in the database, exports,
API, pages, audit entries or rows kept for review (docs/security.md, "Verification and personal data")."""

import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from atazan.accounts.services import citizen_verify, iin_hash
from atazan.audit.models import AuditEntry
from atazan.consultation import services
from atazan.consultation.domain.errors import ConsultationError
from atazan.consultation.models import ImportRejection, Proposal
from tests.consultation.helpers import citizen, secretary, submit, valid_iin

pytestmark = pytest.mark.django_db

TEXT = "Земля и её недра принадлежат народу (статья 11)."


def _every_stored_value(table: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - a fixed table name
        return " ".join(str(v) for row in cursor.fetchall() for v in row)


def test_only_the_keyed_hash_and_a_mask_are_stored():
    iin = valid_iin(7)
    p = submit(TEXT, serial=7)
    p.refresh_from_db()
    assert p.applicant_iin_hash == iin_hash(iin) and len(p.applicant_iin_hash) == 64
    assert p.applicant_iin_masked == "**********" + iin[-2:] and p.applicant_iin == p.applicant_iin_masked
    stored = _every_stored_value(Proposal._meta.db_table)
    assert iin not in stored and iin[:8] not in stored
    dump = io.StringIO()
    call_command("dumpdata", "consultation", "audit", stdout=dump)
    assert iin not in dump.getvalue()
    assert iin not in " ".join(json.dumps(e.payload) + e.target for e in AuditEntry.objects.all())


def test_rows_kept_for_review_and_error_messages_show_the_iin_masked():
    bad = valid_iin(8)[:11] + str((int(valid_iin(8)[11]) + 1) % 10)  # a wrong check digit
    rows = [{"registration_number": "ЗТ-2025-000100", "surname": "Ким", "name": "Ольга", "iin": bad,
             "region": "Almaty", "language": "ru", "text": TEXT},
            {"registration_number": "ЗТ-2025-000101", "surname": "", "name": "", "iin": valid_iin(9),
             "region": "Almaty", "language": "ru", "text": TEXT}]  # fmt: skip
    summary = services.proposals_import(rows, source="export.csv", actor="console:test")
    assert summary.rejected == 2
    kept = list(ImportRejection.objects.order_by("row"))
    assert "check digit" in kept[0].rule and bad[-2:] in kept[0].rule
    for rejection in kept:
        assert rejection.raw["iin"].startswith("**********")
    stored = _every_stored_value(ImportRejection._meta.db_table)
    assert bad not in stored and valid_iin(9) not in stored
    with pytest.raises(ConsultationError) as refused:
        services.proposal_submit(
            author=None, applicant=services.Applicant(surname="Ким", name="Ольга", iin=bad),
            region="Almaty", language="ru", text=TEXT,
        )  # fmt: skip
    assert bad not in str(refused.value) and "**********" in str(refused.value)


def test_pages_and_api_never_show_the_iin_and_the_working_group_sees_the_mask(client, english):
    iin = valid_iin(3)
    p = submit(TEXT, serial=3)
    submit("Второе обращение того же заявителя о земле и недрах, статья 11.", serial=3)
    public = client.get(p.get_absolute_url()).content.decode()
    assert iin not in public and "**********" not in public and 'id="applicant"' not in public
    api = client.get(f"/api/consultation/proposals/{p.registration_number}").content.decode()
    assert iin not in api and "applicant" not in api
    client.force_login(secretary())
    page = client.get(p.get_absolute_url()).content.decode()
    assert iin not in page
    assert f"**********{iin[-2:]}" in page and "2 appeals from this IIN" in page


def test_submit_form_does_not_echo_the_iin_back(client, english):
    client.force_login(citizen())
    iin = valid_iin(4)
    response = client.post(reverse("consultation:submit"), {
        "kind": "proposal", "surname": "Серiков", "name": "Айдос", "iin": iin, "region": "Mars", "language": "ru",
        "text": TEXT,
    })  # fmt: skip
    assert response.status_code == 422 and b"region" in response.content
    assert iin.encode() not in response.content


def test_a_verified_citizen_submits_in_their_own_name_only():
    user = citizen()
    citizen_verify(user=user, iin=valid_iin(5))
    with pytest.raises(ConsultationError, match="own name"):
        submit(TEXT, author=user, serial=6)
    assert Proposal.objects.count() == 0
    own = submit(TEXT, author=user, serial=5)
    assert own.author == user
