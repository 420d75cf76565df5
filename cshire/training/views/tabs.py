"""The tab bar the training pages share (one "Training" entry in the main navigation):
each tab only for the roles its page admits, the current one marked by the area of the
page being shown."""

from dataclasses import dataclass

from flask import request
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from cshire.auth.models import MANAGERS, Role
from cshire.training.views.blueprint import bp
from cshire.training.views.reviews import REVIEWERS

EVERYONE = tuple(Role)


@dataclass(frozen=True)
class Tab:
    endpoint: str
    label: object  # a lazy string
    roles: tuple[Role, ...]
    # The pages of the tab's area: endpoints, or prefixes ending in "_".
    area: tuple[str, ...] = ()

    def holds(self, endpoint: str) -> bool:
        return endpoint == self.endpoint or any(
            endpoint == page or (page.endswith("_") and endpoint.startswith(page))
            for page in self.area)


TABS = (
    Tab("training.home", _l("Overview"), EVERYONE),
    Tab("training.reviews", _l("Reviews"), REVIEWERS, ("training.submission_review",)),
    Tab("training.enrolment_new", _l("Enrol new hires"), tuple(MANAGERS)),
    Tab("training.curricula", _l("Curricula"), tuple(MANAGERS),
        ("training.curriculum_", "training.module_", "training.question_")),
    Tab("training.journeys", _l("Journey"), EVERYONE,
        ("training.journey_", "training.stage_", "training.milestone_")),
    Tab("training.friction", _l("Friction report"), tuple(MANAGERS), ("training.friction_",)),
)


@bp.context_processor
def _training_tabs() -> dict:
    """``training_tabs``: (endpoint, label, is current) for the tabs the user may open;
    any other training page (an enrolment, a module) belongs to "My training"."""
    if not current_user.is_authenticated:
        return {"training_tabs": []}
    shown = [tab for tab in TABS if current_user.has_role(*tab.roles)]
    endpoint = request.endpoint or ""
    current = next((tab for tab in shown if tab.holds(endpoint)), shown[0] if shown else None)
    return {"training_tabs": [(tab.endpoint, _label(tab), tab is current) for tab in shown]}


def _label(tab: Tab) -> object:
    """The home is a new hire's own plan; for the others, their mentees and cohorts."""
    if tab.endpoint == "training.home" and current_user.has_role(Role.NEW_HIRE):
        return _l("My training")
    return tab.label
