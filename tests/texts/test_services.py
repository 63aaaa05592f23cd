"""Importing the official texts: rows for every provision, idempotent, changed texts refused."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from atazan.audit.models import AuditEntry
from atazan.texts.domain.parser import load_official
from atazan.texts.models import Expression, Provision, Work
from atazan.texts.services import ExpressionChangedError, official_text_import

pytestmark = pytest.mark.django_db


def test_import_stores_every_provision_of_the_2026_text(load_texts: Any) -> None:
    (outcome,) = load_texts((2026, "rus"))
    expr = outcome.expression
    assert outcome.created
    assert expr.uri == "/akn/kz/act/2026-03-15/constitution/rus@2026-07-01"
    assert expr.provisions.filter(kind=Provision.Kind.SECTION).count() == 11
    assert expr.provisions.filter(kind=Provision.Kind.ARTICLE).count() == 96
    parsed = load_official(2026, "rus")
    n_paras = sum(len(a.paragraphs) for a in parsed.articles())
    assert expr.provisions.filter(kind=Provision.Kind.PARAGRAPH).count() == n_paras
    para = expr.provisions.get(eid="art_2__para_6")
    assert para.parent is not None and para.parent.eid == "art_2" and para.article_num == "2"
    assert "теңге" in para.text
    assert AuditEntry.objects.filter(action="texts.expression.import", target=expr.uri).count() == 1


def test_reimport_changes_nothing(load_texts: Any) -> None:
    load_texts((1995, "kaz"))
    before = (Provision.objects.count(), Expression.objects.count(), Work.objects.count(), AuditEntry.objects.count())
    (again,) = load_texts((1995, "kaz"))
    assert not again.created
    after = (Provision.objects.count(), Expression.objects.count(), Work.objects.count(), AuditEntry.objects.count())
    assert after == before
    art84 = again.expression.provisions.get(kind=Provision.Kind.ARTICLE, num="84")
    assert art84.repealed and art84.notes[0]["kind"] == "footnote"


def test_a_changed_text_for_a_stored_expression_is_refused(load_texts: Any, settings: Any, tmp_path: Path) -> None:
    load_texts((2026, "rus"))
    stored = Provision.objects.get(eid="art_2__para_6", expression__language="rus").text
    src = Path(load_official.__code__.co_filename).parent.parent / "data" / "constitution"
    shutil.copytree(src, tmp_path / "constitution")
    edited = tmp_path / "constitution" / "2026" / "rus.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("– теңге.", "– рубль."), encoding="utf-8")
    settings.ATAZAN_CONSTITUTION_DIR = str(tmp_path / "constitution")
    with pytest.raises(ExpressionChangedError, match="immutable"):
        official_text_import(year=2026, language="rus")
    assert Provision.objects.get(eid="art_2__para_6", expression__language="rus").text == stored
