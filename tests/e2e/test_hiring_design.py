"""Issue 3 as the demo hiring manager does it, in a real Chromium: a profile from a
starter set, a suggestion from exemplar ratings, a 10-question kit, a swap, publishing,
a new version, and the interview guide PDF."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import download_pdf, sign_in

pytestmark = pytest.mark.e2e


def _rate_team(page: Page) -> None:
    """The first three members are the high performers, clearly ahead on the first two
    competencies and level with the rest on the others."""
    rows = page.locator("table.exemplar-grid tbody tr")
    for index in range(rows.count()):
        row = rows.nth(index)
        high = index < 3
        if high:
            row.locator("input[type=checkbox]").check()
        selects = row.locator("select")
        for column in range(selects.count()):
            if column < 2:
                value = ("5", "4", "5")[index] if high else ("2", "3")[index % 2]
            else:
                value = ("3", "4")[(index + column) % 2]
            selects.nth(column).select_option(value)


def test_manager_builds_publishes_and_versions_a_kit(page: Page, base_url: str, tmp_path):
    sign_in(page, base_url, "manager@example.com")
    page.goto(base_url + "/hiring/profiles")
    page.get_by_role("button", name="From starter set").click()
    page.get_by_role("button", name=re.compile("Target-driven")).click()
    expect(page.locator(".flash-success")).to_contain_text("created from the starter set")
    profile_url = page.url

    page.get_by_role("button", name="Rate team members").first.click()
    _rate_team(page)
    page.get_by_role("button", name="Save ratings").click()
    page.get_by_role("button", name="Suggest from ratings").first.click()
    expect(page.get_by_text("differentiating").first).to_be_visible()
    page.get_by_role("button", name="Accept suggestion").click()
    expect(page.locator(".flash-success")).to_be_visible()

    page.goto(profile_url)
    page.get_by_role("button", name="New kit").click()
    page.get_by_label("Kit name").fill("Target-driven CSM, first interview")
    page.get_by_label("Number of questions", exact=True).fill("10")
    page.get_by_role("button", name="Build kit").click()
    allocation = page.locator("table.allocation tbody tr")
    expect(allocation).to_have_count(7)
    counts = [int(allocation.nth(i).locator("td").last.inner_text()) for i in range(7)]
    assert sum(counts) == 10 and counts[0] >= counts[-1]

    item = page.locator("ol.kit-items > li", has=page.locator(".swap-form")).first
    item_id = item.get_attribute("id")
    before = item.locator(".kit-question").inner_text()
    item.locator(".swap-form select").select_option(index=0)
    item.get_by_role("button", name="Swap").click()
    expect(page.locator(f"#{item_id} .kit-question")).not_to_have_text(before)

    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".flash-success")).to_be_visible()
    version_one = page.url
    published_questions = page.locator(".kit-question").all_text_contents()

    page.get_by_role("button", name="Edit (new version)").click()
    expect(page).to_have_url(re.compile(r"/versions/2$"))
    page.goto(version_one)
    assert page.locator(".kit-question").all_text_contents() == published_questions

    text = download_pdf(page, page.get_by_role("button", name="Interview guide (PDF)"),
                        tmp_path / "guide.pdf")
    assert "Target-driven CSM, first interview" in text
