"""`atazan …`: every headless job of the platform.

Each context adds its own command group from `atazan/<context>/cli.py` (a Typer app named `app`), so
`atazan texts compare …`, `atazan referendum tally …`, `atazan elections allocate …` live next to their code.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

console = Console(stderr=True)


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atazan.settings")
    import django

    django.setup()


def _migrate(*, verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)


def build_app() -> typer.Typer:
    app = typer.Typer(
        help="atazan — the Constitution of Kazakhstan as a platform: texts, consultation, referendum, elections.",
        no_args_is_help=True,
        pretty_exceptions_show_locals=False,
    )

    @app.command()
    def migrate() -> None:
        """Create or update the database schema (SQLite under var/, or DATABASE_URL)."""
        _migrate(verbosity=1)

    @app.command()
    def demo(
        serve: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the site once built.")] = False,
        port: Annotated[int, typer.Option(help="Port to serve on.")] = 8000,
        only: Annotated[list[str] | None, typer.Option(help="Build only these contexts' demo data.")] = None,
    ) -> None:
        """Migrate and load every context's demo data (idempotent: running it again changes nothing). With --serve,
        only what the first pages need is built first; the background worker loads the rest (atazan.demo)."""
        from atazan.demo import demo_command

        demo_command(serve=serve, only=only, serve_site=lambda: _serve(host="127.0.0.1", port=port, workers=2))

    @app.command()
    def serve(
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
        host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
        workers: Annotated[int, typer.Option(help="Worker processes.")] = 2,
    ) -> None:
        """Serve the platform over HTTP (gunicorn) on the database the settings point at."""
        _serve(host=host, port=port, workers=workers)

    @app.command()
    def worker() -> None:
        """Run background tasks (Django tasks, database backend) until stopped."""
        from django.core.management import call_command

        call_command("db_worker")

    @app.command()
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
            console.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from exc
        Console().print(f"Backed up {database_url_safe()} to {target} ({target.stat().st_size:,} bytes).")

    @app.command()
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
            console.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from exc
        Console().print(f"Restored {database_url_safe()} from {source}.")

    for name in _context_names():
        if importlib.util.find_spec(f"atazan.{name}.cli") is None:
            continue
        module = importlib.import_module(f"atazan.{name}.cli")
        app.add_typer(module.app, name=name)
    return app


def _context_names() -> tuple[str, ...]:
    from atazan.contexts import CONTEXT_NAMES

    return CONTEXT_NAMES


def _serve(*, host: str, port: int, workers: int) -> None:
    from django.conf import settings

    db = settings.DATABASES["default"]
    Console().print(
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


def main() -> None:
    _django_setup()
    build_app()()


if __name__ == "__main__":
    main()
