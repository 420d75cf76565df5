"""Training's error codes → translated text, and the labels of its choices.

Every refusal of a training rule is a ``TrainingError`` with a code from one table,
``TrainingError.messages``, merged at the end of this module from one section per area.
A code has one meaning in the whole package.
"""

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from cshire.errors import DomainError
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
    "journey_code_required": _l("Enter a code."),
    "journey_code_invalid": _l(
        "Use up to %(max)s letters, digits, dots, hyphens and underscores, starting with a "
        "letter or digit."),
    "journey_code_taken": _l("The code %(code)s is already used by another journey."),
    "journey_name_required": _l("Enter a name in at least one language."),
    "stage_code_taken": _l("This journey already has a stage with the code %(code)s."),
    "milestone_code_taken": _l("This stage already has a milestone with the code %(code)s."),
    "stage_in_use": _l(
        "The stage %(code)s cannot be deleted because it or one of its milestones is in "
        "use (%(uses)s). Move or remove those first."),
    "milestone_in_use": _l(
        "The milestone %(code)s cannot be deleted because it is in use (%(uses)s). "
        "Move or remove those first."),
    # The JSON import: each problem is shown after its path in the file.
    "journey_import_refused": _l(
        "The journey file was not imported; nothing was changed. Fix these problems and "
        "upload it again:"),
    "json_unreadable": _l("not a JSON file (%(detail)s)"),
    "json_too_large": _l("the file is larger than %(max)s KB"),
    "json_missing": _l("missing"),
    "json_not_object": _l("must be an object ({…})"),
    "json_not_list": _l("must be a list ([…])"),
    "json_not_boolean": _l("must be true or false"),
    "json_unknown_key": _l("unknown key"),
    "json_text_invalid": _l("must be a text or an object with \"en\" and \"ja\" texts"),
    "json_too_long": _l("longer than %(max)s characters"),
    "json_too_many": _l("more than %(max)s entries"),
    "json_no_stages": _l("a journey needs at least one stage"),
    "json_code_invalid": _l(
        "must be up to %(max)s letters, digits, dots, hyphens and underscores"),
    "json_code_repeated": _l("the code %(code)s appears twice"),
    "json_stage_in_use": _l(
        "the stage %(code)s is not in the file, but it cannot be removed because it or one "
        "of its milestones is in use (%(uses)s)"),
    "json_milestone_in_use": _l(
        "the milestone %(code)s is not in the file, but it cannot be removed because it "
        "is in use (%(uses)s)"),
}


# Labels of the journey's fields: the history and the import preview name them.
JOURNEY_FIELD_LABELS = {
    "code": _l("Code"),
    "name_en": _l("Name (English)"),
    "name_ja": _l("Name (Japanese)"),
    "description_en": _l("Description (English)"),
    "description_ja": _l("Description (Japanese)"),
    "playbook_en": _l("Playbook to the next stage (English)"),
    "playbook_ja": _l("Playbook to the next stage (Japanese)"),
    "is_handoff": _l("Handoff criterion"),
}
JOURNEY_AUDIT_LABELS = {
    **JOURNEY_FIELD_LABELS,
    "stage": _l("Journey stage"),
    "milestone": _l("Milestone"),
    "stage_order": _l("Order of the stages"),
    "milestone_order": _l("Order of the milestones"),
    **{f"stage.{name}": _l("Stage: %(field)s", field=label)
       for name, label in JOURNEY_FIELD_LABELS.items() if name != "is_handoff"},
    **{f"milestone.{name}": _l("Milestone: %(field)s", field=label)
       for name, label in JOURNEY_FIELD_LABELS.items() if not name.startswith("playbook")},
}
IMPORT_STATUS_LABELS = {
    "added": _l("Added"),
    "changed": _l("Changed"),
    "removed": _l("Removed"),
    "same": _l("Unchanged"),
}

class References:
    """What refers to a stage or milestone (table name → count), read in the viewer's
    language when the refusal is shown: "2 training modules, 1 sandbox record"."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts

    def __str__(self) -> str:
        return ", ".join(_reference_text(table, count) for table, count in self.counts.items())


def _reference_text(table: str, count: int) -> str:
    if table == "training_modules":
        return ngettext("%(num)s training module", "%(num)s training modules", count)
    if table == "sandbox_records":
        return ngettext("%(num)s sandbox record", "%(num)s sandbox records", count)
    return ngettext("%(num)s other record", "%(num)s other records", count)


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
}


# ---------------------------------------------------------------------------
TrainingError.messages = {
    **JOURNEY_MESSAGES, **CURRICULUM_MESSAGES, **ENROLMENT_MESSAGES, **SANDBOX_MESSAGES,
}
