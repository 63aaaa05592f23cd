from __future__ import annotations

import datetime as dt
import logging

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from atazan.accounts.demo import synthetic_iin
from atazan.accounts.models import Profile
from atazan.accounts.services import VerificationRefused, citizen_verify, iin_hash, user_by_iin, user_roles
from atazan.audit.models import AuditEntry

IIN = synthetic_iin(dt.date(1985, 7, 4))
BIRTH = dt.date(1985, 7, 4)


@pytest.mark.django_db
def test_verification_stores_only_a_keyed_hash_and_grants_the_citizen_role(user_with, settings) -> None:  # type: ignore[no-untyped-def]
    user = user_with(username="aliya")
    profile = citizen_verify(user=user, iin=IIN, birth_date=BIRTH)
    assert profile.iin_hash == iin_hash(IIN) and IIN not in profile.iin_hash
    assert profile.birth_date == BIRTH
    assert [r.value for r in user_roles(user)] == ["citizen"]
    assert user_by_iin(IIN) == user
    # keyed: another key gives another digest, so a leaked table cannot be matched against a list of IINs
    digest = iin_hash(IIN)
    settings.IIN_HASH_KEY = "another-key-another-key-another-key"
    assert iin_hash(IIN) != digest
    entry = AuditEntry.objects.get(action="accounts.citizen.verify")
    assert IIN not in str(entry.payload) and IIN not in entry.target


@pytest.mark.django_db
def test_one_account_per_iin(user_with) -> None:  # type: ignore[no-untyped-def]
    citizen_verify(user=user_with(username="first"), iin=IIN, birth_date=BIRTH)
    with pytest.raises(VerificationRefused, match="one account per IIN") as refused:
        citizen_verify(user=user_with(username="second"), iin=IIN, birth_date=BIRTH)
    assert IIN not in str(refused.value)
    assert Profile.objects.filter(iin_hash__isnull=False).count() == 1
    assert not User.objects.get(username="second").groups.exists()


@pytest.mark.django_db
def test_a_verified_account_keeps_its_iin(user_with) -> None:  # type: ignore[no-untyped-def]
    user = user_with(username="first")
    citizen_verify(user=user, iin=IIN, birth_date=BIRTH)
    assert citizen_verify(user=user, iin=IIN).iin_hash == iin_hash(IIN)  # again: nothing changes
    other = synthetic_iin(dt.date(1991, 1, 2))
    with pytest.raises(VerificationRefused, match="already verified with another IIN"):
        citizen_verify(user=user, iin=other)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("iin", "birth", "rule"),
    [
        (IIN[:11] + str((int(IIN[11]) + 1) % 10), BIRTH, "check digit"),
        (IIN, dt.date(1985, 7, 5), "birth date"),
        ("12345678901", None, "12 digits"),
        (synthetic_iin(dt.date(2030, 1, 1)), None, "future"),
    ],
)
def test_bad_iins_are_refused_with_the_rule(iin: str, birth: dt.date | None, rule: str, user_with) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(VerificationRefused, match=rule) as refused:
        citizen_verify(user=user_with(username="x"), iin=iin, birth_date=birth)
    assert iin not in str(refused.value)
    assert not Profile.objects.filter(iin_hash__isnull=False).exists()


@pytest.mark.django_db
def test_the_iin_never_reaches_logs_or_the_database_dump(user_with, caplog, tmp_path) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    user = user_with(username="logged")
    citizen_verify(user=user, iin=IIN, birth_date=BIRTH)
    with pytest.raises(VerificationRefused):
        citizen_verify(user=user_with(username="other"), iin=IIN, birth_date=BIRTH)
    assert IIN not in caplog.text
    dump = tmp_path / "dump.json"
    call_command("dumpdata", "accounts", "auth", "audit", output=str(dump), verbosity=0)
    assert IIN not in dump.read_text()


def _field_errors(page: str, field: str) -> str:
    """The errors the verify page shows in the paragraph of ``field`` (next to its input)."""
    start = page.index(">", page.index(f'name="{field}"')) + 1
    return page[start : page.index("</p>", start)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "check_digit", "birth_date"),
    [
        ("kk", "Бақылау цифры (12-ші) алғашқы он бір цифрға сәйкес келмейді", "ЖСН-де жазылған туған күнді енгізіңіз"),
        ("ru", "Контрольная цифра (12-я) не соответствует", "введите дату рождения, закодированную в ИИН"),
    ],
)
def test_verify_page(client, user_with, language, check_digit, birth_date) -> None:  # type: ignore[no-untyped-def]
    from atazan.accounts.throttle import throttle_reset
    from atazan.web.english_share import page_share

    user = user_with(username="webuser")
    throttle_reset(key=f"verify:{user.pk}")  # the attempts of the other language's run (the cache outlives it)
    client.force_login(user)
    client.cookies["atazan_language"] = language
    bad = client.post(
        "/accounts/verify/",
        {"iin": IIN[:11] + "0" if IIN[11] != "0" else IIN[:11] + "1", "birth_date": BIRTH.isoformat()},
    )
    page = bad.content.decode()
    # the refusal stands next to the field it concerns, in the reader's language, saying what to do
    assert bad.status_code == 400 and check_digit in _field_errors(page, "iin")
    assert "check digit" not in page
    assert page_share("/", f'<html lang="{language}"><p>{_field_errors(page, "iin")}</p></html>').english == ()
    other_day = client.post("/accounts/verify/", {"iin": IIN, "birth_date": "1970-01-01"})
    assert birth_date in _field_errors(other_day.content.decode(), "birth_date")
    assert birth_date not in _field_errors(other_day.content.decode(), "iin")
    good = client.post("/accounts/verify/", {"iin": IIN, "birth_date": BIRTH.isoformat()})
    assert good.status_code == 302
    assert user_by_iin(IIN) == user
