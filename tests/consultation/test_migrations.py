"""The data migration that hashes the IINs stored in clear before 0005 (and masks them in rows kept for review)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from atazan.accounts.services import iin_hash
from tests.consultation.helpers import valid_iin

BEFORE = [("consultation", "0004_applicant_iin_hash_and_mask")]
AFTER = [("consultation", "0006_drop_clear_applicant_iin")]


@pytest.fixture
def _back_to_the_latest_schema():
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_back_to_the_latest_schema")
def test_existing_clear_iins_are_hashed_masked_and_dropped():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Proposal = old.get_model("consultation", "Proposal")
    ImportRejection = old.get_model("consultation", "ImportRejection")
    iins = [valid_iin(n) for n in (1, 2)]
    for n, iin in enumerate(iins):
        Proposal.objects.create(
            registration_number=f"OLD-{n}", applicant_surname="Ким", applicant_name="Ольга", applicant_iin=iin,
            region="Astana", language="ru", text="Текст", normal_text="текст", submitted_at="2025-11-01T00:00:00Z",
        )  # fmt: skip
    ImportRejection.objects.create(source="old.csv", row=2, rule=f"IIN {iins[0]}: the check digit does not match",
                                   raw={"iin": iins[0], "text": "x"})  # fmt: skip

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    # the models as they were at 0006 (later migrations add columns the current models read)
    after = executor.loader.project_state(AFTER).apps
    Rejection = after.get_model("consultation", "ImportRejection")
    Current = after.get_model("consultation", "Proposal")

    rows = list(Current.objects.order_by("registration_number"))
    assert [r.applicant_iin_hash for r in rows] == [iin_hash(i) for i in iins]
    assert [r.applicant_iin_masked for r in rows] == ["**********" + i[-2:] for i in iins]
    columns = [c.name for c in connection.introspection.get_table_description(connection.cursor(),
                                                                             Current._meta.db_table)]  # fmt: skip
    assert "applicant_iin" not in columns
    kept = Rejection.objects.get()
    assert iins[0] not in kept.rule and iins[0] not in str(kept.raw) and kept.raw["iin"].endswith(iins[0][-2:])


@pytest.mark.django_db
def test_postgresql_has_a_trigram_index_for_the_similar_proposals_search():
    if connection.vendor != "postgresql":
        pytest.skip("an index of PostgreSQL's pg_trgm; SQLite scans")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'consultation_proposal' AND indexname = %s",
            ["consultation_proposal_normal_trgm"],
        )
        (definition,) = cursor.fetchone()
    assert "gin_trgm_ops" in definition
