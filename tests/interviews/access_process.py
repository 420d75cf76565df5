"""Route × role cases for the hiring process (see tests/access_cases.py).

The world's opening belongs to a hiring manager who is not the signed-in user of the
matrix, and its interview's panel does not include them: a manager or interviewer
reaching an object-level URL is therefore refused (object-level rules), and only an
admin gets through. Positive cases for the hiring manager and the panel members are
in ``test_*_views.py``.
"""

from types import SimpleNamespace

from cshire.auth.models import Role
from tests import factories
from tests.access_cases import ADMINS, MANAGERS, Case
from tests.interviews import factories_process as make

PANEL = frozenset({Role.INTERVIEWER.value, Role.MANAGER.value, Role.ADMIN.value})
NOBODY: frozenset[str] = frozenset()


def build_world(world: SimpleNamespace) -> None:
    """Create the objects the URLs below need and set them on ``world``."""
    world.hiring_manager = factories.user(Role.MANAGER)
    world.panel_member = make.interviewer()
    world.opening = make.opening(world.hiring_manager, threshold=60)
    world.application = make.application(world.opening, status="interviewing")
    world.interview = make.interview(world.application, [world.panel_member])
    world.scorecard = make.rate(make.seat(world.interview, world.panel_member), [4, 3, 4])


def _opening(world: SimpleNamespace) -> dict:
    return {"opening_id": world.opening.id}


def _application(world: SimpleNamespace) -> dict:
    return {"application_id": world.application.id}


def _interview(world: SimpleNamespace) -> dict:
    return {"interview_id": world.interview.id}


def _scorecard(world: SimpleNamespace) -> dict:
    return {"scorecard_id": world.scorecard.id}


def _candidate(world: SimpleNamespace) -> dict:
    return {"candidate_id": world.application.candidate_id}


CASES = [
    Case("interviews.my_interviews", PANEL),
    # Object-level: what the search finds is in tests/interviews/test_candidates_search.py.
    Case("interviews.candidate_search", PANEL, url_args=lambda world: {"q": "Candidate"}),
    Case("interviews.openings", MANAGERS),
    Case("interviews.opening_new", MANAGERS),
    Case("interviews.analytics", MANAGERS),
    Case("interviews.opening_detail", ADMINS, url_args=_opening),
    Case("interviews.opening_edit", ADMINS, url_args=_opening),
    Case("interviews.opening_stage_add", ADMINS, method="POST", url_args=_opening),
    Case("interviews.opening_compare", ADMINS, url_args=_opening),
    Case("interviews.candidate_new", ADMINS, url_args=_opening),
    Case("interviews.candidate_import", ADMINS, url_args=_opening),
    Case("interviews.candidate_import_template", ADMINS, url_args=_opening),
    Case("interviews.candidate_export_json", ADMINS, url_args=_candidate),
    Case("interviews.interview_new", ADMINS, url_args=_application),
    Case("interviews.interview_detail", ADMINS, url_args=_interview),
    Case("interviews.interview_edit", ADMINS, url_args=_interview),
    Case("interviews.scorecard_form", ADMINS, url_args=_scorecard),
    # Only the scorecard's author autosaves it; the world's author is not the matrix user.
    Case("interviews.scorecard_autosave", NOBODY, method="POST", url_args=_scorecard),
    Case("interviews.scorecard_reopen", ADMINS, url_args=_scorecard),
    Case("interviews.application_scorecard", ADMINS, url_args=_application),
    Case("interviews.application_pdf", ADMINS, url_args=_application),
    Case("interviews.application_decide", ADMINS, method="POST", url_args=_application),
    Case("interviews.application_debrief", ADMINS, method="POST", url_args=_application),
    Case("interviews.application_status", ADMINS, method="POST", url_args=_application),
]
