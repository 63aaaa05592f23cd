"""Backups of the whole database, while the platform keeps running.

SQLite: the online backup API copies a consistent snapshot page by page without stopping writers.
PostgreSQL: pg_dump in its custom format, restored with pg_restore --clean; both use the server's own tools.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

from django.db import connections


class BackupError(Exception):
    pass


Progress = Callable[[int, int], None]  # (pages done, pages total)


def _engine() -> str:
    return str(connections["default"].settings_dict["ENGINE"]).rsplit(".", 1)[-1]


def database_backup(*, target: Path, progress: Progress | None = None) -> Path:
    """Write a snapshot of the default database to `target` and return its path."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    engine = _engine()
    if engine == "sqlite3":
        source = sqlite3.connect(str(connections["default"].settings_dict["NAME"]))
        dest = sqlite3.connect(str(target))
        try:
            with dest:
                source.backup(
                    dest,
                    pages=256,
                    progress=(lambda _status, remaining, total: progress(total - remaining, total))
                    if progress
                    else None,
                )
        finally:
            dest.close()
            source.close()
        return target
    if engine == "postgresql":
        _run_pg(["pg_dump", "--format=custom", "--no-owner", "--file", str(target)])
        return target
    raise BackupError(f"backup: database engine {engine!r} is not supported (SQLite and PostgreSQL are)")


def database_restore(*, source: Path) -> None:
    """Replace the default database's content with the snapshot at `source`."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"restore: {source} does not exist")
    engine = _engine()
    connections.close_all()
    if engine == "sqlite3":
        with open(source, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise BackupError(f"restore: {source} is not an SQLite database file")
        src = sqlite3.connect(str(source))
        dest = sqlite3.connect(str(connections["default"].settings_dict["NAME"]))
        try:
            with dest:
                src.backup(dest)
        finally:
            dest.close()
            src.close()
        return
    if engine == "postgresql":
        _run_pg(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", str(source)],
            with_dbname_flag=True,
        )
        return
    raise BackupError(f"restore: database engine {engine!r} is not supported (SQLite and PostgreSQL are)")


def _run_pg(args: list[str], *, with_dbname_flag: bool = False) -> None:
    db = connections["default"].settings_dict
    tool = shutil.which(args[0])
    if tool is None:
        raise BackupError(f"{args[0]} not found: install the PostgreSQL client tools")
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    conn = [
        "--host",
        str(db.get("HOST") or "127.0.0.1"),
        "--port",
        str(db.get("PORT") or 5432),
        "--username",
        str(db.get("USER") or "postgres"),
    ]
    name = str(db["NAME"])
    cmd = [tool, *args[1:], *conn, *(["--dbname", name] if with_dbname_flag else [name])]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{args[0]} failed ({result.returncode}): {result.stderr.strip()[:2000]}")


def database_url_safe() -> str:
    """The database's location with any password removed, for messages."""
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        return str(connections["default"].settings_dict["NAME"])
    parsed = urlparse(url)
    host = parsed.hostname or ""
    return f"{parsed.scheme}://{parsed.username or ''}@{host}:{parsed.port or ''}{parsed.path}"
