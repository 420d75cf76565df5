"""What each role finds on the dashboard and in the navigation.

One table of links, each with the roles that see it, so the navigation and the access
rules of the views are easy to compare. Packages add their entries here.
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from cshire.auth.models import MANAGERS, Role, User

ALL = frozenset(Role)


@dataclass(frozen=True)
class NavLink:
    endpoint: str
    label: object  # a lazy string
    description: object
    roles: frozenset[Role]


NAV_LINKS: tuple[NavLink, ...] = (
    NavLink("competencies.index", _l("Competencies"),
            _l("The shared competency model with its anchored levels."), ALL),
    NavLink("interviews.profiles", _l("Profiles"),
            _l("High-performer profiles: what the best people on the team share."), MANAGERS),
    NavLink("interviews.questions", _l("Question bank"),
            _l("Structured interview questions per competency."), MANAGERS),
    NavLink("interviews.kits", _l("Interview kits"),
            _l("The same questions in the same order for every candidate."),
            MANAGERS | {Role.INTERVIEWER}),
    # One entry for the admin pages (users, teams, settings): they link to each other.
    NavLink("auth.users", _l("Admin"), _l("Users, teams and the organisation's settings."),
            frozenset({Role.ADMIN})),
    NavLink("interviews.my_interviews", _l("My interviews"),
            _l("Interviews you sit on: upcoming, waiting for your scorecard, submitted."),
            MANAGERS | {Role.INTERVIEWER}),
    NavLink("interviews.openings", _l("Openings"),
            _l("Openings, candidates, scorecards and hiring decisions."), MANAGERS),
    # One entry for training: its pages (reviews, curricula, the success journey, the
    # friction report) share a tab bar.
    NavLink("training.home", _l("Training"),
            _l("Onboarding plans, the mentor's review queue, the success journey and field "
               "readiness."), ALL),
    NavLink("interviews.analytics", _l("Interviewer agreement"),
            _l("Do interviewers agree? Reliability, calibration and question statistics."),
            MANAGERS),
    # One entry for evaluations: its pages (metrics, cycles, imports) share a tab bar.
    NavLink("evaluations.metrics", _l("Evaluations"),
            _l("Journey conversion per CSM, KPI values and evaluation cycles."),
            MANAGERS | {Role.CSM}),
)


def nav_for(user: User) -> list[NavLink]:
    if not user.is_authenticated:
        return []
    return [link for link in NAV_LINKS if user.has_role(*link.roles)]
