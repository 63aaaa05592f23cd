"""Texts API under /api/texts/: reading (api_reading.py) and comparison (api_comparison.py)."""

from importlib import import_module
from importlib.util import find_spec

from ninja import Router

router = Router(tags=["texts"])
for _part in ("api_reading", "api_comparison"):
    if find_spec(f"atazan.texts.{_part}") is not None:
        router.add_router("", import_module(f"atazan.texts.{_part}").router)
