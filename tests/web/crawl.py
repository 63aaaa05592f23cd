"""Crawl the demo's pages with Django's test client, as a reader would reach them: from the home page, by links.

Shared by the language test (tests/web/test_i18n_english_share.py) and the phone test; also a script that prints the
figures against the database the settings point at:

    ATAZAN_VAR_DIR=var .venv/bin/python -m tests.web.crawl   # after `atazan demo`
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

# Not pages a reader reads: the API and its docs, files to download, the admin, the language switch, sign-out.
SKIPPED_PREFIXES = ("/api/", "/static/", "/media/", "/admin/", "/i18n/", "/accounts/logout", "/accounts/oidc")
SKIPPED_SUFFIXES = (".csv", ".json", ".xml", ".docx", ".xlsx", ".pdf", ".zip", ".txt", ".svg", ".png", ".ico")
# At most this many pages of one shape (digits and ids replaced): one proposal page stands for all proposals.
PER_SHAPE = 2
MAX_PAGES = 400
# A signed-in crawl stops after this many pages: breadth first from its role's desk pages (desk_paths) and the home
# page, it has by then read every desk and the staff pages linked from there, and every section's index; deeper
# pages are the same templates the signed-out crawl read.
MAX_PAGES_SIGNED_IN = 60
DEMO_PASSWORD = "atazan-demo"  # noqa: S105 - the local demo's password, as the README prints it


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def _shape(path: str) -> str:
    parts = []
    for part in path.strip("/").split("/"):
        if re.search(r"\d", part) or len(part) > 24:
            part = "#"
        parts.append(part)
    return "/".join(parts)


def page_links(base: str, html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    out = []
    for href in parser.hrefs:
        split = urlsplit(urljoin(base, href))
        if split.scheme not in ("", "http") or (split.netloc and split.netloc != "testserver"):
            continue
        path = split.path
        if path.startswith(SKIPPED_PREFIXES) or path.lower().endswith(SKIPPED_SUFFIXES):
            continue
        out.append(path)
    return out


def crawl(
    client: Any, *, start: str = "/", max_pages: int = MAX_PAGES, desks: tuple[str, ...] = ()
) -> Iterator[tuple[str, int, str]]:
    """Every HTML page reachable from ``desks`` and ``start`` by links (query strings dropped, ``PER_SHAPE`` per
    shape), breadth first, a role's desks first: yields (path, status, html)."""
    queue = list(dict.fromkeys([*desks, start]))
    seen = set(queue)
    shapes: dict[str, int] = {}
    for path in queue:
        shapes[_shape(path)] = shapes.get(_shape(path), 0) + 1
    served = 0
    while queue and served < max_pages:
        path = queue.pop(0)
        response = client.get(path)
        if response.status_code in (301, 302, 303, 307, 308):
            # a section's index that redirects (/referendum/ → the current question) leads to pages too
            target = page_links(path, f'<a href="{response["Location"]}"></a>')
            if target and target[0] not in seen:
                seen.add(target[0])
                queue.append(target[0])
            continue
        content_type = response.get("Content-Type", "")
        if "text/html" not in content_type or getattr(response, "streaming", False):
            continue
        served += 1
        html = response.content.decode("utf-8", "replace")
        yield path, response.status_code, html
        if response.status_code != 200:
            continue
        for link in page_links(path, html):
            if link in seen:
                continue
            seen.add(link)
            shape = _shape(link)
            if shapes.get(shape, 0) >= PER_SHAPE:
                continue
            shapes[shape] = shapes.get(shape, 0) + 1
            queue.append(link)


def demo_build() -> None:
    """Every context's demo data, as `atazan demo` loads it, into the database the settings point at."""
    import importlib
    import importlib.util

    from rich.console import Console

    from atazan.contexts import CONTEXT_NAMES

    out = Console(quiet=True)
    for name in CONTEXT_NAMES:
        if importlib.util.find_spec(f"atazan.{name}.demo") is not None:
            importlib.import_module(f"atazan.{name}.demo").build(console=out)


