"""The one renderer of the shared message kernel (atazan.messages): the owning context's catalogue first, figures
and dates as the reader's language writes them, a bad translation never shown (issue 15)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from atazan.messages.domain import Msg, Voice, build
from atazan.messages.render import render


def test_the_owning_context_s_catalogue_answers_before_the_merged_one() -> None:
    """Django merges every catalogue and the admin's wins for "Summary" («Краткая статистика»)."""
    with translation.override("ru"):
        merged = translation.gettext("Summary")
    assert render(Msg("Summary", domain="legislature"), "ru") == "Краткое содержание" != merged


def test_a_message_without_an_owner_falls_back_to_the_merged_catalogue() -> None:
    assert render(Msg("Referendum"), "ru") == "Референдум"
    assert render(Msg("a sentence no catalogue has"), "kk") == "a sentence no catalogue has"


def test_figures_of_five_digits_or_more_never_break_and_years_stay_as_written() -> None:
    message = build("{year}: {n} of {m}", {"year": 2026, "n": 950, "m": 12482613})
    assert render(message, "ru") == "2026: 950 of 12\u00a0482\u00a0613"
    assert render(message, "kk") == "2026: 950 of 12\u00a0482\u00a0613"
    assert render(message, "en") == "2026: 950 of 12,482,613"
    assert message.render() == "2026: 950 of 12482613"  # English for the console and logs, as before
    assert message.as_dict()["params"] == {"m": "12482613", "n": "950", "year": "2026"}


def test_dates_are_written_as_the_reader_s_language_writes_them() -> None:
    message = build("on {day}", {"day": dt.date(2026, 3, 15)})
    assert render(message, "en") == "on 2026-03-15"
    assert render(message, "ru") == "on 15 марта 2026 г."
    assert render(message, "kk") == "on 2026 жылғы 15 наурыз"


def test_a_voice_labels_its_messages_and_checks_their_fields() -> None:
    voice = Voice("referendum")
    said = voice.coded("counted", "{reported} of {registered} precincts counted", reported=1, registered=2)
    assert (said.code, said.domain) == ("counted", "referendum")
    assert render(said, "ru") == "учтено 1 из 2 участков"
    with pytest.raises(ValueError, match="fields"):
        voice.msg("{a} and {b}", a=1)


def test_a_message_that_cannot_be_filled_is_shown_as_written_instead_of_failing() -> None:
    # a value missing (a stored message from an older template, say): the template as written, never an error page
    broken = Msg("{reported} of {registered} precincts counted", (("reported", 1),), domain="referendum")
    assert render(broken, "ru") == "{reported} of {registered} precincts counted"
