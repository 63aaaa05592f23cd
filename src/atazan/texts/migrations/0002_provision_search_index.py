"""Full-text search over provision texts: an FTS5 table on SQLite, a GIN index on PostgreSQL.

SQLite: an external-content FTS5 table mirrors texts_provision.text, kept current by triggers.
PostgreSQL: an expression index on the very expression SearchVector('text', config='simple') compiles to.
Other backends get nothing and search falls back to a substring match.
"""

from django.db import migrations

SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE texts_provision_fts USING fts5(
        text, content='texts_provision', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER texts_provision_fts_ai AFTER INSERT ON texts_provision BEGIN
        INSERT INTO texts_provision_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER texts_provision_fts_ad AFTER DELETE ON texts_provision BEGIN
        INSERT INTO texts_provision_fts(texts_provision_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER texts_provision_fts_au AFTER UPDATE OF text ON texts_provision BEGIN
        INSERT INTO texts_provision_fts(texts_provision_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO texts_provision_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    "INSERT INTO texts_provision_fts(texts_provision_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS texts_provision_fts_au",
    "DROP TRIGGER IF EXISTS texts_provision_fts_ad",
    "DROP TRIGGER IF EXISTS texts_provision_fts_ai",
    "DROP TABLE IF EXISTS texts_provision_fts",
]
PG_CREATE = [
    "CREATE INDEX IF NOT EXISTS texts_provision_tsv ON texts_provision USING GIN (to_tsvector('simple'::regconfig, COALESCE(text, '')))",
]
PG_DROP = ["DROP INDEX IF EXISTS texts_provision_tsv"]


def _run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("texts", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": PG_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": PG_DROP}),
        ),
    ]
