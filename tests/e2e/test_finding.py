"""Finding things in a real Chromium: the candidate search from the header on a wide
screen and from the menu on a phone, and a list sorted by clicking its header."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1366, "height": 900}
CANDIDATE = "Kara Yamada"  # a candidate of the demo opening (cshire/interviews/demo.py)


def test_a_manager_finds_a_candidate_from_the_header_and_opens_the_scorecard(page: Page,
                                                                             base_url):
    page.set_viewport_size(WIDE)
    sign_in(page, base_url, "manager@example.com")
    page.get_by_role("link", name="Find a candidate").click()
    search = page.get_by_label("Name or email")
    expect(search).to_be_focused()
    search.fill("kara")
    search.press("Enter")
    page.get_by_role("link", name=CANDIDATE).click()
    expect(page).to_have_url(re.compile(r"/hiring/applications/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(CANDIDATE)


def test_on_a_phone_the_search_sits_in_the_menu_and_its_results_fit(page: Page, base_url):
    page.set_viewport_size(PHONE)
    sign_in(page, base_url, "interviewer@example.com")
    expect(page.locator(".nav-search")).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    box = page.locator(".nav-menu").get_by_placeholder("Find a candidate")
    box.fill("yamada")
    box.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a candidate")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # An interviewer is led to the interview they sit on, never to the scorecard.
    page.get_by_role("link", name=CANDIDATE).click()
    expect(page).to_have_url(re.compile(r"/hiring/interviews/\d+$"))


def test_the_opening_sorts_its_candidates_by_fit_from_the_header(page: Page, base_url):
    page.set_viewport_size(WIDE)
    sign_in(page, base_url, "manager@example.com")
    page.get_by_role("link", name="Openings").first.click()
    page.locator("tbody a").first.click()
    page.get_by_role("link", name="Fit (0–100)").click()
    header = page.locator("th", has_text="Fit (0–100)")
    expect(header).to_have_attribute("aria-sort", "descending")
    cells = page.locator("table.candidate-list tbody td.num").all_inner_texts()
    fits = [int(text) for text in cells if text.strip().isdigit()]
    assert len(fits) >= 2 and fits == sorted(fits, reverse=True)
    page.get_by_role("link", name="Fit (0–100)").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
