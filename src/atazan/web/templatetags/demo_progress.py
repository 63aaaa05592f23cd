"""`{% demo_progress %}`: while `atazan demo --serve` loads the demo's heavier parts in the background worker, every
page says which part is loading, with a progress bar (atazan.demo keeps the progress in the shared cache)."""

from __future__ import annotations

from typing import Any

from django import template

from atazan.contexts import CONTEXTS

register = template.Library()


@register.inclusion_tag("web/_demo_progress.html")
def demo_progress() -> dict[str, Any]:
    from atazan.demo import progress

    state = progress()
    if state is None:
        return {"state": None}
    labels = {c.name: c.label for c in CONTEXTS}
    parts = list(state["parts"])
    current = state.get("failed") or state.get("current") or (parts[0] if parts else "")
    return {
        "state": state,
        "total": len(parts),
        "done": len(state["done"]),
        "part": labels.get(current, current),
        "failed": bool(state.get("failed")),
    }
