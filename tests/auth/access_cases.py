from types import SimpleNamespace

from tests import factories
from tests.access_cases import ADMINS, EVERYONE, SIGNED_IN, Case


def build_world(world: SimpleNamespace) -> None:
    world.team = factories.team()
    world.other_user = factories.user()


CASES = [
    Case("auth.login", EVERYONE),
    Case("auth.logout", SIGNED_IN, method="POST"),
    Case("auth.password", SIGNED_IN),
    Case("auth.preferences", SIGNED_IN),
    Case("auth.settings", ADMINS),
    Case("auth.language", EVERYONE, method="POST"),
    Case("auth.users", ADMINS),
    Case("auth.new_user", ADMINS),
    Case("auth.edit_user", ADMINS, url_args=lambda w: {"user_id": w.other_user.id}),
    Case("auth.deactivate_user", ADMINS, url_args=lambda w: {"user_id": w.other_user.id}),
    Case("auth.teams", ADMINS),
    Case("auth.edit_team", ADMINS, url_args=lambda w: {"team_id": w.team.id}),
    Case("main.dashboard", SIGNED_IN),
    Case("main.healthz", EVERYONE),
    Case("static", EVERYONE, url_args=lambda w: {"filename": "css/app.css"}),
]
