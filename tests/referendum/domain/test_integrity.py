import pytest

from atazan.referendum.domain.adoption import QuestionKind
from atazan.referendum.domain.integrity import (
    BundleMeta,
    ProblemKind,
    bundle_build,
    bundle_verify,
    derive_signing_key,
    protocol_sign,
    protocol_signature_valid,
    sign_all,
)
from atazan.referendum.domain.protocol import Protocol

from .helpers import one_per_unit

SECRET = b"test-secret"
META = BundleMeta("Test referendum", "2026-03-15", "Do you accept?", QuestionKind.CONSTITUTION, synthetic=True)


@pytest.fixture(scope="module")
def bundle() -> bytes:
    return bundle_build(sign_all(one_per_unit(14), SECRET), META, derive_signing_key(SECRET, "cec"))


def kinds(data: bytes) -> set[ProblemKind]:
    return {p.kind for p in bundle_verify(data).problems}


def test_untouched_bundle_verifies_and_recomputes_the_outcome(bundle: bytes) -> None:
    report = bundle_verify(bundle)
    assert report.ok and report.records == 20
    assert report.result is not None and report.result.outcome.adopted
    assert report.result.totals.took_part == 20 * 600


def test_flipping_any_single_byte_is_detected() -> None:
    # Every byte position of a one-record bundle, one bit flipped: nothing slips through.
    bundle = bundle_build(sign_all(one_per_unit(14)[:1], SECRET), META, derive_signing_key(SECRET, "cec"))
    for position in range(0, len(bundle)):
        tampered = bytearray(bundle)
        tampered[position] ^= 0x01
        assert not bundle_verify(bytes(tampered)).ok, f"byte {position} changed without detection"


def test_changed_missing_and_reordered_records_are_named(bundle: bytes) -> None:
    lines = bundle.split(b"\n")
    changed = bundle.replace(b'"yes":400', b'"yes":401', 1)
    report = bundle_verify(changed)
    assert any(p.kind is ProblemKind.CHANGED and p.seq == 1 for p in report.problems)
    missing = b"\n".join(lines[:3] + lines[4:])
    assert any(p.kind is ProblemKind.MISSING and p.seq == 3 for p in bundle_verify(missing).problems)
    swapped = b"\n".join([lines[0], lines[1], lines[3], lines[2]] + lines[4:])
    assert ProblemKind.REORDERED in kinds(swapped)


def test_a_resigned_footer_with_other_totals_fails_against_the_records(bundle: bytes) -> None:
    # Someone with their own key re-signs a footer claiming different totals: the recount exposes it, and a
    # pinned authority key exposes the substitution.
    import json

    lines = bundle.rstrip(b"\n").split(b"\n")
    footer = json.loads(lines[-1])
    footer["result"]["totals"]["yes"] += 1000
    forger = derive_signing_key(b"forger", "cec")
    footer["authority_key"] = bytes(forger.verify_key).hex()
    footer.pop("signature")
    from atazan.referendum.domain.integrity import canonical

    footer["signature"] = bytes(forger.sign(canonical(footer)).signature).hex()
    forged = b"\n".join(lines[:-1] + [canonical(footer)]) + b"\n"
    assert ProblemKind.TOTALS in kinds(forged)
    pinned = bytes(derive_signing_key(SECRET, "cec").verify_key)
    assert any(p.kind is ProblemKind.AUTHORITY for p in bundle_verify(forged, authority_key=pinned).problems)


def test_signature_covers_every_figure() -> None:
    key = derive_signing_key(SECRET, "astana/1")
    p = Protocol("1", "astana", "", 1000, 600, 500, 80, 10, 10)
    sig = protocol_sign(p, 1, key)
    assert protocol_signature_valid(p, 1, sig, bytes(key.verify_key))
    assert not protocol_signature_valid(p, 2, sig, bytes(key.verify_key))
    other = Protocol("1", "astana", "", 1000, 600, 501, 79, 10, 10)
    assert not protocol_signature_valid(other, 1, sig, bytes(key.verify_key))
