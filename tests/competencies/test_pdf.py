"""The printable catalogue renders Japanese with real glyphs (see TOOLCHAIN.md)."""

import subprocess

from cshire.auth.models import Role
from cshire.competencies.services import import_archetype
from cshire.extensions import db


def _pdf_text_and_fonts(tmp_path, data: bytes) -> tuple[str, str]:
    path = tmp_path / "catalogue.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout
    return text, fonts


def test_catalogue_pdf_in_japanese_embeds_a_cjk_font(app, as_role, tmp_path, weasyprint_warnings):
    import_archetype("careful_support")
    db.session.commit()
    client = as_role(Role.CSM, locale="ja")
    response = client.get("/competencies/catalogue.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text, fonts = _pdf_text_and_fonts(tmp_path, response.data)
    assert "顧客への共感" in text and "コンピテンシー一覧" in text.replace(" ", "")
    assert "IPAexGothic" in fonts and " yes " in fonts  # embedded
    assert weasyprint_warnings == []


def test_catalogue_pdf_in_english(app, as_role, tmp_path, weasyprint_warnings):
    import_archetype("consulting")
    db.session.commit()
    response = as_role(Role.MANAGER, locale="en").get("/competencies/catalogue.pdf")
    text, _fonts = _pdf_text_and_fonts(tmp_path, response.data)
    assert "Logical thinking" in text and "Competency catalogue" in text
    assert weasyprint_warnings == []
