"""`atazan …`: every headless job of the platform.

Each context adds its own command group from `atazan/<context>/cli.py` (a Typer app named `app`), so
`atazan texts compare …`, `atazan referendum tally …`, `atazan elections allocate …` live next to their code.

A command starts quickly (issue 18): `atazan <context> …` imports that context's CLI module and no other one
(`atazan --help` imports none: the groups' one-line help is `GROUPS` below), and Django is set up only when a
command that needs it runs. A context names its commands that need no database (they read files and print what the
law makes of them) in its module's `DATABASE_FREE`; every other command, and every top-level one, sets up Django
just before it runs. `tests/ops/test_cli_startup.py` checks `GROUPS` against the modules and what each command
imports.
"""

from __future__ import annotations

import copy
import functools
import importlib
import os
import sys
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

if TYPE_CHECKING:
    import typer
    from rich.console import Console

# The context groups in the order of atazan.contexts.CONTEXT_NAMES (those with a cli module), each with the help its
# Typer app gives: `atazan --help` lists them without importing them.
GROUPS: dict[str, str] = {
    "texts": "The 1995 and 2026 Constitutions: import, read, compare, export.",
    "topics": "The Constitution by topic: tagging, topics, open-data export.",
    "consultation": "Public consultation: proposals, duplicates, themes, articles.",
    "commission": "The Constitutional Commission: members, sessions, votes, decisions, drafts.",
    "referendum": "The nationwide referendum: tally, verify, import, export.",
    "elections": "Kurultai elections: seat allocation (Art. 97-1), results, mandates.",
    "legislature": "Bills, the People's Council and the Vice President.",
    "rules": "The Constitution as code: dated parameters and their articles.",
    "audit": "The log of official actions: a hash chain and a Merkle tree with signed checkpoints.",
}


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True)


def _stdout() -> Console:
    from rich.console import Console

    return Console()


