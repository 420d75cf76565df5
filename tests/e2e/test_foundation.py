"""The foundation as a new user meets it, in a real Chromium."""

import subprocess

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import download_pdf, sign_in, switch_language

pytestmark = pytest.mark.e2e


def test_manager_switches_to_japanese_imports_and_prints_the_catalogue(
    page: Page, base_url: str, tmp_path
):
    sign_in(page, base_url, "manager@example.com")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mia Manager")

    switch_language(page, "ja")
    expect(page.locator("html")).to_have_attribute("lang", "ja")

    page.locator(".nav-wide a[href='/competencies/']").click()
    expect(page.get_by_role("cell", name="顧客への共感")).to_be_visible()

    page.locator("a[href='/competencies/import']").click()
    page.locator("form:has(input[value='consulting']) button").click()
    expect(page.locator(".flash-success")).to_be_visible()

    pdf = tmp_path / "catalogue.pdf"
    text = download_pdf(page, page.locator("a[href='/competencies/catalogue.pdf']"), pdf)
    assert "論理的思考" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout
    assert "IPAexGothic" in fonts


def test_anonymous_visitor_sees_the_login_page_and_bad_credentials_are_explained(
    page: Page, base_url: str
):
    page.goto(base_url + "/")
    expect(page).to_have_url(base_url + "/login?next=%2F")
    sign_in(page, base_url, "manager@example.com", password="wrong-password")
    expect(page.locator(".flash-error")).to_contain_text("The email or password is not correct")
