"""The demo operator in Chromium: logs in, uploads a protocol that breaks a control relation and sees the rule,
corrects it from the review queue so that it is accepted, and the public dashboard — open in another tab — takes the
new protocol in by itself (htmx poll); then enters a protocol by hand, which the form checks before filing."""

import pytest
from playwright.sync_api import expect
from tests.referendum import factories

from atazan.accounts.demo import DEMO_PASSWORD, DEMO_USERS
from atazan.accounts.services import user_create
from atazan.referendum.domain.units import UNITS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BAD_FILE = (
    b"precinct,unit,district,registered,took_part,yes,no,invalid,not_counted\n"
    b"op-7,Karaganda Region,,900,600,500,80,10,11\n"
)


@pytest.fixture
def referendum():
    q = factories.question()
    factories.load(q, [factories.protocol(f"{u.code}-1", u.code) for u in UNITS])
    # the precincts the operator files for are on the register (a protocol never creates one)
    factories.register(
        [
            factories.protocol("op-7", "karaganda", registered=900, district=""),
            factories.protocol("op-8", "abai", registered=100, district=""),
        ]
    )
    return q


def test_operator_uploads_sees_the_rule_fixes_it_and_the_dashboard_follows(page, english, referendum) -> None:
    username, name, roles = next(u for u in DEMO_USERS if u[0] == "operator")
    user_create(username=username, password=DEMO_PASSWORD, roles=list(roles), full_name=name)
    slug = referendum.slug

    dashboard = page.context.new_page()
    dashboard.goto(f"/referendum/{slug}/")
    expect(dashboard.get_by_test_id("precincts-counted")).to_have_text("20")
    took_part = dashboard.get_by_test_id("took-part").inner_text()

    page.goto(f"/accounts/login/?next=/referendum/{slug}/operator/")
    page.fill("#id_username", "operator")
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"**/referendum/{slug}/operator/")

    # The upload: the row breaks "took part = yes + no + invalid + not counted"; the page names the rule and source.
    page.set_input_files(
        "[data-testid=upload-form] input[type=file]",
        files=[{"name": "evening.csv", "mimeType": "text/csv", "buffer": BAD_FILE}],
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Upload and import").click()
    rules = page.get_by_test_id("rejected-rules")
    expect(rules.locator("li[data-rule=balance]")).to_contain_text("op-7")
    expect(rules).to_contain_text("Referendum Law, Art. 30(1)")
    assert page.get_by_test_id("accepted").inner_text() == "0"

    # From the review queue: accept the corrected protocol (the recount found 10 ballots not counted, not 11).
    page.get_by_role("link", name="Open the review queue").click()
    page.get_by_test_id("review-table").locator("tr", has_text="op-7").get_by_role("link", name="Resolve").click()
    expect(page.get_by_test_id("item-rule")).to_have_attribute("data-code", "balance")  # the code for machines only
    expect(page.get_by_test_id("item-rule")).to_contain_text("votes do not add up")  # the reader sees the rule's label
    form = page.get_by_test_id("accept-form")
    expect(form.locator("input[name=yes]")).to_have_value("500")
    form.locator("input[name=not_counted]").fill("11")
    form.locator("textarea[name=note]").fill("Recount")
    with page.expect_navigation():
        form.get_by_role("button", name="Accept the corrected protocol").click()
    expect(page.get_by_test_id("accept-rules").locator("li[data-rule=balance]")).to_be_visible()  # still wrong
    form = page.get_by_test_id("accept-form")
    form.locator("input[name=not_counted]").fill("10")
    form.locator("textarea[name=note]").fill("Recount of 27 March: 10 ballots not counted")
    with page.expect_navigation():
        form.get_by_role("button", name="Accept the corrected protocol").click()
    page.wait_for_url(f"**/referendum/{slug}/review/")
    expect(page.locator(".messages")).to_contain_text("op-7")
    expect(page.get_by_test_id("resolved-table")).to_contain_text("Recount of 27 March")

    # The dashboard tab updates itself.
    expect(dashboard.get_by_test_id("precincts-counted")).to_have_text("21", timeout=20_000)
    assert dashboard.get_by_test_id("took-part").inner_text() != took_part

    # A protocol entered by hand is checked before filing (htmx swaps the desk in place).
    page.goto(f"/referendum/{slug}/operator/")
    entry = page.get_by_test_id("entry-form")
    for field, value in {"precinct": "op-8", "registered": "100", "took_part": "90", "yes": "80", "no": "5"}.items():
        entry.locator(f"input[name={field}]").fill(value)
    entry.locator("select[name=unit]").select_option("abai")
    entry.locator("input[name=invalid]").fill("5")
    entry.locator("input[name=not_counted]").fill("0")
    entry.locator("input[name=ballots_issued]").fill("80")
    entry.get_by_role("button", name="File the protocol").click()
    expect(page.get_by_test_id("entry-rules").locator("li[data-rule=took_part_exceeds_issued]")).to_be_visible()
    page.get_by_test_id("entry-form").locator("input[name=ballots_issued]").fill("95")
    page.get_by_test_id("entry-form").get_by_role("button", name="File the protocol").click()
    expect(page.get_by_test_id("accepted")).to_have_text("1")
    expect(page.get_by_test_id("desk-counted")).to_have_text("22")
