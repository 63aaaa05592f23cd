import pytest

from atazan.consultation.domain.workflow import IllegalTransition, Status, status_change_check


def test_registered_goes_under_review_then_to_an_answered_outcome():
    status_change_check(record="P1", current=Status.REGISTERED, target=Status.UNDER_REVIEW, answer="")
    status_change_check(record="P1", current=Status.UNDER_REVIEW, target=Status.ACCEPTED, answer="Учтено в ст. 53")


@pytest.mark.parametrize(
    ("current", "target", "answer", "merged", "rule"),
    [
        (Status.REGISTERED, Status.ACCEPTED, "yes", None, "cannot become"),
        (Status.ACCEPTED, Status.REJECTED, "no", None, "cannot become"),
        (Status.UNDER_REVIEW, Status.REJECTED, "  ", None, "official answer"),
        (Status.UNDER_REVIEW, Status.MERGED, "merged", None, "names the proposal"),
        (Status.UNDER_REVIEW, Status.MERGED, "merged", "P1", "itself"),
    ],
)
def test_illegal_changes_name_the_rule(current, target, answer, merged, rule):
    with pytest.raises(IllegalTransition, match=rule):
        status_change_check(record="P1", current=current, target=target, answer=answer, merged_into=merged)
