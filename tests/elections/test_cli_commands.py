"""The CLI beyond `allocate`: steps in Kazakh or Russian on request, results by region, ending a mandate."""

import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from atazan.audit.models import AuditEntry
from atazan.elections import demo, models
from atazan.elections.cli import app

INPUT = {"seats": 10, "took_part": 1000, "lists": [{"party": "A", "votes": 600, "registration_order": 1},
                                                    {"party": "B", "votes": 350, "registration_order": 2}]}  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize(("lang", "word"), [("en", "Quota ="), ("ru", "Квота ="), ("kk", "Квота =")])
def test_allocate_explains_in_the_language_asked_and_english_by_default(tmp_path: Path, lang: str, word: str) -> None:
    src = tmp_path / "in.json"
    src.write_text(json.dumps(INPUT))
    out = CliRunner().invoke(app, ["allocate", str(src), "--json", "--lang", lang])
    assert out.exit_code == 0, out.output
    payload = json.loads(out.stdout)
    assert payload["seats"] == {"A": 6, "B": 4}
    quota = next(s for s in payload["steps"] if s["kind"] == "quota")
    assert quota["text"].startswith(word) and "950" in quota["text"]
    default = json.loads(CliRunner().invoke(app, ["allocate", str(src), "--json"], env={"LANG": "C.UTF-8"}).stdout)
    assert next(s for s in default["steps"] if s["kind"] == "quota")["text"].startswith("Quota =")
    # without --lang, the language of LANG; the step kinds stay the same stable codes
    russian = CliRunner().invoke(app, ["allocate", str(src), "--json"], env={"LANG": "ru_RU.UTF-8", "LC_ALL": ""})
    steps = json.loads(russian.stdout)["steps"]
    assert next(s for s in steps if s["kind"] == "quota")["text"].startswith("Квота =")
    assert [s["kind"] for s in steps] == [s["kind"] for s in default["steps"]]


@pytest.mark.django_db
def test_regions_and_terminate_commands() -> None:
    demo.build(console=Console(quiet=True))
    runner = CliRunner()
    out = runner.invoke(app, ["regions", "kurultai-2026-simulated", "--party", "2", "--json"])
    assert out.exit_code == 0, out.output
    rows = {r["unit"]: r for r in json.loads(out.stdout)}
    astana = models.RegionResult.objects.get(party_list__election__slug="kurultai-2026-simulated",
                                             party_list__registration_order=2, region_code="astana")  # fmt: skip
    assert len(rows) == 20 and rows["astana"]["party_votes"] == astana.votes
    assert rows["east_kazakhstan"]["name"] == "East Kazakhstan Region"
    assert runner.invoke(app, ["regions", "kurultai-2026-simulated"]).exit_code == 0
    assert runner.invoke(app, ["regions", "kurultai-2026-simulated", "--party", "77"]).exit_code == 2
    sitting = models.Mandate.objects.filter(election__slug="kurultai-2026-simulated", ended__isnull=True)
    mandate = sitting.filter(party_list__registration_order=3).select_related("candidate").first()
    done = runner.invoke(app, ["terminate", "kurultai-2026-simulated", mandate.candidate.key, "--ground",
                               "citizenship-ended", "--on", "2027-06-01"])  # fmt: skip
    assert done.exit_code == 0 and "successor" in done.stdout
    assert AuditEntry.objects.filter(action="elections.mandate.vacate", actor="cli").exists()
    again = runner.invoke(app, ["terminate", "kurultai-2026-simulated", mandate.candidate.key, "--ground", "death",
                                "--on", "2027-06-02"])  # fmt: skip
    assert again.exit_code == 2 and "holds a mandate" in again.output
