"""The referendum's drawings carry their figures as text (issue 15): a screen reader hears what the bars show."""

from __future__ import annotations

from atazan.referendum.charts import histogram_svg


def test_histogram_lists_every_bin_in_its_description() -> None:
    svg = histogram_svg([3, 0, 7, 1], title="Turnout <by precinct>", x_label="%")
    assert "<title>Turnout &lt;by precinct&gt;</title>" in svg
    assert "<desc>0–25%: 3; 25–50%: 0; 50–75%: 7; 75–100%: 1</desc>" in svg
