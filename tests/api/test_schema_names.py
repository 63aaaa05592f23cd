"""OpenAPI component names are the schema classes' names: two classes with one name silently share one schema,
and clients get the wrong shape documented. Every API schema class must have a name of its own."""

from collections import defaultdict

from ninja import Schema

import atazan.api  # noqa: F401 - imports every context's API module


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_subclasses(sub))
    return found


def test_every_api_schema_class_name_is_unique() -> None:
    by_name: dict[str, set[str]] = defaultdict(set)
    for cls in _subclasses(Schema):
        if cls.__module__.startswith("atazan."):
            by_name[cls.__name__].add(cls.__module__)
    clashes = {name: sorted(modules) for name, modules in by_name.items() if len(modules) > 1}
    assert not clashes, f"schema names used in more than one module: {clashes}"
