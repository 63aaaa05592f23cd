import pytest

from atazan.consultation.domain.analysis import proposals_analyze, proposals_read_csv
from atazan.consultation.domain.errors import InvalidProposalRow
from atazan.consultation.domain.themes import CharNgramEmbedder


def test_csv_with_optional_columns_reads():
    records = proposals_read_csv("id,text,language,region,submitted_at\nP1,Текст статья 53,ru,Astana,2025-10-09\n")
    assert records[0].id == "P1" and records[0].language == "ru" and records[0].submitted_at.year == 2025


@pytest.mark.parametrize(
    ("csv", "message"),
    [
        ("", "row 1"),
        ("id,body\nP1,x\n", "row 1: the header must contain id and text"),
        ("id,text,colour\nP1,x,red\n", "allowed columns"),
        ("id,text\nP1,x\nP1,y\n", "row 3 (id P1): id must be unique"),
        ("id,text\nP1,\n", "row 2 (id P1): text is required"),
        ("id,text\n,x\n", "row 2: id is required"),
        ("id,text,language\nP1,x,de\n", "language must be kk, ru or en"),
        ("id,text,submitted_at\nP1,x,yesterday\n", "submitted_at"),
        ("id,text\nP1,x,extra\n", "as many fields"),
    ],
)
def test_bad_rows_are_refused_naming_row_and_rule(csv, message):
    with pytest.raises(InvalidProposalRow, match=message.replace("(", r"\(").replace(")", r"\)")):
        proposals_read_csv(csv)


def test_report_has_the_contract_shape():
    text = (
        "id,text\n"
        'P1,"Здравствуйте! Предлагаю изменить статью 53: Курултай из 100 депутатов. С уважением, Ким"\n'
        "P2,Land must not be sold to foreigners; see Art. 11.\n"
        'P3,"Предлагаю изменить статью 53: Курултай из 100 депутатов"\n'
        "P4,Жерді шетелдіктерге сатуға болмайды\n"
    )
    report = proposals_analyze(proposals_read_csv(text), embedder=CharNgramEmbedder())
    data = report.as_json()
    assert set(data) == {"duplicate_groups", "themes", "articles"}
    assert data["duplicate_groups"] == [["P1", "P3"]]
    assert data["articles"] == {"P1": ["53"], "P2": ["11"], "P3": ["53"]}
    members = sorted(p for t in data["themes"] for p in t["proposals"])
    assert members == ["P1", "P2", "P3", "P4"]
    assert all(isinstance(t["label"], str) and t["label"] for t in data["themes"])
