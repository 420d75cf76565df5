"""The kit list's orders (the kit pages themselves: test_kits_views.py)."""

from cshire.extensions import db
from tests.interviews import factories_design as design
from tests.interviews.conftest import page


def _order(client, query: str, *names: str) -> list[str]:
    html = page(client.get(f"/hiring/kits{query}"))
    rows = html[html.index("<tbody"):]
    return sorted(names, key=rows.index)


def test_the_kit_list_sorts_by_name_profile_and_language(manager, app):
    design.bank_for(zulu := design.profile(name="Zulu profile"), 2)
    design.bank_for(alpha := design.profile(name="Alpha profile"), 2, language="ja")
    design.kit(zulu, total=3, name="A kit")
    design.kit(alpha, total=3, name="B kit", language="ja")
    db.session.commit()
    assert _order(manager, "", "A kit", "B kit") == ["A kit", "B kit"]
    assert _order(manager, "?sort=-name", "A kit", "B kit") == ["B kit", "A kit"]
    assert _order(manager, "?sort=profile", "A kit", "B kit") == ["B kit", "A kit"]
    assert _order(manager, "?sort=-language", "A kit", "B kit") == ["B kit", "A kit"]
    assert 'aria-sort="descending"' in page(manager.get("/hiring/kits?sort=-language"))
