"""The printable interview guide of a published kit version.

pdftotext extracts Japanese even when every glyph is an empty box, so the font is
checked with pdffonts and the ``weasyprint`` logger must stay quiet (TOOLCHAIN.md).
"""

import shutil
import subprocess
from pathlib import Path

import pytest

from cshire.auth.models import Role
from cshire.extensions import db
from tests import factories
from tests.conftest import login
from tests.interviews import factories_design as design

EMPATHY_JA = "顧客への共感"
QUESTION_JA = "解約したいと連絡してきた顧客に、最初の電話で何を聞きますか。"
ANCHOR_JA = "顧客の事情を聞かずに引き止めようとする"


def poppler(tool: str, path: Path) -> str:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} not found: install poppler-utils")
    args = [tool, str(path), "-"] if tool == "pdftotext" else [tool, str(path)]
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout


def embedded_fonts(path: Path) -> list[tuple[str, str]]:
    """(font name without subset prefix, embedded yes/no) per pdffonts row."""
    rows = poppler("pdffonts", path).splitlines()[2:]
    return [(row.split()[0].split("+")[-1], row.split()[-5]) for row in rows]


@pytest.fixture
def japanese_kit(app):
    empathy = factories.competency("EMPATHY", name_en="Empathy", name_ja=EMPATHY_JA)
    listening = factories.competency("LISTENING", name_en="Listening", name_ja="傾聴力")
    other = factories.competency("LOGIC", name_en="Logic", name_ja="論理的思考")
    profile = design.profile((empathy, 3.0, 5), (listening, 2.0, 4), (other, 1.0, 3),
                             name="CSM（丁寧なサポート型）")
    first = design.question(empathy, language="ja", text=QUESTION_JA)
    first.probes = "なぜそう考えましたか。\n次に何をしますか。"
    first.anchor_low = ANCHOR_JA
    design.question(listening, language="ja", text="話をさえぎる顧客にどう対応しますか。")
    design.question(other, language="ja", question_type="behavioural",
                    text="数字で説明した経験について教えてください。")
    kit = design.kit(profile, total=3, language="ja", published=True, name="一次面接")
    db.session.commit()
    return kit


def test_the_guide_is_a_japanese_pdf_with_an_embedded_cjk_font(
    client, japanese_kit, tmp_path, weasyprint_warnings
):
    login(client, factories.user(Role.INTERVIEWER, locale="ja"))
    db.session.commit()

    response = client.get(f"/hiring/kits/{japanese_kit.id}/versions/1/guide.pdf")

    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert "attachment;" in response.headers["Content-Disposition"]
    path = tmp_path / "guide.pdf"
    path.write_bytes(response.data)
    text = poppler("pdftotext", path)
    assert QUESTION_JA in text.replace("\n", "")
    assert ANCHOR_JA in text.replace("\n", "")
    assert "なぜそう考えましたか。" in text
    assert EMPATHY_JA in text  # competency names, in the headings and inside the radar
    assert "傾聴力" in text
    fonts = embedded_fonts(path)
    assert fonts and all(embedded == "yes" for _, embedded in fonts)
    assert any(name.startswith("IPAexGothic") for name, _ in fonts)
    assert weasyprint_warnings == []


def test_questions_come_in_the_kit_order_with_probes_anchors_and_note_space(
    client, japanese_kit, tmp_path, weasyprint_warnings
):
    login(client, factories.user(Role.MANAGER, locale="en"))
    db.session.commit()

    response = client.get(f"/hiring/kits/{japanese_kit.id}/versions/1/guide.pdf")

    path = tmp_path / "guide.pdf"
    path.write_bytes(response.data)
    text = poppler("pdftotext", path).replace("\n", " ")
    positions = [text.index(f"Question {n}") for n in (1, 2, 3)]
    assert positions == sorted(positions)
    assert text.index("Question 1") < text.index("解約したい") < text.index("Question 2")
    for heading in ("Probes", "Notes", "Score", "Candidate", "Interviewer",
                    "What a high performer shows"):
        assert heading in text
    assert "Empathy" in text  # competency names follow the viewer's language
    assert weasyprint_warnings == []


def test_the_guide_of_an_old_version_stays_as_published(client, japanese_kit):
    from cshire.interviews.services.kits import new_version

    draft = new_version(japanese_kit, actor=None)
    draft.items[0].text = "下書きで変えた質問"
    db.session.commit()
    login(client, factories.user(Role.MANAGER))
    db.session.commit()

    old = client.get(f"/hiring/kits/{japanese_kit.id}/versions/1")
    assert QUESTION_JA in old.get_data(as_text=True)
    assert client.get(f"/hiring/kits/{japanese_kit.id}/versions/2/guide.pdf").status_code == 404
