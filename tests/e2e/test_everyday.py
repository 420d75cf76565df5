"""Everyday use in a real Chromium: every navigation page fits a phone (390 px) for
every role in both languages; the language switch takes effect on change."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in, switch_language

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
DEMO_ROLES = ("admin", "manager", "interviewer", "csm", "newhire")


def _navigation_paths(page: Page) -> list[str]:
    """The pages the navigation offers this user (the phone's menu holds them all)."""
    return page.eval_on_selector_all(
        ".nav-menu a", "links => links.map(a => a.getAttribute('href'))")


@pytest.mark.parametrize("who", DEMO_ROLES)
def test_every_navigation_page_fits_a_phone_in_both_languages(page: Page, base_url, who):
    page.set_viewport_size(PHONE)
    sign_in(page, base_url, f"{who}@example.com")
    too_wide = []
    for language in ("en", "ja"):
        switch_language(page, language)
        expect(page.locator("html")).to_have_attribute("lang", language)
        paths = ["/", *_navigation_paths(page)]
        assert len(paths) > 1 or who == "newhire"
        for path in paths:
            page.goto(base_url + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                too_wide.append((language, path, width))
    switch_language(page, "en")
    assert too_wide == []


def test_the_phone_menu_opens_and_leads_to_a_page(page: Page, base_url):
    page.set_viewport_size(PHONE)
    sign_in(page, base_url, "manager@example.com")
    expect(page.locator(".nav-wide")).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    page.locator(".nav-menu").get_by_role("link", name="Openings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Openings")
    # The user menu stays within reach on a phone.
    user_menu = page.locator(".user-menu summary")
    expect(user_menu).to_be_visible()
    box = user_menu.bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE["width"]


def test_the_home_page_lists_an_interviewers_and_a_managers_to_dos(page: Page, base_url):
    sign_in(page, base_url, "interviewer@example.com")
    todo = page.locator(".todo-list a", has_text="scorecard").first
    expect(todo).to_be_visible()
    todo.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My interviews")
    sign_in(page, base_url, "manager@example.com")
    expect(page.locator(".todo-list")).to_contain_text("ready for a decision")
    expect(page.get_by_role("heading", name="Open openings")).to_be_visible()


def test_a_time_typed_in_tokyo_is_shown_in_tokyo(page: Page, base_url):
    sign_in(page, base_url, "manager@example.com")
    page.goto(f"{base_url}/account/preferences")
    page.get_by_label("Time zone").select_option("Asia/Tokyo")
    page.get_by_role("button", name="Save preferences").click()
    try:
        page.goto(f"{base_url}/hiring/openings")
        page.locator("table a[href*='/hiring/openings/']").first.click()
        page.locator("table a", has_text="Schedule interview").first.click()
        expect(page.get_by_text("Time zone: Asia/Tokyo")).to_be_visible()
        page.get_by_label("Date and time").fill("2031-04-01T10:00")
        page.locator("input[name=panel]").first.check()
        page.get_by_role("button", name="Schedule interview").click()
        expect(page.locator("main")).to_contain_text("10:00\u202fAM JST")
    finally:
        page.goto(f"{base_url}/account/preferences")
        page.get_by_label("Time zone").select_option("")
        page.get_by_role("button", name="Save preferences").click()


@pytest.mark.parametrize("who", ["admin", "manager"])
def test_the_navigation_fits_one_row_at_1366_px_in_both_languages(page: Page, base_url, who):
    page.set_viewport_size({"width": 1366, "height": 800})
    sign_in(page, base_url, f"{who}@example.com")
    for language in ("en", "ja"):
        switch_language(page, language)
        links = page.locator(".nav-wide a")
        tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
        assert len(tops) == 1, (language, tops)
    switch_language(page, "en")
