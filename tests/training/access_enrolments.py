"""Route × role cases for training's enrolment pages: home, enrolling, the enrolment
page, interview gaps, sign-off, the training record, the review queue and reviews,
assignments and their files (see tests/access_cases.py).

The world's enrolment belongs to a new hire of a team managed by someone else, with
a mentor who is not the matrix's user: every object-level URL is refused to the
matrix's manager, CSM or interviewer, and only an admin gets through. Positive cases
for the new hire, their mentor and their manager are in ``test_*_views.py``.
"""

from types import SimpleNamespace

from cshire.auth.models import Role
from cshire.training.models.curriculum import ModuleKind
from cshire.training.services.progress import hand_in
from cshire.uploads import check_upload, store
from tests import factories
from tests.access_cases import ADMINS, MANAGERS, SIGNED_IN, Case
from tests.training import factories as make

# The smallest PDF filetype recognises.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
REVIEWERS = frozenset({Role.CSM.value, Role.INTERVIEWER.value, Role.MANAGER.value,
                       Role.ADMIN.value})


def people() -> SimpleNamespace:
    """A team with its manager, a mentor, two new hires of the team on one curriculum
    (an assignment and a lesson in stage 1, a lesson in stage 2), each enrolled."""
    w = SimpleNamespace()
    w.manager = factories.user(Role.MANAGER, name="Mana Manager")
    w.team = factories.team(manager=w.manager)
    w.mentor = factories.user(Role.CSM, name="Mei Mentor")
    w.newhire1 = factories.user(Role.NEW_HIRE, name="Nao Newhire", team=w.team)
    w.newhire2 = factories.user(Role.NEW_HIRE, name="Ken Newhire", team=w.team)
    w.curriculum = make.curriculum()
    w.assignment = make.module(w.curriculum, ModuleKind.ASSIGNMENT, title="Write a plan",
                               body="Write a **success plan**.")
    w.lesson = make.module(w.curriculum, ModuleKind.LESSON, title="Read the journey")
    w.later = make.module(w.curriculum, ModuleKind.LESSON, stage=2, title="Adoption basics")
    w.enrolment1 = make.enrolment(w.curriculum, new_hire=w.newhire1, mentor=w.mentor,
                                  enrolled_by=w.manager)
    w.enrolment2 = make.enrolment(w.curriculum, new_hire=w.newhire2, mentor=w.mentor,
                                  enrolled_by=w.manager)
    return w


def hand_in_pdf(enrolment, module, text="My plan"):
    stored = store(check_upload("plan.pdf", PDF_BYTES), enrolment.user_id)
    return hand_in(enrolment, module, text=text, file=stored)


def build_world(world: SimpleNamespace) -> None:
    """Create the objects the URLs below need and set them on ``world``."""
    w = people()
    world.training_enrolment = w.enrolment1
    world.training_assignment = w.assignment
    world.training_submission = hand_in_pdf(w.enrolment1, w.assignment)


def _enrolment(world) -> dict:
    return {"enrolment_id": world.training_enrolment.id}


def _module(world) -> dict:
    return {"enrolment_id": world.training_enrolment.id,
            "module_id": world.training_assignment.id}


def _submission(world) -> dict:
    return {"submission_id": world.training_submission.id}


CASES = [
    Case("training.home", SIGNED_IN),
    Case("training.enrolment_new", MANAGERS),
    Case("training.enrolment_detail", ADMINS, url_args=_enrolment),
    Case("training.enrolment_edit", ADMINS, url_args=_enrolment),
    Case("training.enrolment_add_module", ADMINS, method="POST", url_args=_module),
    Case("training.enrolment_sign_off", ADMINS, method="POST", url_args=_enrolment),
    Case("training.enrolment_record", ADMINS, url_args=_enrolment),
    Case("training.reviews", REVIEWERS),
    Case("training.submission_review", ADMINS, url_args=_submission),
    Case("training.assignment", ADMINS, url_args=_module),
    Case("training.submission_file", ADMINS, url_args=_submission),
]
