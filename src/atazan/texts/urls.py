"""Texts pages: reading (urls_reading.py) and comparison (urls_comparison.py) are mounted together at /texts/."""

from importlib import import_module
from importlib.util import find_spec

app_name = "texts"
urlpatterns: list = []
for _part in ("urls_reading", "urls_comparison"):
    if find_spec(f"atazan.texts.{_part}") is not None:
        urlpatterns += import_module(f"atazan.texts.{_part}").urlpatterns
