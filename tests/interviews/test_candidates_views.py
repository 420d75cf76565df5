"""Candidates over HTTP: adding one, importing a CSV file, and its template."""

import io
import re
from urllib.parse import urlsplit

from flask import url_for

from cshire.csv_import import CsvImport
from cshire.extensions import db
from cshire.interviews.models.candidates import Application, Candidate
from cshire.interviews.services.candidates import IMPORT_COLUMNS
from tests.conftest import login
from tests.interviews import factories_process as make
from tests.interviews.factories_process import page_text as _text


def _upload(client, opening, content: bytes, **options):
    return client.post(url_for("interviews.candidate_import", opening_id=opening.id),
                       data={"file": (io.BytesIO(content), "candidates.csv")},
                       content_type="multipart/form-data", **options)


def _signed_in_manager(client):
    opening = make.opening()
    db.session.commit()
    login(client, opening.hiring_manager)
    return opening


def test_adding_and_importing_candidates(client, app):
    opening = _signed_in_manager(client)
    added = client.post(url_for("interviews.candidate_new", opening_id=opening.id),
                        data={"name": "Aiko Tanaka", "email": "aiko@example.org"})
    assert added.status_code == 302
    bad = (b"name,email\nGood,good@example.org\nBad,not-an-email\n"
           b"Twice,good@example.org\n")
    response = _upload(client, opening, bad)
    body = _text(response)
    assert response.status_code == 200
    assert "Nothing was imported" in body
    assert re.search(r"<td class=\"num\">3</td><td>email: “not-an-email” is not a valid", body)
    assert "appears twice in the file (first on line 2)" in body
    good = b"name,email,consent_date\nGood,good@example.org,2026-04-01\n"
    imported = _upload(client, opening, good, follow_redirects=True)
    assert "1 candidates imported" in _text(imported)
    assert db.session.query(Application).count() == 2


def test_a_candidate_already_in_the_opening_is_refused_with_the_input_kept(client, app):
    opening = _signed_in_manager(client)
    url = url_for("interviews.candidate_new", opening_id=opening.id)
    client.post(url, data={"name": "Aiko Tanaka", "email": "aiko@example.org"})
    again = client.post(url, data={"name": "Aiko T.", "email": "aiko@example.org"})
    assert again.status_code == 200
    assert "aiko@example.org has already applied to this opening." in _text(again)
    assert 'value="Aiko T."' in _text(again)


def test_a_too_long_name_is_listed_with_its_line_not_a_server_error(client, app):
    opening = _signed_in_manager(client)
    content = ("name,email\n" + "a" * 201 + ",long@example.org\n").encode()
    response = _upload(client, opening, content)
    assert response.status_code == 200
    assert ('<td class="num">2</td><td>name is 201 characters long; at most 200 are '
            'allowed.</td>') in _text(response)
    assert db.session.query(Candidate).count() == 0


def test_a_shift_jis_file_imports_through_the_page(client, app):
    opening = _signed_in_manager(client)
    content = "name,email\r\n佐藤 美咲,misaki@example.org\r\n".encode("cp932")
    response = _upload(client, opening, content, follow_redirects=True)
    assert "1 candidates imported" in _text(response)
    assert db.session.query(Candidate.name).scalar() == "佐藤 美咲"


def test_a_file_level_refusal_is_said_once(client, app):
    opening = _signed_in_manager(client)
    body = _text(_upload(client, opening, b"full_name,mail\nA,a@example.org\n"))
    assert body.count("The first line lacks these columns: name, email") == 1
    assert "Lines to fix" not in body


def test_the_row_cap_comes_from_the_configuration(client, app):
    app.config["CSV_IMPORT_MAX_ROWS"] = 2
    opening = _signed_in_manager(client)
    rows = "".join(f"P{n},p{n}@example.org\n" for n in range(3))
    body = _text(_upload(client, opening, ("name,email\n" + rows).encode()))
    assert "The file has more than 2 rows." in body
    assert db.session.query(Candidate).count() == 0


def test_the_import_page_names_its_encodings_and_links_the_template(client, app):
    opening = _signed_in_manager(client)
    body = _text(client.get(url_for("interviews.candidate_import", opening_id=opening.id)))
    assert "UTF-8 or Shift_JIS" in body
    template = url_for("interviews.candidate_import_template", opening_id=opening.id)
    assert f'href="{urlsplit(template).path}" download' in body


def test_the_template_downloads_as_a_csv_the_import_accepts(client, app):
    opening = _signed_in_manager(client)
    response = client.get(url_for("interviews.candidate_import_template",
                                  opening_id=opening.id))
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="candidates-template.csv"')
    assert response.data.startswith("\ufeffname,email,phone,source,notes,consent_date".encode())
    (row,) = list(CsvImport(response.data, IMPORT_COLUMNS, max_rows=None))
    assert row["email"] == "aiko@example.org"


def test_a_file_with_very_many_bad_lines_lists_the_first_and_counts_the_rest(client, app):
    opening = _signed_in_manager(client)
    rows = "".join(f"P{n},not-an-email-{n}\n" for n in range(250))
    body = _text(_upload(client, opening, ("name,email\n" + rows).encode()))
    assert "Nothing was imported: 250 problems to fix in the file." in body
    assert body.count('<td class="num">') == 200
    assert "…and 50 more problems not shown." in body
