"""`atazan referendum tally` speaks the language of --lang or LANG; --json keeps its codes and English (issue 15).

The command runs without Django (the fast path, `atazan.referendum.cli_tally`): the sentences come from the
referendum's own catalogue through `atazan.messages.plain`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from atazan.messages.domain import Msg
from atazan.messages.plain import date_text, number_text, percent_text, plain_render

HEADER = "precinct,unit,district,registered,took_part,yes,no,invalid,not_counted\n"
ROWS = (
    "1,Abai Region,D1,12000,8000,5000,2900,100,0\n"  # accepted
    "2,Astana,D1,1000,600,400,100,0,0\n"  # does not add up: refused
    "x,Atlantis,,ten,600,-5,80,10,10\n"  # unknown unit, not a number, negative: refused
)
# What the English result says, none of which a Kazakh or Russian reader should meet.
ENGLISH = (
    "Result by unit",
    "Entitled",
    "Took part",
    "Nation",
    "Turnout",
    "Provisional",
    "PROVISIONAL",
    "rejected",
    "precinct",
    "line",
    "Constitution",
    "Referendum Law",
    "Abai Region",
)


def tally(
    tmp_path: Path, *args: str, lang_env: str = "C.UTF-8", text: str = HEADER + ROWS
) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "protocols.csv"
    path.write_text(text, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run(
        [sys.executable, "-m", "atazan", "referendum", "tally", str(path), "--kind", "constitution", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
        env={**env, "LANG": lang_env, "COLUMNS": "250", "NO_COLOR": "1"},
    )


def test_lang_ru_prints_the_result_in_russian_and_exits_as_before(tmp_path: Path) -> None:
    done = tally(tmp_path, lang_env="ru_RU.UTF-8")
    assert done.returncode == 1, done.stderr
    out = done.stdout
    for said in ("Результат по областям и городам", "Имеют право", "По республике", "Абайская область", "12\u00a0000"):
        assert said in out
    assert "66,67\u00a0%" in out  # a decimal comma
    assert "Явка 66,67\u00a0% — приняли участие более половины имеющих право" in out
    assert "ПРЕДВАРИТЕЛЬНО: не принято" in out
    assert "Протоколы отклонены и не учтены в итогах: 2" in out
    assert "участок 2 (строка 3): голоса не сходятся" in out
    assert "Закон о референдуме, п. 3 ст. 31" in out
    for english in ENGLISH:
        assert english not in out, english


def test_lang_option_overrides_the_locale_kazakh_heads(tmp_path: Path) -> None:
    done = tally(tmp_path, "--lang", "kk", lang_env="ru_RU.UTF-8")
    assert done.returncode == 1, done.stderr
    for said in ("Облыстар мен қалалар бойынша нәтиже", "Облыс немесе қала", "Құқығы бар", "Республика бойынша"):
        assert said in done.stdout
    assert "Абай облысы" in done.stdout and "Абайская" not in done.stdout
    for english in ENGLISH:
        assert english not in done.stdout, english


def test_english_locale_prints_what_it_always_printed(tmp_path: Path) -> None:
    done = tally(tmp_path, lang_env="C.UTF-8")
    assert done.returncode == 1
    assert "Result by unit" in done.stdout and "12,000" in done.stdout and "66.67%" in done.stdout
    assert "Turnout 66.67% — more than half of those entitled took part" in done.stdout
    assert "2 protocol(s) rejected and left out of the totals:" in done.stdout
    assert "precinct 2 (line 3): balance — " in done.stdout
    assert tally(tmp_path, "--lang", "en", lang_env="ru_RU.UTF-8").stdout == done.stdout


def test_json_is_the_same_in_every_language(tmp_path: Path) -> None:
    english = tally(tmp_path, "--json", lang_env="C.UTF-8")
    assert english.returncode == 1
    body = json.loads(english.stdout)
    rules = {rule["code"]: rule["message"] for refused in body["rejected"] for rule in refused["rules"]}
    assert "citizens who took part" in rules["balance"] and "unknown unit 'Atlantis'" in rules["unknown_unit_line"]
    for args, env in (((), "ru_RU.UTF-8"), (("--lang", "kk"), "C.UTF-8"), (("--lang", "ru"), "kk_KZ.UTF-8")):
        other = tally(tmp_path, "--json", *args, lang_env=env)
        assert (other.returncode, other.stdout) == (1, english.stdout)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (None, "файл не найден"),
        ("precinct,unit\n1,Astana\n", "в заголовке нет столбца (столбцов) registered"),
        (HEADER, "в файле нет протоколов"),
    ],
)
def test_an_unreadable_file_is_explained_in_russian_and_exits_2(tmp_path: Path, text: str | None, says: str) -> None:
    if text is None:
        path = tmp_path / "missing.csv"
        done = subprocess.run(
            [sys.executable, "-m", "atazan", "referendum", "tally", str(path), "--kind", "ordinary", "--lang", "ru"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            cwd=tmp_path,
        )
    else:
        done = tally(tmp_path, lang_env="ru_RU.UTF-8", text=text)
    assert done.returncode == 2
    assert done.stdout == ""
    assert says in " ".join(done.stderr.split()), done.stderr


def test_the_typer_command_speaks_the_same(tmp_path: Path) -> None:
    from atazan.referendum.cli import app

    path = tmp_path / "protocols.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["tally", str(path), "--kind", "ordinary", "--lang", "kk"], env={"LANG": "C.UTF-8", "COLUMNS": "250"}
    )
    assert result.exit_code == 1
    assert (
        "Облыс немесе қала" in result.stdout and "Қабылданбай, қорытындыға енгізілмеген хаттамалар: 2" in result.stdout
    )


def test_a_russian_tally_still_imports_no_django(tmp_path: Path) -> None:
    path = tmp_path / "protocols.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "atazan", "referendum", "tally", str(path), "--kind", "ordinary"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "LANG": "ru_RU.UTF-8", "LC_ALL": ""},
    )
    assert done.returncode == 1
    assert "Результат по областям и городам" in done.stdout
    modules = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "atazan.messages.plain" in modules
    assert not {m for m in modules if m.split(".")[0] in ("django", "typer", "click")}


def test_plain_writes_figures_as_the_language_does() -> None:
    assert number_text(12_482_613, "ru") == "12\u00a0482\u00a0613" == number_text(12_482_613, "kk")
    assert number_text(12_482_613, "en") == "12,482,613" and number_text(9_999, "ru") == "9999"
    assert percent_text(0.61234, "en") == "61.23%" and percent_text(0.61234, "ru") == "61,23\u00a0%"
    assert date_text(dt.date(2026, 3, 15), "kk") == "2026 жылғы 15 наурыз"
    assert date_text(dt.date(2026, 3, 15), "en") == "2026-03-15"
    said = Msg("Yes {yes_share}% of those who took part — more than half ({source}).", (
        ("source", Msg("Referendum Law, Art. 31(3)", domain="referendum")),
        ("yes_share", Decimal("61.23")),
    ), domain="referendum")  # fmt: skip
    assert (
        plain_render(said, "en") == "Yes 61.23% of those who took part — more than half (Referendum Law, Art. 31(3))."
    )
    assert (
        plain_render(said, "ru")
        == "«Да» — 61,23\u00a0% принявших участие: более половины (Закон о референдуме, п. 3 ст. 31)."
    )
    # A translation whose fields do not fit is never shown; a template nobody translated stays English.
    assert plain_render(Msg("{a} and {b}", (("a", 1), ("b", 2))), "ru") == "1 and 2"


def test_plain_dates_are_djangos() -> None:
    """The Django adapter and the console write a Russian date the same way (one implementation)."""
    from django.utils import formats, translation

    with translation.override("ru"):
        assert date_text(dt.date(2026, 3, 15), "ru") == formats.date_format(dt.date(2026, 3, 15), "DATE_FORMAT")


def test_verify_reports_a_tampered_bundle_in_the_language_asked(tmp_path: Path) -> None:
    from atazan.referendum.cli import app
    from atazan.referendum.domain.adoption import QuestionKind
    from atazan.referendum.domain.integrity import BundleMeta, bundle_build, derive_signing_key, sign_all
    from atazan.referendum.domain.protocol_io import read_csv

    protocols = read_csv(HEADER + "1,Abai Region,D1,12000,8000,5000,2900,100,0\n").protocols
    meta = BundleMeta("t", "2026-03-15", "q", QuestionKind.CONSTITUTION, synthetic=True)
    path = tmp_path / "bundle.jsonl"
    data = bundle_build(sign_all(protocols, b"cli"), meta, derive_signing_key(b"cli", "cec"))
    path.write_bytes(data.replace(b'"yes":5000', b'"yes":4999', 1))
    runner = CliRunner()
    english = runner.invoke(app, ["verify", str(path), "--json"], env={"LANG": "C.UTF-8", "COLUMNS": "250"})
    russian = runner.invoke(app, ["verify", str(path)], env={"LANG": "ru_RU.UTF-8", "LC_ALL": "", "COLUMNS": "250"})
    assert russian.exit_code == english.exit_code == 1
    assert "подпись комиссии не соответствует протоколу" in russian.stdout
    assert "Пакет НЕ цел" in russian.stdout and "синтетическая модель" in russian.stdout
    assert "Bundle" not in russian.stdout and "record" not in russian.stdout
    as_json = runner.invoke(app, ["verify", str(path), "--json", "--lang", "kk"])
    assert as_json.stdout == english.stdout  # codes and English messages in every language
    kazakh = runner.invoke(app, ["verify", str(path), "--lang", "kk"], env={"COLUMNS": "250"})
    assert "Пакет бүтін ЕМЕС" in kazakh.stdout


@pytest.mark.django_db
def test_recount_names_differences_in_the_language_asked() -> None:
    from atazan.cli import build_app
    from atazan.referendum.models import ProtocolVersion
    from tests.referendum import factories

    q = factories.question()
    factories.load(q, [factories.protocol(f"p-{k}") for k in range(3)])
    ProtocolVersion.objects.filter(question=q, precinct__number="p-1").delete()
    runner = CliRunner()
    english = runner.invoke(build_app(), ["referendum", "recount", "--question", q.slug, "--check", "--json"])
    russian = runner.invoke(
        build_app(), ["referendum", "recount", "--question", q.slug, "--check"], env={"LANG": "ru_RU.UTF-8"}
    )
    assert russian.exit_code == english.exit_code == 1
    assert "учтённые участки — хранится 3, по пересчёту 2" in russian.output
    assert "найдено различий:" in russian.output and "stored" not in russian.output
    as_json = runner.invoke(
        build_app(), ["referendum", "recount", "--question", q.slug, "--check", "--json", "--lang", "kk"]
    )
    assert as_json.stdout == english.stdout
    runner.invoke(build_app(), ["referendum", "recount", "--question", q.slug])
    again = runner.invoke(build_app(), ["referendum", "recount", "--question", q.slug, "--lang", "kk"])
    assert again.exit_code == 0 and "айырмашылық жоқ" in again.output


@pytest.mark.django_db
def test_register_and_import_report_in_the_language_asked(tmp_path: Path) -> None:
    from atazan.referendum.cli import app
    from tests.referendum import factories

    q = factories.question()
    register = tmp_path / "register.csv"
    row = "abai-0003,Abai Region,D1,1000,School 3\n"
    register.write_text("precinct,unit,district,registered,address\n" + row + row, encoding="utf-8")
    runner = CliRunner()
    loaded = runner.invoke(app, ["register", str(register), "--lang", "ru"])
    assert loaded.exit_code == 1  # the second row lists the precinct twice
    assert "отклонено: abai-0003: участок дважды указан в реестре: строка 3: участок abai-0003 указан" in loaded.output
    assert "реестр: создано 1, обновлено 0, без изменений 0, отклонено 1" in loaded.output
    protocols = tmp_path / "day.csv"
    protocols.write_text(
        HEADER + "abai-0003,Abai Region,,1000,600,500,80,10,10\nabai-004,Abai Region,,1000,600,500,80,10,10\n"
    )
    imported = runner.invoke(app, ["import", str(protocols), "--question", q.slug], env={"LANG": "kk_KZ.UTF-8"})
    assert imported.exit_code == 1
    assert "қабылданды: 1" in imported.output and "қабылданбады: abai-004 учаскесі (3-жол)" in imported.output
    assert "accepted" not in imported.output and "refused" not in imported.output
    missing = runner.invoke(app, ["import", str(protocols), "--question", "nope", "--lang", "ru"])
    assert missing.exit_code == 2 and "нет вопроса референдума 'nope'" in missing.output
