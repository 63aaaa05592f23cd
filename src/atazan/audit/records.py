"""Which stored records the audit log vouches for, and how to re-read them.

An entry lists records as `<kind>:<locator>` with a content digest. Each context that writes official records puts
a module `atazan/<context>/audit_records.py` next to its services with a mapping `RESOLVERS` from a kind (by
convention the prefix of the actions that write it, e.g. `referendum.protocol`) to a resolver: given locators, it
returns each one's digest recomputed from the stored row today, or None when the row is gone. A locator the resolver
leaves out is reported as not checkable, never silently passed.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Mapping, Sequence

Resolver = Callable[[Sequence[str]], Mapping[str, str | None]]

_extra: dict[str, Resolver] = {}


def resolver_register(kind: str, resolver: Resolver) -> None:
    """Register a resolver by hand (tests, plug-ins); the contexts' own are found by `resolvers()`."""
    _extra[kind] = resolver


def resolvers() -> dict[str, Resolver]:
    from atazan.contexts import CONTEXT_NAMES

    found: dict[str, Resolver] = {}
    for name in CONTEXT_NAMES:
        module_name = f"atazan.{name}.audit_records"
        if importlib.util.find_spec(module_name) is None:
            continue
        found.update(importlib.import_module(module_name).RESOLVERS)
    found.update(_extra)
    return found


def record_key(kind: str, locator: str) -> str:
    return f"{kind}:{locator}"


def records_resolve(keys: Sequence[str]) -> dict[str, str | None]:
    """Today's digest of each record key (None: deleted); keys of a kind nobody resolves are left out."""
    by_kind: dict[str, list[str]] = {}
    for key in keys:
        kind, _, locator = key.partition(":")
        by_kind.setdefault(kind, []).append(locator)
    table = resolvers()
    result: dict[str, str | None] = {}
    for kind, locators in by_kind.items():
        resolver = table.get(kind)
        if resolver is None:
            continue
        for locator, digest in resolver(locators).items():
            result[record_key(kind, locator)] = digest
    return result
