"""The comparison's CLI contract, pages, downloads and API."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from docx import Document
from typer.testing import CliRunner

from atazan.texts.cli import app
from atazan.texts.comparison import article_counterparts, comparison_get
from atazan.texts.domain.parser import load_official

RELATIONS = {"unchanged", "amended", "renumbered", "merged", "split", "repealed", "new"}


def test_cli_json_contract() -> None:
    result = CliRunner().invoke(app, ["compare", "--from", "1995", "--to", "2026", "--lang", "rus", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"mapping", "stats"}
    for e in data["mapping"]:
        assert set(e) == {"old", "new", "relation", "similarity"}
        assert e["relation"] in RELATIONS
        assert all(isinstance(n, str) for n in e["old"] + e["new"])
        assert 0 <= e["similarity"] <= 1
        assert (e["relation"] == "new") == (e["old"] == [])
        assert (e["relation"] == "repealed") == (e["new"] == [])
    e77 = next(e for e in data["mapping"] if "77" in e["old"])
    assert e77["relation"] == "split" and e77["new"][:2] == ["78", "19"]
    assert any("83-1" in e["old"] for e in data["mapping"])
    assert data["stats"]["official_january_draft"]["articles_changed"] == 77


def test_cli_refuses_an_unknown_pair() -> None:
    result = CliRunner().invoke(app, ["compare", "--from", "2026", "--to", "1995", "--json"])
    assert result.exit_code == 2


def _all_articles() -> tuple[set[str], set[str]]:
    return (
        {a.num for a in load_official(1995, "rus").articles()},
        {a.num for a in load_official(2026, "rus").articles()},
    )


def test_csv_holds_every_article() -> None:
    client = Client()
    resp = client.get("/texts/compare/1995/2026/rus/table.csv")
    assert resp.status_code == 200 and resp["Content-Type"].startswith("text/csv")
    assert resp.streaming  # the whole table, written row by row as it is sent
    rows = list(csv.DictReader(io.StringIO(b"".join(resp.streaming_content).decode("utf-8"))))
    assert len(rows) == len(comparison_get(1995, 2026, "rus").entries())
    olds, news = _all_articles()
    assert {n for r in rows for n in r["old_articles"].split()} == olds
    assert {n for r in rows for n in r["new_articles"].split()} == news
    r77 = next(r for r in rows if r["old_articles"] == "77")
    assert "[-" in r77["change"] and "{+" in r77["change"]


def test_docx_opens_and_holds_every_article() -> None:
    resp = Client().get("/texts/compare/1995/2026/kaz/table.docx")
    assert resp.status_code == 200
    doc = Document(io.BytesIO(resp.content))
    table = doc.tables[0]
    c = comparison_get(1995, 2026, "kaz")
    assert len(table.rows) == 1 + len(c.entries())
    first_col = [row.cells[0].text for row in table.rows[1:]]
    olds, news = _all_articles()
    seen_old = {n.strip() for t in first_col for n in t.split("→")[0].split(",") if n.strip() not in ("", "—")}
    assert seen_old == olds
    seen_new = {n.strip() for t in first_col for n in t.split("→")[1].split("\n")[0].split(",")} - {"—"}
    assert seen_new == news


def test_compare_page_shows_stats_table_and_filters() -> None:
    client = Client()
    resp = client.get("/texts/compare/1995/2026/rus/")
    assert resp.status_code == 200
    html = resp.content.decode()
    stats = comparison_get(1995, 2026, "rus").stats
    assert f"{stats.articles_changed} / {stats.old_in_force}" in html
    assert "104" in html and "<del>" in html and "<ins>" in html
    only_split = client.get("/texts/compare/1995/2026/rus/?relation=split").content.decode()
    assert 'data-relation="split"' in only_split and '<tr data-relation="amended"' not in only_split
    assert client.get("/texts/compare/2026/1995/rus/").status_code == 404


def _table_rows(html: str) -> list[str]:
    """The "old → new" article numbers of each row the page's table shows."""
    table = html.split('data-testid="compare-table"', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<tr data-relation="[a-z]+">', table)


def test_compare_page_shows_one_section_with_every_sections_link() -> None:
    client = Client()
    c = comparison_get(1995, 2026, "rus")
    new_sections = c.alignment.new.sections
    section_of = {a.num: a.section_num for a in c.alignment.new.articles()}
    in_section = {s.num: [e for e in c.entries() if e.new and section_of[e.new[0]] == s.num] for s in new_sections}
    html = client.get("/texts/compare/1995/2026/rus/").content.decode()
    # the first section only: a page of a section, not the whole Constitution
    assert 'data-section="I"' in html
    assert len(_table_rows(html)) == len(in_section["I"]) < len(c.entries()) // 4
    of_second = f"/texts/2026/rus/art/{in_section['II'][0].new[0]}/"
    assert of_second not in html.split('data-testid="compare-table"', 1)[1]
    nav = html.split('data-testid="compare-sections"', 1)[1].split("</nav>", 1)[0]
    assert len(new_sections) == 11
    for s in new_sections[1:]:
        assert f'href="?section={s.num}"' in nav
    assert 'href="?section=repealed"' in nav
    assert 'rel="next" href="?section=II"' in html
    second = client.get("/texts/compare/1995/2026/rus/?section=II").content.decode()
    assert len(_table_rows(second)) == len(in_section["II"])
    assert of_second in second and 'rel="prev" href="?section=I"' in second
    repealed = client.get("/texts/compare/1995/2026/rus/?section=repealed").content.decode()
    assert _table_rows(repealed) and all("repealed" in r for r in _table_rows(repealed))
    # every row is on exactly one section's page
    pages = [s.num for s in new_sections] + ["repealed"]
    shown = sum(
        len(_table_rows(client.get(f"/texts/compare/1995/2026/rus/?section={p}").content.decode())) for p in pages
    )
    assert shown == len(c.entries())
    assert client.get("/texts/compare/1995/2026/rus/?section=XII").status_code == 404
    # a relation filter keeps to the sections that hold such rows, and their links keep the filter
    split = client.get("/texts/compare/1995/2026/rus/?relation=split").content.decode()
    assert {r.split('"')[1] for r in _table_rows(split)} == {"split"}
    assert "&amp;relation=split" in split


def test_article_counterparts_both_ways() -> None:
    fwd = article_counterparts(1995, "rus", "91")
    assert [c["num"] for c in fwd] == ["92", "93"] and {c["relation"] for c in fwd} == {"split"}
    back = article_counterparts(2026, "rus", "19")
    assert [c["num"] for c in back] == ["77"]
    assert article_counterparts(1995, "rus", "84")[0]["repealed_before"] is True
    new = article_counterparts(2026, "rus", "49")
    assert new[0]["relation"] == "new" and new[0]["num"] is None


@pytest.mark.django_db
def test_article_page_shows_counterpart_with_diff(load_texts: Callable[..., Any]) -> None:
    load_texts((1995, "rus"))
    html = Client().get("/texts/1995/rus/art/77/").content.decode()
    assert 'data-testid="counterpart"' in html
    assert "/texts/2026/rus/art/19/" in html and "<ins>" in html


def test_api_mapping_stats_and_pair_diff() -> None:
    client = Client()
    data = client.get("/api/texts/compare/1995/2026/rus").json()
    assert {"old": ["89"], "new": ["91"], "relation": "renumbered", "similarity": 1.0} in data["mapping"]
    stats = client.get("/api/texts/compare/1995/2026/rus/stats").json()
    assert stats["old_articles_in_force"] == 101
    d = client.get("/api/texts/compare/1995/2026/rus/diff", {"old": "77", "new": "19"}).json()
    assert d["relation"] == "split"
    old = "".join(s["text"] for s in d["segments"] if s["op"] != "insert")
    assert "невиновным" in old
    assert client.get("/api/texts/compare/1995/2026/rus/diff", {"old": "1", "new": "50"}).status_code == 404


def test_a_new_process_reads_the_kept_comparison_instead_of_computing_it(settings, monkeypatch) -> None:
    """Issue 18: a web worker's first reader of the table used to wait seconds for its own comparison."""
    from django.core.cache import caches

    from atazan.texts import comparison

    settings.CACHES = {
        **settings.CACHES,
        "computed": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "texts-test"},
    }
    caches["computed"].clear()
    runs: list[str] = []
    real = comparison.compare
    monkeypatch.setattr(comparison, "compare", lambda old, new: runs.append(old.language) or real(old, new))

    def new_process() -> None:
        comparison._cached.cache_clear()
        comparison._rows_cached.cache_clear()
        comparison._sections_cached.cache_clear()

    new_process()
    first = Client().get("/texts/compare/1995/2026/rus/?section=II").content.decode()
    assert runs == ["rus"]
    new_process()
    second = Client().get("/texts/compare/1995/2026/rus/?section=II").content.decode()
    assert runs == ["rus"], "the second process compared the texts again"
    assert second.split("<main", 1)[1] == first.split("<main", 1)[1]
    new_process()
    caches["computed"].clear()
