"""domain.intake and domain.import_file without Django: the rules every consultation text and export passes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atazan.consultation.domain import intake
from atazan.consultation.domain.errors import InputRefused
from atazan.consultation.domain.import_file import EXTRA_CELLS, FileUnreadable, table_from_csv, text_decode
from atazan.consultation.domain.intake import record_of, registration_number_parse, text_clean

ROW = record_of(row=2)
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize(
    "number", ["ЖТ-2025-01234567", "ЗТ-2025-000123", "EO-20261203-1A2B3C4D", "SYN-S000001", "ZT-77", "ЗТ-0", "ӘҒ-1"]
)
def test_real_and_platform_numbers_follow_the_grammar(number):
    assert registration_number_parse(number) == number


@pytest.mark.parametrize(
    "number",
    ["../../x", "ЖТ/2025", "ЖТ.1", "ЖТ 1", "ЖТ--1", "-ЖТ", "ЖТ-", "<b>", "ZТ-1", "A-1-2-3-4-5", "A" * 41, "ЖТ-١٢",
     "ЖТ\x00", "ЖТ\u202e1", ""],
)  # fmt: skip
def test_anything_else_is_refused_with_the_rule(number):
    with pytest.raises(InputRefused) as refused:
        registration_number_parse(number)
    assert refused.value.code in {"registration_number", "registration_number_required"}


def test_numbers_are_trimmed_and_capitalised():
    assert registration_number_parse("  жт-2025-1 ") == "ЖТ-2025-1"


@given(st.text(max_size=60))
def test_a_parsed_number_never_holds_a_slash_a_dot_or_a_space(raw):
    try:
        number = registration_number_parse(raw)
    except InputRefused:
        return
    assert not set(number) & set("/\\. \x00%<>") and len(number) <= 40


def test_bidi_controls_are_removed_and_nul_is_refused():
    assert text_clean(intake.TEXT, f" а{BIDI}б \n", record=ROW) == "аб"
    with pytest.raises(InputRefused, match=r"row 2: text contains a NUL character \(position 2\)"):
        text_clean(intake.TEXT, "а\x00б", record=ROW)


def test_line_breaks_are_allowed_in_a_text_but_not_in_a_surname():
    assert text_clean(intake.TEXT, "а\r\nб\tв", record=ROW) == "а\r\nб\tв"
    with pytest.raises(InputRefused, match=r"surname contains the control character U\+000A"):
        text_clean(intake.SURNAME, "Ким\nОльга", record=ROW)


def test_a_lone_surrogate_is_refused():
    with pytest.raises(InputRefused, match="not valid Unicode"):
        text_clean(intake.TEXT, "а\ud800", record=ROW)


def test_the_limit_counts_characters_after_cleaning():
    assert text_clean(intake.SURNAME, "А" * 100 + "\u202e", record=ROW) == "А" * 100
    with pytest.raises(InputRefused, match=r"surname is at most 100 characters \(101 given\)"):
        text_clean(intake.SURNAME, "А" * 101, record=ROW)


@given(st.text(max_size=200))
def test_a_clean_text_has_no_nul_no_bidi_control_and_fits(raw):
    try:
        clean = text_clean(intake.PHONE, raw, record=ROW)
    except InputRefused:
        return
    assert "\x00" not in clean and not set(clean) & set(BIDI) and len(clean) <= intake.PHONE.limit


def test_article_numbers():
    assert intake.article_number_parse(" 97-1 ", record=ROW) == "97-1"
    for bad in ("", "0", "53a", "1234", "53-1-2", "x" * 100):
        with pytest.raises(InputRefused):
            intake.article_number_parse(bad, record=ROW)


# import_file


CSV = "registration_number,surname,name,iin,region,language,text\nЖТ-1,Ким,Ольга,1,Astana,ru,Текст\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [(CSV.encode(), "UTF-8"), (b"\xef\xbb\xbf" + CSV.encode(), "UTF-8 with a byte-order mark"),
     (CSV.encode("utf-16"), "UTF-16"), (CSV.encode("cp1251"), "windows-1251")],
)  # fmt: skip
def test_encodings_read(data, encoding):
    assert text_decode(data, file="x.csv") == (CSV, encoding)


def test_windows_1251_and_kz1048_disagree_on_kazakh_letters():
    with pytest.raises(FileUnreadable) as refused:
        text_decode("Қазақ тілі".encode("kz1048"), file="x.csv")
    assert refused.value.code == "encoding_ambiguous" and "KZ-1048" in str(refused.value)


def test_a_binary_file_is_not_csv():
    with pytest.raises(FileUnreadable, match="NUL character"):
        text_decode(b"registration_number\x00\x01", file="x.csv")


def test_rows_keep_their_spreadsheet_numbers_and_surplus_cells():
    table = table_from_csv((CSV + "\n" + "ЖТ-2,Ким,Ольга,1,Astana,ru,Текст,extra\n").encode(), file="x.csv")
    assert table.rows[1] == {} and table.rows[2][EXTRA_CELLS] == "extra"
    assert table.header[0] == "registration_number"


def test_a_header_without_the_required_columns_is_unreadable():
    with pytest.raises(FileUnreadable, match="lacks the column"):
        table_from_csv(b"name,votes\nx,1\n", file="x.csv")
    with pytest.raises(FileUnreadable, match="more than once"):
        table_from_csv(("text," + CSV).encode(), file="x.csv")