def identities() -> list[str | None]:
    """Signed out, then each demo account (one per role)."""
    from atazan.accounts.demo import DEMO_USERS

    return [None, *(username for username, _, _ in DEMO_USERS)]


def desk_paths(client: Any, username: str | None) -> tuple[str, ...]:
    """The pages where ``username``'s role works (accounts.demo.DEMO_DESKS), as paths. A desk whose address needs
    an argument takes it from its section's index (where it redirects, or the links there): at most ``PER_SHAPE``
    of them (two elections' operator pages, say)."""
    from django.urls import NoReverseMatch, reverse

    from atazan.accounts.demo import DEMO_DESKS

    paths: list[str] = []
    for name in DEMO_DESKS.get(username or "", ()):
        try:
            paths.append(reverse(name))
        except NoReverseMatch:
            paths += _desk_with_arguments(client, name)
    return tuple(dict.fromkeys(paths))


def _desk_with_arguments(client: Any, name: str) -> list[str]:
    from django.urls import NoReverseMatch, Resolver404, resolve, reverse

    namespace = name.split(":", 1)[0]
    index = reverse(f"{namespace}:index")
    response = client.get(index)
    if response.status_code in (301, 302, 303, 307, 308):  # /referendum/ → the current question: its address will do
        candidates = page_links(index, f'<a href="{response["Location"]}"></a>')
    else:
        candidates = page_links(index, response.content.decode("utf-8", "replace"))
    found: list[str] = []
    for path in candidates:
        try:
            match = resolve(path)
        except Resolver404:
            continue
        if match.namespace != namespace or not match.kwargs:
            continue
        for kwargs in (match.kwargs, *({k: v} for k, v in match.kwargs.items())):
            try:
                desk = reverse(name, kwargs=kwargs)
            except NoReverseMatch:
                continue
            if desk not in found:
                found.append(desk)
            break
        if len(found) >= PER_SHAPE:
            break
    return found


def client_for(language: str, username: str | None) -> Any:
    from django.contrib.auth.models import User
    from django.test import Client

    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.cookies["atazan_language"] = language
    if username is not None:
        client.force_login(User.objects.get(username=username))
    return client


def english_report(languages: tuple[str, ...] = ("kk", "ru")) -> list[tuple[str, str, Any]]:
    """(language, identity, PageShare) for every page each identity reaches in each language; a page already
    measured for this language by an earlier identity is measured again only if its text differs."""
    from atazan.web.english_share import page_share

    rows = []
    for language in languages:
        measured: dict[str, str] = {}
        for username in identities():
            client = client_for(language, username)
            limit = MAX_PAGES if username is None else MAX_PAGES_SIGNED_IN
            for path, _status, html in crawl(client, max_pages=limit, desks=desk_paths(client, username)):
                if measured.get(path) == html:
                    continue
                measured[path] = html
                rows.append((language, username or "-", page_share(path, html)))
    return rows


def summary(rows: list[tuple[str, str, Any]], limit: float = 0.01) -> str:
    lines = []
    for language in sorted({r[0] for r in rows}):
        mine = [r for r in rows if r[0] == language]
        words = sum(r[2].words for r in mine)
        english = sum(len(r[2].english) for r in mine)
        over = [r for r in mine if r[2].share > limit]
        pages = len({r[2].url for r in mine})
        share = english / words if words else 0.0
        lines.append(
            f"{language}: {pages} pages ({len(mine)} page views), {english}/{words} words English = {share:.2%}, "
            f"{len({r[2].url for r in over})} pages above {limit:.0%}"
        )
    worst = sorted((r for r in rows if r[2].share > limit), key=lambda r: -r[2].share)
    for language, who, share in worst:
        lines.append(f"  {language} {who:22} {share.share:6.1%} {share.url}  [{share.sample(8)}]")
    return "\n".join(lines)


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atazan.settings")
    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    print(summary(english_report()))
