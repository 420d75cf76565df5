"""Training's error codes → translated text, and the labels of its choices.

Every refusal of a training rule is a ``TrainingError`` with a code from one table,
``TrainingError.messages``, merged at the end of this module from one section per area.
A code has one meaning in the whole package.
"""

from flask_babel import lazy_gettext as _l

from cshire.errors import DomainError, plural_l
from cshire.training.models.curriculum import ModuleKind
from cshire.training.models.sandbox import MilestoneStatus
from cshire.training.models.work import ProgressStatus, ReviewOutcome


class TrainingError(DomainError):
    """A training rule refused the request; nothing was changed."""


MODULE_KIND_LABELS = {
    ModuleKind.LESSON: _l("Lesson"),
    ModuleKind.QUIZ: _l("Quiz"),
    ModuleKind.ASSIGNMENT: _l("Assignment"),
    ModuleKind.SANDBOX: _l("Sandbox exercise"),
}

PROGRESS_STATUS_LABELS = {
    ProgressStatus.NOT_STARTED: _l("Not started"),
    ProgressStatus.IN_PROGRESS: _l("In progress"),
    ProgressStatus.SUBMITTED: _l("Awaiting review"),
    ProgressStatus.REVISE: _l("Changes requested"),
    ProgressStatus.PASSED: _l("Passed"),
    ProgressStatus.FAILED: _l("Failed"),
}

MILESTONE_STATUS_LABELS = {
    MilestoneStatus.DONE: _l("Done"),
    MilestoneStatus.STUCK: _l("Stuck"),
    MilestoneStatus.SKIPPED: _l("Skipped"),
}

REVIEW_OUTCOME_LABELS = {
    ReviewOutcome.APPROVED: _l("Approved"),
    ReviewOutcome.REVISE: _l("Changes requested"),
}


# ---------------------------------------------------------------------------
# Section: journey (stages, milestones, playbooks, JSON import/export)
# ---------------------------------------------------------------------------
JOURNEY_MESSAGES: dict = {
}


# ---------------------------------------------------------------------------
# Section: curriculum (modules, lessons, quizzes and attempts)
# ---------------------------------------------------------------------------
CURRICULUM_MESSAGES: dict = {
}


# ---------------------------------------------------------------------------
# Section: enrolments (enrolment, progress, reviews, readiness, interview gaps)
# ---------------------------------------------------------------------------
ENROLMENT_MESSAGES: dict = {
    "module_not_in_plan": _l("This module is not part of this new hire's curriculum."),
    "stage_locked": _l(
        "This stage opens once every required module of the earlier stages is passed."),
    "already_passed": _l("This module is already passed; nothing more to hand in."),
    "awaiting_review": _l(
        "Your last round is waiting for your mentor's review; you can hand in again "
        "once they have answered."),
}


# ---------------------------------------------------------------------------
# Section: sandbox (milestone records, evidence, reflection, friction report)
# ---------------------------------------------------------------------------
SANDBOX_MESSAGES: dict = {
    "sandbox_not_yours": _l("Only the new hire records their own sandbox exercise."),
    "sandbox_locked": _l(
        "The records are read-only while your last round awaits review and once the "
        "exercise is approved."),
    "milestone_not_in_journey": _l("This milestone is not part of this exercise's journey."),
    "sandbox_record_incomplete": _l("This milestone's record is not complete yet."),
    "milestone_status_required": _l("Choose how this milestone went."),
    "minutes_required": _l("Give the time you spent (in minutes)."),
    "difficulty_required": _l("Choose how hard it was, from 1 to 5."),
    "stuck_note_required": _l(
        "Say where exactly you got stuck: the screen, the step, what you expected."),
    "evidence_url_not_web": _l("The evidence link must be a web address starting with "
                               "http:// or https://."),
    "hand_in_incomplete": _l("Not ready to hand in yet: complete what is listed below."),
    "milestones_unrecorded": plural_l(
        "%(count)s milestone is not recorded yet: %(milestones)s.",
        "%(count)s milestones are not recorded yet: %(milestones)s."),
    "reflection_answer_required": _l("Answer this question before handing in."),
}


# ---------------------------------------------------------------------------
TrainingError.messages = {
    **JOURNEY_MESSAGES, **CURRICULUM_MESSAGES, **ENROLMENT_MESSAGES, **SANDBOX_MESSAGES,
}
