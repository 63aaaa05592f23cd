"""Comparison pages: /texts/compare/<from>/<to>/<lang>/ (table, stats) and its CSV and DOCX downloads."""

from django.urls import path

from . import urls_reading  # noqa: F401  (registers the textlang converter)
from . import views_comparison as v

urlpatterns = [
    path("compare/<int:from_year>/<int:to_year>/<textlang:lang>/", v.compare_table, name="compare"),
    path("compare/<int:from_year>/<int:to_year>/<textlang:lang>/table.csv", v.compare_csv, name="compare_csv"),
    path("compare/<int:from_year>/<int:to_year>/<textlang:lang>/table.docx", v.compare_docx, name="compare_docx"),
]
