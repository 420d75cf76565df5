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


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True, timeout=60).stdout
    return int(info.split("Pages:")[1].split()[0])


def demo_guide(client, tmp_path, language: str, notes: str | None = None) -> Path:
    """The guide of the demo's first kit (ten questions), as its manager in ``language``."""
    from sqlalchemy import select

    from cshire.auth.models import User
    from cshire.interviews.models.kits import InterviewKit

    manager = db.session.scalar(select(User).where(User.email == "manager@example.com"))
    manager.locale = language
    db.session.commit()
    login(client, manager)
    kit = db.session.scalars(select(InterviewKit).order_by(InterviewKit.id)).first()
    assert len(kit.versions[0].items) == 10
    query = f"?notes={notes}" if notes else ""
    response = client.get(f"/hiring/kits/{kit.id}/versions/1/guide.pdf{query}")
    assert response.status_code == 200
    path = tmp_path / f"guide-{language}-{notes}.pdf"
    path.write_bytes(response.data)
    return path


@pytest.fixture
def demo(app, request):
    from cshire.demo import load_demo

    load_demo(request.param)
    db.session.commit()
    return request.param


@pytest.mark.parametrize("demo", ["en", "ja"], indirect=True)
def test_the_ten_question_demo_guide_packs_questions_on_four_pages_with_clean_headings(
        client, demo, tmp_path, weasyprint_warnings):
    path = demo_guide(client, tmp_path, demo)

    assert 3 <= page_count(path) <= 4  # one question a page made it eleven
    text = poppler("pdftotext", path)
    heading = "質問1 · " if demo == "ja" else "Question 1 · "
    assert heading in text
    for doubled in ("((", "))", "（（", "））", "(（", "）)"):
        assert doubled not in text
    assert any(name.startswith("IPAexGothic") for name, _ in embedded_fonts(path))
    assert weasyprint_warnings == []


@pytest.mark.parametrize("demo", ["en"], indirect=True)
def test_the_note_space_asked_for_sets_the_guide_length_and_an_unknown_one_is_medium(
        client, demo, tmp_path, weasyprint_warnings):
    pages = {notes: page_count(demo_guide(client, tmp_path, "en", notes))
             for notes in ("small", "medium", "large", "huge")}

    assert pages["small"] <= pages["medium"] < pages["large"]
    assert pages["huge"] == pages["medium"]
    assert weasyprint_warnings == []


def test_note_sizes_are_validated_with_medium_the_default():
    from cshire.interviews.reports import GUIDE_NOTE_LINES, guide_notes_size

    assert [guide_notes_size(v) for v in ("small", "large", None, "", "huge", "SMALL")] == [
        "small", "large", "medium", "medium", "medium", "medium"]
    assert GUIDE_NOTE_LINES["small"] < GUIDE_NOTE_LINES["medium"] < GUIDE_NOTE_LINES["large"]


def test_the_kit_version_page_offers_the_guide_with_each_note_space(client, japanese_kit):
    login(client, factories.user(Role.INTERVIEWER))
    db.session.commit()

    page = client.get(f"/hiring/kits/{japanese_kit.id}/versions/1").get_data(as_text=True)

    guide = f"/hiring/kits/{japanese_kit.id}/versions/1/guide.pdf"
    assert f'href="{guide}"' in page
    for notes in ("small", "medium", "large"):
        assert f'href="{guide}?notes={notes}"' in page


def test_a_japanese_guide_name_goes_in_filename_star_with_an_ascii_fallback(
        client, japanese_kit):
    from urllib.parse import unquote

    login(client, factories.user(Role.INTERVIEWER, locale="ja"))
    db.session.commit()

    response = client.get(f"/hiring/kits/{japanese_kit.id}/versions/1/guide.pdf")

    disposition = response.headers["Content-Disposition"]
    assert disposition.isascii()
    assert f'filename="interview-guide-{japanese_kit.id}-v1.pdf"' in disposition
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == "面接ガイド-一次面接-v1.pdf"
