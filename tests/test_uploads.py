"""Uploaded evidence: its type decided by its bytes, 5 MB at most, stored in the
database, served with Content-Disposition and nosniff (cshire/uploads.py)."""

import base64

import pytest
from sqlalchemy import func, select

from cshire.extensions import db
from cshire.uploads import (
    MAX_UPLOAD_BYTES,
    StoredFile,
    UploadError,
    check_upload,
    store,
    stored_file_response,
)

# The smallest valid PNG (1×1, transparent) and the start of a PDF.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64  # a Windows program
HTML = b"<html><script>alert(1)</script></html>"


def test_an_image_and_a_pdf_are_accepted_by_their_bytes_whatever_their_name():
    assert check_upload("screen.png", PNG).content_type == "image/png"
    assert check_upload("notes.txt", PDF).content_type == "application/pdf"


@pytest.mark.parametrize(("name", "data"), [
    ("setup.png", EXE),  # a renamed executable
    ("page.pdf", HTML),
    ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"),
    ("text.png", b"just some text"),
])
def test_anything_else_is_refused_with_a_clear_message(app, name, data):
    with pytest.raises(UploadError) as refused:
        check_upload(name, data, field="evidence")
    assert refused.value.code == "upload_wrong_type"
    assert refused.value.problems[0].field == "evidence"
    assert "checked from the file's contents" in refused.value.message()


def test_too_big_and_empty_files_are_refused(app):
    with pytest.raises(UploadError) as too_big:
        check_upload("big.png", PNG + b"\x00" * MAX_UPLOAD_BYTES)
    assert too_big.value.code == "upload_too_big"
    assert "5 MB" in too_big.value.message()
    with pytest.raises(UploadError) as empty:
        check_upload("empty.png", b"")
    assert empty.value.code == "upload_empty"


def test_a_file_at_the_limit_is_accepted():
    assert check_upload("max.png", PNG + b"\x00" * (MAX_UPLOAD_BYTES - len(PNG))).data


def test_the_name_keeps_only_its_last_part_and_a_nameless_file_gets_one():
    assert check_upload("C:\\Users\\me\\evidence 1.png", PNG).filename == "evidence 1.png"
    assert check_upload("../../etc/passwd", PNG).filename == "passwd"
    assert check_upload("", PNG).filename == "evidence.png"


def test_a_stored_file_is_served_with_its_type_disposition_and_nosniff(app):
    stored = store(check_upload("画面.png", PNG), uploaded_by_id=None)
    db.session.flush()
    assert db.session.scalar(select(func.count(StoredFile.id))) == 1
    assert stored.size == len(PNG) and len(stored.sha256) == 64
    with app.test_request_context():
        response = stored_file_response(stored)
        assert response.mimetype == "image/png"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        disposition = response.headers["Content-Disposition"]
        assert disposition.startswith("inline; filename=")
        assert f"evidence-{stored.id}.png" in disposition  # ASCII fallback of a Japanese name
        assert "filename*=UTF-8''%E7%94%BB%E9%9D%A2.png" in disposition
        assert "no-store" in response.headers["Cache-Control"]
        download = stored_file_response(stored, download=True)
        assert download.headers["Content-Disposition"].startswith("attachment;")
        assert download.get_data() == PNG
