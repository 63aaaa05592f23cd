"""Rows imported before the parser kept item continuations and amendment notes apart get the corrected structure.

Two readings of the official texts changed, not the texts: a sentence continuing 2026 Art. 46 items 2), 4), 8) was
stored as the introduction of a new list (subparagraphs 3)–22) under `…__list_N__` eIds), and the Law of 08.06.2022's
new wordings of 1995 Arts. 50(2), 50(3), 51(1) were stored as Court notes. A stored expression is immutable as a text;
its words do not change here. Only an expression whose official text still has the stored digest is touched, only
subparagraph rows whose paragraph has the same items in the same order, and only article notes; anything else is
left as it was (re-import into a fresh database to rebuild it).
"""

import hashlib
from pathlib import Path

from django.conf import settings
from django.db import migrations


def _note_rows(notes):  # type: ignore[no-untyped-def]
    return [{"kind": n.kind.value, "text": n.text, "provision": n.provision} for n in notes]


def rows_follow_parse(apps, schema_editor):  # type: ignore[no-untyped-def]
    from atazan.texts.domain.parser import WORK_BY_YEAR, official_path, parse_expression

    Expression = apps.get_model("texts", "Expression")
    Provision = apps.get_model("texts", "Provision")
    base_setting = getattr(settings, "ATAZAN_CONSTITUTION_DIR", None)
    base = Path(base_setting) if base_setting else None
    for row in Expression.objects.select_related("work"):
        if WORK_BY_YEAR.get(row.work.year) != row.work.uri:
            continue
        try:
            raw = official_path(row.work.year, row.language, base).read_bytes()
        except (OSError, ValueError):
            continue
        if hashlib.sha256(raw).hexdigest() != row.text_sha256:
            continue
        parsed = parse_expression(raw.decode("utf-8"), work=row.work.uri, language=row.language)
        if parsed.date != row.date:
            continue
        articles = {a.eid: a for a in parsed.articles()}
        paragraphs = {p.eid: p for a in parsed.articles() for p in a.paragraphs}
        for art in Provision.objects.filter(expression=row, kind="article"):
            article = articles.get(art.eid)
            if article is not None and art.notes != _note_rows(article.notes):
                art.notes = _note_rows(article.notes)
                art.save(update_fields=["notes"])
        renamed = []
        for para in Provision.objects.filter(expression=row, kind="paragraph"):
            parsed_para = paragraphs.get(para.eid)
            stored = list(Provision.objects.filter(parent=para, kind="subparagraph").order_by("order"))
            if parsed_para is None or [s.num for s in stored] != [s.num for s in parsed_para.subparagraphs]:
                continue
            for row_sub, sub in zip(stored, parsed_para.subparagraphs, strict=True):
                if (row_sub.eid, row_sub.text, row_sub.heading) == (sub.eid, sub.text, sub.lead_in):
                    continue
                if row_sub.eid != sub.eid:
                    renamed.append((row_sub, sub.eid))
                    row_sub.eid = f"~{row_sub.pk}"  # free the name first: eIds are unique per expression
                row_sub.text, row_sub.heading = sub.text, sub.lead_in
                row_sub.save(update_fields=["eid", "text", "heading"])
        for row_sub, eid in renamed:
            row_sub.eid = eid
            row_sub.save(update_fields=["eid"])


class Migration(migrations.Migration):
    dependencies = [("texts", "0002_provision_search_index")]

    operations = [migrations.RunPython(rows_follow_parse, migrations.RunPython.noop)]