def django_setup() -> None:
    """Set Django up once per process (a no-op where it is already, as under the tests)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atazan.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


_django_setup = django_setup  # the name this module used before


def _with_django(callback: Callable[..., Any]) -> Callable[..., Any]:
    """``callback`` that sets Django up first (the signature, name and help stay the callback's)."""
    if getattr(callback, "atazan_sets_up_django", False):
        return callback

    @functools.wraps(callback)
    def run(*args: Any, **kwargs: Any) -> Any:
        django_setup()
        return callback(*args, **kwargs)

    run.atazan_sets_up_django = True  # type: ignore[attr-defined]
    return run


def _import_typer() -> None:
    """Import Typer as this module's ``typer`` (the commands' annotations below name it). Not at module level: a
    well-formed `atazan referendum tally` runs without it (see `main`)."""
    global typer  # noqa: PLW0603
    import typer


def _group(app: typer.Typer, database_free: Collection[str]) -> typer.Typer:
    """A copy of a context's app whose commands set Django up before they run, except those in ``database_free``."""
    _import_typer()
    group = copy.copy(app)
    group.registered_commands = []
    for info in app.registered_commands:
        name = info.name or typer.main.get_command_name(info.callback.__name__ if info.callback else "")
        if name not in database_free and info.callback is not None:
            info = copy.copy(info)
            info.callback = _with_django(info.callback)
        group.registered_commands.append(info)
    group.registered_groups = [copy.copy(g) for g in app.registered_groups]
    for sub in group.registered_groups:
        if sub.typer_instance is not None:
            sub.typer_instance = _group(sub.typer_instance, ())
    return group


def _wanted(argv: Sequence[str] | None) -> Collection[str] | None:
    """The context groups a command line needs (None: all of them, for shell completion or a caller's own args)."""
    if argv is None or any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return None
    for arg in argv:
        if not arg.startswith("-"):  # the top level has no option taking a value: this is the command's name
            return (arg,) if arg in GROUPS else ()
    return ()


def _migrate(*, verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)


def build_app(argv: Sequence[str] | None = None) -> typer.Typer:
    """The `atazan` app. With ``argv`` (the command line, without the program), only the context group it invokes is
    imported and the others are listed by their help alone; without it, every group is imported."""
    _import_typer()
    app = typer.Typer(
        help="atazan — the Constitution of Kazakhstan as a platform: texts, consultation, referendum, elections.",
        no_args_is_help=True,
        pretty_exceptions_show_locals=False,
    )

    def command(function: Callable[..., Any]) -> Callable[..., Any]:
        app.command()(_with_django(function))
        return function

    @command
    def migrate() -> None:
        """Create or update the database schema (SQLite under var/, or DATABASE_URL)."""
        _migrate(verbosity=1)

    @command
    def demo(
        serve: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the site once built.")] = False,
        port: Annotated[int, typer.Option(help="Port to serve on.")] = 8000,
        only: Annotated[list[str] | None, typer.Option(help="Build only these contexts' demo data.")] = None,
    ) -> None:
        """Migrate and load every context's demo data (idempotent: running it again changes nothing). With --serve,
        only what the first pages need is built first; the background worker loads the rest (atazan.demo)."""
        from atazan.demo import demo_command

        demo_command(serve=serve, only=only, serve_site=lambda: _serve(host="127.0.0.1", port=port, workers=2))

    @command
    def serve(
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
        host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
        workers: Annotated[int, typer.Option(help="Worker processes.")] = 2,
    ) -> None:
        """Serve the platform over HTTP (gunicorn) on the database the settings point at."""
        _serve(host=host, port=port, workers=workers)

    @command
    def worker() -> None:
        """Run background tasks (Django tasks, database backend) until stopped."""
        from django.core.management import call_command

        call_command("db_worker")

    @command
    def backup(
        target: Annotated[Path, typer.Argument(help="File to write (SQLite file or pg_dump archive).")],
    ) -> None:
        """Snapshot the whole database while the platform runs (SQLite online backup / pg_dump)."""
        from rich.progress import Progress

        from atazan.backup import BackupError, database_backup, database_url_safe

        try:
            with Progress(transient=True) as bar:
                task = bar.add_task("backup", total=None)
                database_backup(
                    target=target, progress=lambda done, total: bar.update(task, completed=done, total=total)
                )
        except BackupError as exc:
            _stderr().print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from exc
        _stdout().print(f"Backed up {database_url_safe()} to {target} ({target.stat().st_size:,} bytes).")

    @command
    def restore(
        source: Annotated[Path, typer.Argument(help="A file written by `atazan backup`.")],
        yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
    ) -> None:
        """Replace the database's content with a backup."""
        from atazan.backup import BackupError, database_restore, database_url_safe

        if not yes and not typer.confirm(f"Replace everything in {database_url_safe()} with {source}?"):
            raise typer.Exit(1)
        try:
            database_restore(source=source)
        except BackupError as exc:
            _stderr().print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from exc
        _stdout().print(f"Restored {database_url_safe()} from {source}.")

    wanted = _wanted(argv)
    for name, help_text in GROUPS.items():
        if wanted is None or name in wanted:
            module = importlib.import_module(f"atazan.{name}.cli")
            app.add_typer(_group(module.app, getattr(module, "DATABASE_FREE", ())), name=name)
        else:  # listed by its help only; never invoked on this command line
            app.add_typer(typer.Typer(help=help_text, no_args_is_help=True), name=name)
    return app


def _serve(*, host: str, port: int, workers: int) -> None:
    from django.conf import settings

    db = settings.DATABASES["default"]
    _stdout().print(
        f"Serving atazan at [bold]http://{host}:{port}[/bold] (database: {db['ENGINE'].rsplit('.', 1)[-1]} "
        f"{db['NAME']}). Press Ctrl+C to stop."
    )
    # gunicorn is the production server too; the same command serves the demo and a deployment. The application is
    # loaded (and its caches warmed, see atazan.wsgi) once before the workers fork, so they share what it computed.
    os.environ["ATAZAN_WARM_CACHES"] = "1"
    os.execvp(  # noqa: S606 - replaces this process with the server, arguments are ours
        sys.executable,
        [
            sys.executable,
            "-m",
            "gunicorn",
            "atazan.wsgi:application",
            "--bind",
            f"{host}:{port}",
            "--workers",
            str(workers),
            "--threads",
            "4",
            "--access-logfile",
            "-",
            "--timeout",
            "120",
            "--preload",
        ],
    )


def _fast(argv: Sequence[str]) -> int | None:
    """The exit status of a command line run without Typer, or None (Typer runs it). `atazan referendum tally` of a
    national file should start about as fast as a plain CSV sum of it (issue 18), and importing Typer and pydantic
    takes longer than the tally; its module reads a well-formed command line itself and leaves the rest (help,
    usage errors) to Typer, from the same definition of its options."""
    if len(argv) < 2 or argv[0] != "referendum" or argv[1] != "tally" or _wanted(argv) is None:
        return None
    from atazan.referendum.cli_tally import fast_main

    return fast_main(argv[2:])


def main() -> None:
    argv = sys.argv[1:]
    status = _fast(argv)
    if status is not None:
        sys.exit(status)
    build_app(argv)()


if __name__ == "__main__":
    main()
