"""Every message template of every context has a Kazakh and a Russian translation with the same named fields, in the
catalogue of the context that owns it (issue 15: one way to speak, ``atazan.messages``).

The templates are found in the sources, not in a hand-kept list: every call, in any module of ``src/atazan``, of a
callable the shared kernel lists in ``TEMPLATE_TAKERS`` (``Msg``, ``_``, a context's ``Voice.msg``/``coded``/``label``
and the contexts' aliases of them) whose template is written as a literal, plus every table given to ``declare``
(codes → templates, such as the referendum's ``TEMPLATES`` and the rules' ``LABELS``). A call that names a code of a
declared table must name one that exists. The catalogue is the owning context's compiled ``django.mo``, read
directly, as ``atazan.messages.render`` reads it first (so that another app's catalogue never answers for it).
"""

from __future__ import annotations

import ast
import importlib
import string
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.utils import translation

import atazan
from atazan.messages.domain import TEMPLATE_TAKERS, Msg, Voice, declared, declared_context, fields
from atazan.messages.render import catalogue, render

PACKAGE = Path(atazan.__file__).resolve().parent
LANGUAGES = ("kk", "ru")
# Words that show a module may build a message; the others are not imported.
HINTS = ("msg(", "Msg(", "_(", "coded(", "label(", "declare(")


@dataclass(frozen=True, slots=True, order=True)
class Found:
    domain: str  # the owning context (its catalogue)
    context: str  # pgettext context, "" for none
    template: str
    where: str  # path:line, for the failure message


def _module_name(path: Path) -> str:
    return ".".join(("atazan", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")


def _owner(module: str) -> str:
    return module.split(".")[1]


def _resolve(node: ast.expr, namespace: dict[str, object]) -> object:
    if isinstance(node, ast.Name):
        return namespace.get(node.id)
    if isinstance(node, ast.Attribute):
        base = _resolve(node.value, namespace)
        return getattr(base, node.attr, None) if base is not None else None
    return None


def _taker(obj: object) -> object:
    return getattr(obj, "__func__", obj)


def scan(source: str, namespace: dict[str, object], module: str) -> tuple[list[Found], list[str]]:
    """The literal templates of ``source`` (a module named ``module`` whose globals are ``namespace``), and the codes
    it names of declared tables."""
    found: list[Found] = []
    codes: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        target = _resolve(node.func, namespace)
        if target is None:
            continue
        try:
            position = TEMPLATE_TAKERS.get(_taker(target), -1)
        except TypeError:  # an unhashable callee
            continue
        if position == -1:
            continue
        owner = target.__self__.domain if isinstance(getattr(target, "__self__", None), Voice) else _owner(module)
        keywords = {k.arg: k.value for k in node.keywords if k.arg}
        context = keywords.get("context")
        context_text = context.value if isinstance(context, ast.Constant) and isinstance(context.value, str) else ""
        where = f"{module}:{node.lineno}"
        if position is None:
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                codes.append(first.value)
            continue
        arg = node.args[position] if len(node.args) > position else keywords.get("template")
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
            found.append(Found(owner, context_text, arg.value, where))
    return found, codes


def _sources() -> list[Path]:
    skip = {"migrations", "tests"}
    return [
        p
        for p in sorted(PACKAGE.rglob("*.py"))
        if not skip & set(p.relative_to(PACKAGE).parts) and p.parts[-2:] != ("messages", "domain")
    ]


def templates() -> tuple[list[Found], list[tuple[str, str]]]:
    """Every template the sources can build, and every (module, code) naming a declared table's code."""
    found: list[Found] = []
    codes: list[tuple[str, str]] = []
    for path in _sources():
        source = path.read_text(encoding="utf-8")
        if not any(hint in source for hint in HINTS):
            continue
        name = _module_name(path)
        if name in {"atazan.settings", "atazan.wsgi"}:
            continue
        module = importlib.import_module(name)
        if name.startswith("atazan.messages"):
            continue
        more, named = scan(source, vars(module), name)
        found += more
        codes += [(name, code) for code in named]
    for domain, table in declared().items():
        found += [
            Found(domain, declared_context(domain, key), template, f"declared table of {domain}")
            for key, template in table.items()
        ]
    return sorted(set(found)), codes


def _wordless(template: str) -> bool:
    """A template of fields and punctuation only ("{cite}: {text}"): the same in every language."""
    return not any(literal.strip(" ,.:;—-–()«»") for literal, *_ in string.Formatter().parse(template))


def gaps(found: list[Found], language: str) -> list[str]:
    """What is missing: templates without a translation in their context's catalogue, or whose translation has
    other fields."""
    out = []
    for item in found:
        if _wordless(item.template):
            continue
        own = catalogue(item.domain, language)
        shown = own.pgettext(item.context, item.template) if item.context else own.gettext(item.template)
        if shown == item.template:
            out.append(f"{language}: no translation in {item.domain}/locale of {item.template!r} ({item.where})")
        elif fields(item.template) != fields(shown):
            out.append(f"{language}: other fields in {item.domain}/locale for {item.template!r} → {shown!r}")
    return out


FOUND, CODES = templates()


def test_the_scan_finds_every_context_s_templates() -> None:
    owners = {f.domain for f in FOUND}
    assert {"consultation", "elections", "referendum", "rules"} <= owners
    assert len(FOUND) > 400
    texts = {f.template for f in FOUND}
    assert "{field} is at most {limit} characters ({given} given)" in texts  # consultation, msg(code, template)
    assert "the Government" in texts  # rules, a declared label
    assert "{reported} of {registered} precincts counted" in texts  # referendum, a declared table


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_template_has_a_translation_with_the_same_fields(language: str) -> None:
    missing = gaps(FOUND, language)
    assert not missing, f"{len(missing)} templates:\n" + "\n".join(missing)


def test_every_code_a_call_names_is_declared() -> None:
    known = {code for table in declared().values() for code in table}
    assert CODES and not [(m, c) for m, c in CODES if c not in known]


def test_the_check_catches_a_template_nobody_translated() -> None:
    source = (
        "from atazan.messages.domain import Voice, _\n"
        "V = Voice('referendum')\n"
        "a = V.coded('new_rule', 'a sentence nobody translated: {n}', n=1)\n"
        "b = _('precinct {precinct} is not on the precinct register; a protocol never creates a precinct')\n"
    )
    namespace: dict[str, object] = {}
    exec(compile(source, "<fabricated>", "exec"), namespace)  # noqa: S102 - a fixed source of this test
    found, _codes = scan(source, namespace, "atazan.referendum.fabricated")
    assert [f.template for f in found] == [
        "a sentence nobody translated: {n}",
        "precinct {precinct} is not on the precinct register; a protocol never creates a precinct",
    ]
    for language in LANGUAGES:
        assert [g.split(" of ")[1].split(" (")[0] for g in gaps(found, language)] == [
            "'a sentence nobody translated: {n}'"
        ]


def test_a_translation_with_other_fields_is_caught_and_never_shown() -> None:
    item = Found("referendum", "", "{count} protocols wait in review", "test")
    assert not gaps([item], "ru")
    assert fields("{count} protocols") != fields("{n} протоколов")
    with translation.override("ru"):
        shown = render(Msg("{count} protocols wait in review", (("count", 3),), domain="referendum"))
    assert shown != "3 protocols wait in review" and "3" in shown
