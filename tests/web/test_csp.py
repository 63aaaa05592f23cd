"""Scripts run only from this site's files: the CSP refuses inline scripts, and no template relies on one.

Injected markup (a proposal's text, a party's name) can therefore never run as a script, even where escaping fails.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import atazan

SRC = Path(atazan.__file__).parent
TAG = re.compile(r"<(?!!--)[a-zA-Z][^<>]*>", re.DOTALL)
SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
JS_URL = re.compile(r"""(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)
DATA_BLOCK = re.compile(r"""type\s*=\s*["']?application/(?:ld\+)?json""", re.IGNORECASE)


def inline_script_problems(html: str) -> list[str]:
    """What in ``html`` would need 'unsafe-inline': a <script> without src (JSON data blocks do not run; the policy
    carries no nonce, so a nonce would not help either), an on…= event handler, a javascript: URL."""
    problems = []
    for match in SCRIPT.finditer(html):
        attributes = match.group(1)
        if "src=" not in attributes and not DATA_BLOCK.search(attributes):
            problems.append(f"inline script: {match.group(0)}")
    for tag in TAG.finditer(html):
        handler = EVENT_HANDLER.search(tag.group(0))
        if handler:
            problems.append(f"event handler {handler.group(0).strip()} in {tag.group(0)[:80]}")
    problems.extend(f"javascript: URL {m.group(0)}" for m in JS_URL.finditer(html))
    return problems


def test_the_scanner_finds_what_it_looks_for() -> None:
    assert inline_script_problems("<script>alert(1)</script>")
    assert inline_script_problems('<select name="x" onchange="this.form.submit()">')
    assert inline_script_problems('<a href="javascript:void(0)">')
    assert inline_script_problems('<script nonce="{{ n }}">x</script>')  # no nonce in the policy: it would not run
    assert not inline_script_problems('<script src="/static/a.js" defer></script>')
    assert not inline_script_problems('<script type="application/json" id="d">{}</script><a data-once="1">')


TEMPLATES = sorted(p for p in SRC.rglob("templates/**/*.html"))


def test_templates_are_found() -> None:
    assert any(p.name == "base.html" for p in TEMPLATES) and len(TEMPLATES) > 20


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_template_has_an_inline_script_or_event_handler(template: Path) -> None:
    assert inline_script_problems(template.read_text(encoding="utf-8")) == []


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/api/docs", "/elections/"])
def test_the_policy_allows_scripts_from_this_site_only(client, path: str) -> None:  # type: ignore[no-untyped-def]
    policy = client.get(path).headers["Content-Security-Policy"]
    directives = {d.split()[0]: d.split()[1:] for d in (p.strip() for p in policy.split(";")) if d}
    assert directives["script-src"] == ["'self'"]
    assert directives["script-src-attr"] == ["'none'"]
    assert "'unsafe-inline'" not in policy.split("style-src")[0]  # only styles may be inline
    assert "'unsafe-eval'" not in policy


def test_the_language_switch_script_is_a_static_file(client) -> None:  # type: ignore[no-untyped-def]
    base = (SRC / "web/templates/base.html").read_text(encoding="utf-8")
    assert "atazan/site.js" in base and "data-autosubmit" in base
    assert "data-autosubmit" in (SRC / "web/static/atazan/site.js").read_text(encoding="utf-8")
