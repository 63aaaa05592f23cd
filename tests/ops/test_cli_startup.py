"""What `atazan` imports before a command runs (issue 18): a command that needs no database never sets Django up, and
a command imports its own context only. Checked on the modules a real process imports (`python -X importtime`), not
on timings; `benchmarks/cli_startup.py` measures the time.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from atazan.contexts import CONTEXT_NAMES
from atazan.referendum.domain.units import UNITS

# What a command that needs no database must not bring in: Django, the API framework, the OpenID libraries. (pydantic
# is not among them: Typer itself converts command-line values with it.)
SERVER_STACK = ("django", "ninja", "oauth2_provider", "mozilla_django_oidc", "jwcrypto")


def imported(*args: str, cwd: Path, status: int = 0) -> tuple[set[str], str]:
    """The modules `atazan ARGS` imports, and its stdout."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "atazan", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=cwd,
    )
    assert done.returncode == status, done.stdout + "\n".join(
        line for line in done.stderr.splitlines() if not line.startswith("import time:")
    )
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and not line.rstrip().endswith("imported package")
    }
    assert "atazan.cli" in modules  # the parse worked
    return modules, done.stdout


def contexts_in(modules: set[str]) -> set[str]:
    """The modules of context packages (atazan.<context>…) among ``modules``."""
    return {name for name in modules if name.startswith("atazan.") and name.split(".")[1] in CONTEXT_NAMES}


def assert_no_server_stack(modules: set[str]) -> None:
    loaded = sorted(m for m in modules if m.split(".")[0] in SERVER_STACK)
    assert not loaded, f"a command that needs no database imported {loaded[:10]}"


def other_contexts(modules: set[str], *own: str) -> set[str]:
    return {m.split(".")[1] for m in contexts_in(modules)} - set(own)


def test_help_imports_no_context_and_no_django(tmp_path: Path) -> None:
    modules, out = imported("--help", cwd=tmp_path)
    assert_no_server_stack(modules)
    assert contexts_in(modules) == set()
    for name in ("texts", "referendum", "elections", "audit", "migrate", "demo", "serve", "backup"):
        assert name in out


def test_a_context_help_imports_that_context_only(tmp_path: Path) -> None:
    modules, out = imported("referendum", "--help", cwd=tmp_path)
    assert_no_server_stack(modules)
    assert other_contexts(modules, "referendum") == set()
    assert "tally" in out and "import" in out


