"""Exemplar ratings through HTTP: the rating grid, the CSV upload (all or nothing, every
bad line listed) and its template, and the suggestion."""

import io
import re

import pytest
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from cshire.extensions import db
from cshire.interviews.models.exemplars import ExemplarMember
from cshire.interviews.models.profiles import HighPerformerProfile
from cshire.interviews.views.exemplars import parse_exemplar_grid
from tests import factories
from tests.interviews import factories_design as design
from tests.interviews.conftest import count, page


def test_the_rating_grid_saves_ratings_and_high_performers(manager):
    profile = design.profile()
    ann, bob = design.csm("Ann"), design.csm("Bob")
    db.session.commit()
    first = profile.entries[0].competency_id

    grid = page(manager.get(f"/hiring/profiles/{profile.id}/exemplars"))
    assert f'<label for="rating-{ann.id}-{first}"' in grid
    assert "Ann" in grid and "Bob" in grid

    response = manager.post(f"/hiring/profiles/{profile.id}/exemplars", data={
        f"rating-{ann.id}-{first}": "5", f"high-{ann.id}": "1", f"rating-{bob.id}-{first}": "",
    })

    assert response.status_code == 302
    member = db.session.scalar(select(ExemplarMember))
    assert (member.member_id, member.is_high_performer) == (ann.id, True)
    assert [r.rating for r in member.ratings] == [5]
    again = page(manager.get(f"/hiring/profiles/{profile.id}/exemplars"))
    assert '<option value="5" selected>5</option>' in again


def csv_upload(client, profile, body: str | bytes):
    data = body.encode() if isinstance(body, str) else body
    return client.post(
        f"/hiring/profiles/{profile.id}/exemplars/upload",
        data={"file": (io.BytesIO(data), "ratings.csv")},
        content_type="multipart/form-data",
    )


@pytest.fixture
def emp_profile(app):
    """A profile of one competency, EMP, and one team member to rate, Ann."""
    profile = design.profile((factories.competency("EMP"), 1.0, 3))
    design.csm("Ann", "ann@example.test")
    db.session.commit()
    return profile


def test_a_good_csv_is_saved_and_leads_to_the_suggestion(manager, emp_profile):
    profile = emp_profile
    response = csv_upload(manager, profile, "email,is_high_performer,EMP\nann@example.test,1,4\n")

    assert response.status_code == 302
    assert response.location.endswith(f"/hiring/profiles/{profile.id}/suggestion")
    assert count(ExemplarMember) == 1


def test_a_bad_csv_lists_its_lines_and_saves_nothing(manager, emp_profile):
    response = csv_upload(manager, emp_profile, "email,is_high_performer,EMP\n"
                                            "ann@example.test,1,4\nghost@example.test,1,9\n")

    html = page(response)
    assert response.status_code == 200
    assert "Nothing was saved" in html
    assert "Line 3: ghost@example.test is not an active team member" in html
    assert "Line 3: “9” is not a rating from 1 to 5." in html
    assert count(ExemplarMember) == 0


def test_a_shift_jis_csv_from_excel_is_read(manager, emp_profile):
    design.csm("森", "mori@example.test")
    db.session.commit()
    body = "email,is_high_performer,EMP\nmori@example.test,はい,5\n".encode("cp932")

    response = csv_upload(manager, emp_profile, body)

    assert response.status_code == 302
    assert db.session.scalar(select(ExemplarMember)).is_high_performer


def test_the_csv_template_downloads(manager):
    profile = design.profile()
    db.session.commit()
    response = manager.get(f"/hiring/profiles/{profile.id}/exemplars/template.csv")
    assert response.mimetype == "text/csv"
    # UTF-8 with a BOM, so that Excel opens it with Japanese names intact.
    assert response.get_data().startswith("\ufeffemail,is_high_performer,".encode())


def rated(profile, members: int, high: int):
    """``members`` CSMs rated; the first ``high`` stand out on the first competency."""
    first = profile.entries[0].competency.code
    for n in range(members):
        is_high = n < high
        ratings = {e.competency.code: 3 + (n % 2) for e in profile.entries}
        ratings[first] = (5 - n % 2) if is_high else (2 + n % 2)
        design.rate(profile, design.csm(), is_high, ratings)


