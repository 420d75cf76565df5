"""Training's error codes → translated text, and the labels of its choices.

Every refusal of a training rule is a ``TrainingError`` with a code from one table,
``TrainingError.messages``, merged at the end of this module from one section per area.
A code has one meaning in the whole package.
"""

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

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
    # Enrolment
    "curriculum_required": _l("Choose a curriculum."),
    "curriculum_archived": _l("This curriculum is archived; choose a current one."),
    "mentor_required": _l("Choose a mentor."),
    "mentor_not_eligible": _l(
        "The mentor must be an active CSM, interviewer or manager."),
    "mentor_is_new_hire": _l("A new hire cannot be their own mentor."),
    "start_date_required": _l("Give the start date."),
    "new_hires_required": _l("Choose at least one new hire."),
    "not_a_new_hire": _l("%(name)s is not an active user with the new hire role."),
    "already_enrolled": _l("%(name)s is already enrolled on this curriculum."),
    "cohort_name_required": _l(
        "Several new hires start together as a cohort: give the cohort a name."),
    "cohort_name_taken": _l("A cohort named “%(name)s” already exists."),
    "application_for_one": _l(
        "A hired application belongs to one new hire: enrol them on their own."),
    "application_not_hired": _l(
        "Choose a hired application of an opening you manage."),
    "application_linked": _l(
        "This application is already linked to another enrolment on this curriculum."),
    "module_not_optional": _l(
        "Only a current optional module of this curriculum can be added to the plan."),
    "module_already_added": _l("This module is already on the new hire's plan."),
    # Reviews
    "not_a_supervisor": _l(
        "Only the new hire's mentor, their manager or an admin may do this."),
    "own_work": _l("You cannot review your own work."),
    "already_reviewed": _l(
        "This round was already reviewed by %(who)s at %(when)s; nothing was changed."),
    "not_latest_round": _l("Only the latest round can be reviewed."),
    "outcome_required": _l("Choose approve or ask for changes."),
    "comment_required": _l("Say what to change: a comment is required when asking for changes."),
    # Assignments
    "not_an_assignment": _l("This module is not an assignment."),
    "not_your_enrolment": _l("Only the new hire hands in their own work."),
    "hand_in_empty": _l("Write your answer or attach a file (an image or a PDF)."),
    # Readiness
    "not_ready": _l(
        "Not ready yet: every required module must be passed before signing off."),
    "already_signed_off": _l("This new hire was already signed off on %(date)s."),
    "sign_off_date_required": _l("Give the date of the sign-off."),
}

# The history of an enrolment: what each audited field is called.
ENROLMENT_AUDIT_LABELS = {
    "mentor": _l("Mentor"),
    "start_date": _l("Start date"),
    "added_module": _l("Module added to the plan"),
    "signed_off_on": _l("Ready for the field on"),
    "sign_off_note": _l("Sign-off note"),
    "promoted_to_csm": _l("Role changed to CSM"),
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