def national_like(tmp_path: Path) -> Path:
    path = tmp_path / "protocols.csv"
    rows = ["precinct,unit,district,registered,took_part,yes,no,invalid,not_counted"]
    rows += [f"{i + 1},{unit.name_en},D1,1000,600,400,200,0,0" for i, unit in enumerate(UNITS)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("as_json", [True, False])
def test_tally_needs_no_django_and_no_other_context(tmp_path: Path, as_json: bool) -> None:
    path = national_like(tmp_path)
    modules, out = imported(
        "referendum", "tally", str(path), "--kind", "constitution", *(["--json"] if as_json else []), cwd=tmp_path
    )
    assert_no_server_stack(modules)
    assert other_contexts(modules, "referendum") == set()
    # A well-formed tally runs without Typer and the pydantic it converts values with (atazan.cli._fast): importing
    # them took longer than reading and counting the national file.
    assert not {m for m in modules if m.split(".")[0] in ("typer", "pydantic", "pydantic_core", "click")}
    if as_json:
        assert json.loads(out)["adopted"] is True
        assert "rich" not in modules  # nothing is drawn: the table renderer is not even imported
    else:
        assert "Nation" in out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--kind", "Constitution"], "Invalid value for '--kind'"),
        ([], "Missing option '--kind'"),
        (["--kind", "constitution", "--jso"], "No such option: --jso"),
        (["--kind"], "Option '--kind' requires an argument"),
    ],
)
def test_a_tally_usage_error_is_typers_and_exits_2(tmp_path: Path, args: list[str], says: str) -> None:
    path = national_like(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "atazan", "referendum", "tally", str(path), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"},
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert says in " ".join(done.stderr.replace("│", " ").split())


def test_tally_help_shows_the_options_the_fast_path_reads() -> None:
    from atazan.cli import build_app
    from atazan.referendum.cli_tally import TALLY_OPTIONS

    result = CliRunner().invoke(build_app(["referendum"]), ["referendum", "tally", "--help"], env={"COLUMNS": "400"})
    assert result.exit_code == 0
    text = " ".join(result.output.replace("│", " ").split())
    for option in TALLY_OPTIONS.values():
        assert option.flag in text
        assert " ".join(option.help.split()) in text


def test_verify_and_model_csv_need_no_django(tmp_path: Path) -> None:
    modules, _ = imported("referendum", "model-csv", str(tmp_path / "model.csv"), cwd=tmp_path)
    assert_no_server_stack(modules)
    assert (tmp_path / "model.csv").read_text(encoding="utf-8").count("\n") == 10_460
    bundle = tmp_path / "bundle.jsonl"
    bundle.write_text('{"not": "a bundle"}\n', encoding="utf-8")
    modules, out = imported("referendum", "verify", str(bundle), "--json", cwd=tmp_path, status=1)
    assert_no_server_stack(modules)
    assert "rich" not in modules
    assert json.loads(out)["ok"] is False


def test_allocate_needs_no_django(tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    lists = [
        {"party": "A", "votes": 600, "registration_order": 1},
        {"party": "B", "votes": 400, "registration_order": 2},
    ]
    path.write_text(json.dumps({"seats": 10, "took_part": 1000, "threshold_percent": 5, "lists": lists}), "utf-8")
    modules, out = imported("elections", "allocate", str(path), "--json", cwd=tmp_path)
    assert_no_server_stack(modules)
    assert other_contexts(modules, "elections") == set()
    assert "rich" not in modules
    assert json.loads(out)["seats"] == {"A": 6, "B": 4}


def test_rules_and_consultation_file_commands_need_no_django(tmp_path: Path) -> None:
    modules, out = imported("rules", "show", "--as-of", "2026-07-01", "--json", cwd=tmp_path)
    assert_no_server_stack(modules)
    assert other_contexts(modules, "rules") == set()
    assert json.loads(out)["parameters"]
    modules, out = imported("consultation", "deadline", "2026-03-02", cwd=tmp_path)
    assert_no_server_stack(modules)
    assert json.loads(out)["due"]


def test_texts_compare_needs_no_django(tmp_path: Path) -> None:
    modules, out = imported("texts", "compare", "--json", cwd=tmp_path)
    assert_no_server_stack(modules)
    assert other_contexts(modules, "texts") == set()
    assert json.loads(out)["stats"]["articles_changed"] > 0


def test_groups_are_the_contexts_with_a_cli_in_order_with_their_help() -> None:
    from atazan.cli import GROUPS

    with_cli = [name for name in CONTEXT_NAMES if importlib.util.find_spec(f"atazan.{name}.cli") is not None]
    assert list(GROUPS) == with_cli
    for name, help_text in GROUPS.items():
        module = importlib.import_module(f"atazan.{name}.cli")
        assert module.app.info.help == help_text, name
        commands = {info.name or info.callback.__name__.replace("_", "-") for info in module.app.registered_commands}
        assert set(getattr(module, "DATABASE_FREE", ())) <= commands, name


def test_help_without_the_groups_is_the_help_with_them() -> None:
    from atazan.cli import build_app

    runner = CliRunner()
    lazy = runner.invoke(build_app(["--help"]), ["--help"], terminal_width=120)
    full = runner.invoke(build_app(), ["--help"], terminal_width=120)
    assert lazy.exit_code == full.exit_code == 0
    assert lazy.output == full.output
