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
    "curriculum_name_required": _l("Give the curriculum a name in English or Japanese."),
    "journey_required": _l("Choose the success journey the curriculum follows."),
    "journey_locked": _l(
        "The curriculum already has modules on this journey's stages, so its journey "
        "cannot change. Create a new curriculum for another journey."),
    "module_kind_invalid": _l("Choose what kind of module this is."),
    "module_kind_locked": _l(
        "New hires have already worked on this module, so its kind cannot change. "
        "Archive it and add a new module instead."),
    "module_stage_invalid": _l("Choose a stage of the curriculum's journey."),
    "module_title_required": _l("Give the module a title in English or Japanese."),
    "due_days_range": _l("The due date must be between 0 and 365 days after the start."),
    "pass_mark_required": _l("Set the quiz's pass mark: a percentage from 0 to 100."),
    "max_attempts_range": _l("Allow at least one attempt, or leave the limit empty."),
    "sandbox_url_required": _l(
        "Give the address of the product's sandbox (starting with http:// or https://)."),
    "competency_unknown": _l("One of the chosen competencies is archived or no longer exists."),
    "module_archived": _l(
        "This module is archived: its results are kept, but no new work can be done on it."),
    "not_a_quiz": _l("Questions belong to quizzes; this module is not a quiz."),
    "prompt_required": _l("Write the question in English or Japanese."),
    "choice_count": _l("Give between 2 and 6 choices."),
    "correct_without_text": _l("A choice marked right has no text."),
    "single_needs_one_right": _l("A single-choice question needs exactly one right choice."),
    "multiple_needs_right": _l("A multiple-choice question needs at least one right choice."),
    "question_archived": _l("This question is archived and can no longer be edited."),
    "quiz_empty": _l("This quiz has no questions yet. Ask your mentor or manager."),
    "quiz_attempts_used": _l(
        "You have used every attempt at this quiz without passing. Please ask your mentor "
        "how to continue."),
    "quiz_already_passed": _l("You have already passed this quiz."),
    "attempt_closed": _l("This attempt has already been submitted."),
    "quiz_unanswered": plural_l(
        "%(count)s question is not answered yet. Answer every question, then submit.",
        "%(count)s questions are not answered yet. Answer every question, then submit."),
}

# What the history of a curriculum or a module calls each audited field.
MODULE_AUDIT_LABELS = {
    "name_en": _l("Name (English)"), "name_ja": _l("Name (Japanese)"),
    "description_en": _l("Description (English)"),
    "description_ja": _l("Description (Japanese)"), "journey": _l("Success journey"),
    "kind": _l("Kind"), "stage": _l("Journey stage"), "title_en": _l("Title (English)"),
    "title_ja": _l("Title (Japanese)"), "body_en": _l("Text (English, Markdown)"),
    "body_ja": _l("Text (Japanese, Markdown)"), "due_days": _l("Due (days after the start date)"),
    "required": _l("Required for field readiness"), "pass_mark": _l("Pass mark (%)"),
    "max_attempts": _l("Attempts allowed"), "sandbox_url": _l("Sandbox address"),
    "competencies": _l("Competencies it builds"), "position": _l("Place in the curriculum"),
    "archived": _l("Archived"), "question_added": _l("Question added"),
    "question_changed": _l("Question changed"), "question_archived": _l("Question archived"),
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
}


# ---------------------------------------------------------------------------
TrainingError.messages = {
    **JOURNEY_MESSAGES, **CURRICULUM_MESSAGES, **ENROLMENT_MESSAGES, **SANDBOX_MESSAGES,
}
