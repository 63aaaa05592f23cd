import pytest

from atazan.audit.models import AuditEntry
from atazan.referendum import selectors, services
from atazan.referendum.domain.protocol import ProtocolError, ProtocolRule
from atazan.referendum.domain.protocol_io import read_csv
from atazan.referendum.models import ProtocolReview, ProtocolVersion

from . import factories

pytestmark = pytest.mark.django_db

CSV = (
    "precinct,unit,district,registered,took_part,yes,no,invalid,not_counted\n"
    "a-1,Astana,D1,1000,600,500,80,10,10\n"
    "a-2,Астана,D1,1000,700,400,280,10,10\n"
    "k-1,Қарағанды облысы,D9,800,500,200,290,5,5\n"
    "bad-1,Astana,D1,1000,600,500,80,10,11\n"
    "bad-2,Atlantis,,1000,600,500,80,10,10\n"
)


def test_import_accepts_good_protocols_and_queues_bad_ones_for_review() -> None:
    q = factories.question()
    factories.register_csv(CSV)
    report = services.protocols_import(question=q, parsed=read_csv(CSV), source="upload.csv", actor="clerk")
    assert report.accepted == 3
    assert {(r.precinct, r.rule) for r in report.rejected} == {
        ("bad-1", ProtocolRule.BALANCE),
        ("bad-2", ProtocolRule.UNKNOWN_UNIT),
    }
    result = selectors.result_for(q)
    assert result.totals.took_part == 1800 and result.totals.yes == 1100
    assert result.units["karaganda"].took_part == 500 and not result.units["karaganda"].yes_majority
    reviews = {r.precinct_number: r for r in selectors.reviews_open(q)}
    assert set(reviews) == {"bad-1", "bad-2"}
    assert reviews["bad-1"].source == "upload.csv:5"
    entry = AuditEntry.objects.filter(action="referendum.protocols.import").get()
    assert entry.payload["accepted"] == 3 and entry.payload["rejected"] == 2


def test_reimporting_the_same_file_changes_nothing() -> None:
    q = factories.question()
    factories.register_csv(CSV)
    services.protocols_import(question=q, parsed=read_csv(CSV), source="upload.csv", actor="clerk")
    versions = ProtocolVersion.objects.count()
    reviews = ProtocolReview.objects.count()
    again = services.protocols_import(
        question=q,
        parsed=read_csv(CSV.splitlines()[0] + "\n" + "\n".join(CSV.splitlines()[1:4]) + "\n"),
        source="upload.csv",
        actor="clerk",
    )
    assert again.accepted == 0 and again.unchanged == 3
    assert ProtocolVersion.objects.count() == versions and ProtocolReview.objects.count() == reviews


def test_a_different_protocol_for_an_accepted_precinct_is_a_conflict_not_an_overwrite() -> None:
    q = factories.question()
    factories.register_csv(CSV)
    services.protocols_import(question=q, parsed=read_csv(CSV), source="upload.csv", actor="clerk")
    changed = "precinct,unit,registered,took_part,yes,no,invalid,not_counted\na-1,Astana,1000,600,550,30,10,10\n"
    report = services.protocols_import(question=q, parsed=read_csv(changed), source="second.csv", actor="clerk")
    assert report.conflicts == 1 and report.accepted == 0
    assert selectors.result_for(q).totals.yes == 1100  # the accepted protocol stands
    assert ProtocolReview.objects.filter(precinct_number="a-1", rule="conflicting_duplicate").exists()


def test_correction_is_a_new_version_with_reason_author_and_time() -> None:
    q = factories.question()
    original = factories.protocol("a-1")
    factories.load(q, [original])
    recount = factories.protocol("a-1", yes=510, no=70)
    new = services.protocol_correct(question=q, protocol=recount, reason="recount, TEC decision 7", author="tec")
    versions = selectors.precinct_versions(q, selectors.precinct_get("a-1"))
    assert [(v.version, v.is_current) for v in versions] == [(2, True), (1, False)]
    assert new.reason == "recount, TEC decision 7" and new.author == "tec" and new.created_at is not None
    assert selectors.result_for(q).totals.yes == 510
    entry = AuditEntry.objects.get(action="referendum.protocol.correct")
    assert entry.payload["before"]["yes"] == 500 and entry.payload["after"]["yes"] == 510


def test_correction_breaking_a_control_relation_is_refused_and_kept_for_review() -> None:
    q = factories.question()
    factories.load(q, [factories.protocol("a-1")])
    broken = factories.protocol("a-1")
    broken = type(broken)(**{**broken.as_dict(), "yes": broken.yes + 1})
    with pytest.raises(ProtocolError) as err:
        services.protocol_correct(question=q, protocol=broken, reason="typo", author="tec")
    assert err.value.rejection.rule is ProtocolRule.BALANCE
    assert ProtocolReview.objects.filter(precinct_number="a-1", rule="balance").exists()
    with pytest.raises(ValueError, match="reason"):
        services.protocol_correct(question=q, protocol=factories.protocol("a-1", yes=1), reason=" ", author="tec")


def test_signatures_are_checked_against_the_commission_key() -> None:
    q = factories.question()
    good = factories.protocol("a-1")
    report = factories.load(q, [good])
    assert report.accepted == 1
    forged = factories.protocol("a-2")
    factories.register([forged])
    sigs = factories.signatures_for([forged])
    other_key = factories.signatures_for([good])["a-1"][1]
    bad = services.protocols_import(
        question=q,
        parsed=read_csv(
            "precinct,unit,registered,took_part,yes,no,invalid,not_counted\na-2,Astana,1000,600,500,80,10,10\n"
        ),
        source="x.csv",
        actor="clerk",
        signatures={"a-2": (sigs["a-2"][0], other_key)},
    )
    assert bad.accepted == 0 and [r.rule for r in bad.rejected] == [ProtocolRule.BAD_SIGNATURE]
    assert selectors.signature_counts(q) == {"valid": 1}


def test_single_protocol_acceptance_is_audited() -> None:
    q = factories.question()
    factories.register([factories.protocol("a-9")])
    services.protocol_accept(question=q, protocol=factories.protocol("a-9"), actor="tec-astana")
    entry = AuditEntry.objects.get(action="referendum.protocol.accept")
    assert entry.actor == "tec-astana" and entry.target == "referendum/test-referendum"
