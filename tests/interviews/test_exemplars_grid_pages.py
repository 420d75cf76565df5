"""The exemplar rating grid is paginated: a page shows and saves only its members,
and the members on other pages keep their ratings."""

from sqlalchemy import select

from cshire.extensions import db
from cshire.interviews.models.exemplars import ExemplarMember
from cshire.interviews.views.exemplars import EXEMPLARS_PER_PAGE
from tests.interviews import factories_design as design


def test_saving_one_page_keeps_the_ratings_of_members_on_other_pages(manager):
    profile = design.profile()
    members = [design.csm(f"Member {n:03}") for n in range(EXEMPLARS_PER_PAGE + 1)]
    first_page, last = members[0], members[-1]  # sorted by name: the last is on page 2
    design.rate(profile, first_page, True, {profile.entries[0].competency.code: 4})
    db.session.commit()
    competency = profile.entries[0].competency_id
    url = f"/hiring/profiles/{profile.id}/exemplars"

    page_one = manager.get(url).get_data(as_text=True)
    page_two = manager.get(url + "?page=2").get_data(as_text=True)
    assert f'name="rating-{first_page.id}-{competency}"' in page_one
    assert f'name="rating-{last.id}-{competency}"' not in page_one
    assert f'name="rating-{last.id}-{competency}"' in page_two
    assert "Page 2 of 2" in page_two

    response = manager.post(url + "?page=2", data={f"rating-{last.id}-{competency}": "5"})

    assert response.status_code == 302 and response.location.endswith("?page=2")
    stored = {m.member_id: m for m in db.session.scalars(select(ExemplarMember))}
    assert set(stored) == {first_page.id, last.id}
    assert stored[first_page.id].is_high_performer
    assert [r.rating for r in stored[first_page.id].ratings] == [4]
    assert [r.rating for r in stored[last.id].ratings] == [5]