def test_the_suggestion_shows_n_d_and_a_plain_warning_when_n_is_small(manager):
    profile = design.profile()
    rated(profile, members=4, high=2)
    db.session.commit()

    html = page(manager.get(f"/hiring/profiles/{profile.id}/suggestion"))

    assert "Too few ratings to trust" in html
    assert "2 / 2" in html
    assert "Differentiating" in html and "Accept suggestion" in html
    assert "<svg" in html


def test_accepting_the_suggestion_updates_the_profile(manager):
    profile = design.profile()
    rated(profile, members=6, high=3)
    db.session.commit()
    first = profile.entries[0].competency_id

    response = manager.post(f"/hiring/profiles/{profile.id}/suggestion/accept",
                            data={"version": str(profile.version)})

    assert response.status_code == 302
    db.session.expire_all()
    changed = db.session.get(HighPerformerProfile, profile.id)
    entry = next(e for e in changed.entries if e.competency_id == first)
    assert entry.target_level == 5 and entry.weight > 3


def test_accepting_a_stale_suggestion_is_refused(manager):
    profile = design.profile()
    rated(profile, members=6, high=3)
    db.session.commit()
    response = manager.post(f"/hiring/profiles/{profile.id}/suggestion/accept",
                            data={"version": str(profile.version + 5)}, follow_redirects=True)
    assert "Someone else saved this while you were editing" in page(response)
    assert "Suggestion from ratings" in page(response)  # back on the suggestion


def test_edit_from_the_suggestion_prefills_the_form_without_saving(manager):
    profile = design.profile()
    rated(profile, members=6, high=3)
    db.session.commit()
    before = [(e.weight, e.target_level) for e in profile.entries]

    html = page(manager.get(f"/hiring/profiles/{profile.id}/edit?from=suggestion"))

    assert "Nothing is saved until you press Save" in html
    assert 'value="5"' in html
    db.session.expire_all()
    assert [(e.weight, e.target_level) for e in
            db.session.get(HighPerformerProfile, profile.id).entries] == before


# --- forms -----------------------------------------------------------------------------


def test_the_grid_parser_reads_ratings_and_marks(app):
    rows = parse_exemplar_grid(
        MultiDict({"rating-1-10": "4", "rating-1-11": "", "high-1": "1", "rating-2-10": "x"}),
        [1, 2], [10, 11])
    assert [(r.member_id, r.is_high_performer, r.ratings) for r in rows] == [
        (1, True, {10: 4, 11: None}), (2, False, {10: None, 11: None})]


def test_a_refused_grid_keeps_what_was_entered_and_saves_nothing(manager):
    profile = design.profile()
    ann = design.csm("Ann")
    db.session.commit()
    first = profile.entries[0].competency_id

    response = manager.post(f"/hiring/profiles/{profile.id}/exemplars", data={
        f"rating-{ann.id}-{first}": "9", f"high-{ann.id}": "1"})

    assert response.status_code == 200
    assert "Row 1: ratings go from 1 to 5." in page(response)
    assert f'id="high-{ann.id}" name="high-{ann.id}" value="1" checked' in page(response)
    assert count(ExemplarMember) == 0


def test_a_file_that_is_not_csv_text_is_refused_with_how_to_save_it(manager, emp_profile):
    response = csv_upload(manager, emp_profile, "email,is_high_performer\n".encode("utf-16"))

    assert response.status_code == 200
    assert "The file is not CSV text in UTF-8 or Shift_JIS." in page(response)
    assert "Nothing was saved" in page(response)


def test_a_csv_header_with_unknown_columns_names_them(manager, emp_profile):
    response = csv_upload(manager, emp_profile, "email,is_high_performer,EMP,NOPE\n"
                                                "ann@example.test,1,4,4\n")

    assert "names columns this import does not know: NOPE" in page(response)
    assert "The columns are: email, is_high_performer, EMP." in page(response)
    assert count(ExemplarMember) == 0


def test_an_accepted_suggestion_shows_in_the_profile_history_with_its_reason(manager):
    profile = design.profile()
    rated(profile, members=6, high=3)
    db.session.commit()

    manager.post(f"/hiring/profiles/{profile.id}/suggestion/accept",
                 data={"version": shown_version(manager, profile)})

    assert "accepted suggestion" in page(manager.get(f"/hiring/profiles/{profile.id}"))


def shown_version(client, profile) -> str:
    """The profile's version the suggestion page sends back when accepted."""
    html = page(client.get(f"/hiring/profiles/{profile.id}/suggestion"))
    return re.search(r'name="version" type="hidden" value="(\d+)"', html).group(1)

