"""Evaluations' error codes → translated text, and the labels of its choices.

Every refusal of an evaluations rule is an ``EvaluationError`` with a code from one
table, ``EvaluationError.messages``, merged at the end of this module from one section
per area. A code has one meaning in the whole package.
"""

from flask_babel import lazy_gettext as _l

from cshire.csv_import import CsvImportError
from cshire.errors import DomainError, plural_l
from cshire.evaluations.models.accounts import TouchModel
from cshire.evaluations.models.cycles import EvaluationStatus, Rater


class EvaluationError(DomainError):
    """An evaluations rule refused the request; nothing was changed."""


TOUCH_MODEL_LABELS = {
    TouchModel.HIGH: _l("High touch"),
    TouchModel.LOW: _l("Low touch"),
    TouchModel.TECH: _l("Tech touch"),
}

EVALUATION_STATUS_LABELS = {
    EvaluationStatus.DRAFT: _l("Draft"),
    EvaluationStatus.SELF_SUBMITTED: _l("Self-review submitted"),
    EvaluationStatus.MANAGER_SUBMITTED: _l("Manager review submitted"),
    EvaluationStatus.SHARED: _l("Shared with the CSM"),
    EvaluationStatus.ACKNOWLEDGED: _l("Acknowledged"),
}

RATER_LABELS = {Rater.SELF: _l("Self"), Rater.MANAGER: _l("Manager")}


# ---------------------------------------------------------------------------
# Section: imports (accounts, events, KPI values from CRM exports)
# ---------------------------------------------------------------------------
IMPORT_MESSAGES: dict = {
    # Whole file
    "unknown_journey": _l("There is no journey with the code “%(code)s”. Import the journey "
                          "first, or check the code."),
    "import_too_large": _l("The file is larger than %(max)s MB. Import a file this large "
                           "from the command line (flask cshire import-…), or split it."),
    "import_expired": _l("The file to import was not received intact. Upload it again."),
    # One value
    "import_period": _l("%(column)s: “%(value)s” is not a period; write a month like 2026-07 "
                        "or a quarter like 2026-Q3."),
    "import_metric": _l("%(column)s: “%(value)s” is not a metric code; use lower-case "
                        "letters, digits, “-” and “_”, e.g. nps or csat."),
    "import_entered_at": _l("%(column)s: “%(value)s” is not a date; write it as YYYY-MM-DD "
                            "(a date and time such as 2026-07-05T10:00:00 counts as its "
                            "date)."),
    # One row against the others or the database
    "owner_unknown": _l("owner_email: no user has the email %(email)s."),
    "owner_inactive": _l("owner_email: %(email)s is deactivated; give an active owner."),
    "kpi_user_unknown": _l("email: no user has the email %(email)s."),
    "account_duplicate": _l("external_id: %(external_id)s is also on line %(first)s; each "
                            "account may appear once."),
    "account_unknown": _l("account_external_id: no account has the id %(external_id)s; "
                          "import the accounts first."),
    "stage_unknown": _l("stage: “%(stage)s” is not a stage of the journey %(journey)s "
                        "(%(stages)s) nor “churned”."),
    "kpi_duplicate": _l("%(email)s, %(metric)s, %(period)s is also on line %(first)s; each "
                        "value may appear once."),
}


# ---------------------------------------------------------------------------
# Section: metrics (periods, conversion, churn, KPI values)
# ---------------------------------------------------------------------------
METRICS_MESSAGES: dict = {
    "bad_period": _l("Give a month like 2026-07 or a quarter like 2026-Q3."),
    "kpi_bad_metric": _l("Name the metric in lower-case letters, digits and "
                         "underscores (for example nps)."),
    "kpi_taken": _l("A value of this metric is already entered for %(period)s: edit it "
                    "instead."),
    "kpi_value_range": _l("Give a number from %(low)s to %(high)s."),
    "kpi_value_decimals": _l("Give the value with at most two decimals."),
    "kpi_bad_n": _l("Give the number of responses as a whole number from 0 to %(high)s."),
}


# ---------------------------------------------------------------------------
# Section: cycles (evaluation cycles, ratings, plans, workflow, calibration)
# ---------------------------------------------------------------------------
CYCLE_MESSAGES: dict = {
    "cycle_name_required": _l("Give the cycle a name."),
    "cycle_name_taken": _l("Another cycle already has this name."),
    "cycle_journey_invalid": _l("Choose the journey whose metrics the evaluations show."),
    "due_order": _l("The manager review is due on or after the self-review."),
    "participants_required": _l("Choose at least one participant."),
    "participant_not_allowed": _l(
        "%(name)s is not a CSM of a team you manage, so you cannot add them."),
    "participant_no_manager": _l(
        "%(name)s is in no team with a manager, so nobody could evaluate them. "
        "Put them in a team with a manager first."),
    "cycle_closed": _l("This cycle is closed: its evaluations no longer change."),
    "cycle_not_yours": _l("Only the cycle's creator or an admin can change its participants."),
    "participant_started": _l(
        "%(name)s's evaluation has been submitted, so they stay in the cycle."),
    "level_invalid": _l("Choose a level from 1 to 5."),
    "evidence_required": _l(
        "A 1 or a 5 needs evidence: describe what you saw that sets it apart."),
    "rating_missing": _l("Rate this competency before submitting."),
    "ratings_incomplete": plural_l(
        "Rate every competency before submitting: %(num)d is not rated yet.",
        "Rate every competency before submitting: %(num)d are not rated yet.", "num"),
    "not_your_part": _l("This part of the evaluation is not yours to change."),
    "self_locked": _l(
        "The self-review is submitted and locked. The manager can reopen it with a reason."),
    "manager_locked": _l(
        "The manager review is submitted and locked. It changes only when reopened with "
        "a reason."),
    "wrong_step": _l(
        "The evaluation is no longer at this step (someone moved it on); "
        "reload the page to see where it stands."),
    "self_review_first": _l(
        "The manager review can be submitted once the CSM has submitted their self-review."),
    "reason_required": _l("Say why the review is reopened: the reason is kept in the history."),
    "nothing_to_reopen": _l("This part is not submitted, so there is nothing to reopen."),
    "goal_required": _l("Describe the goal."),
    "goal_target_required": _l("Tie the goal to a competency or to a journey step."),
    "goal_target_invalid": _l("Choose a competency or a journey step from the lists."),
}

# What the audit trail of an evaluation calls its fields (ratings and goals are named
# in the view, with their competency).
EVALUATION_AUDIT_LABELS = {
    "status": _l("Status"),
    "weakest_step": _l("Weakest journey step"),
    "weakest_step_reflection": _l("Reflection on the weakest step"),
    "manager_summary": _l("Manager's summary"),
    "manager_id": _l("Evaluating manager"),
}


# ---------------------------------------------------------------------------
EvaluationError.messages = {**IMPORT_MESSAGES, **METRICS_MESSAGES, **CYCLE_MESSAGES}


class EvaluationImportError(CsvImportError):
    """A CRM export was refused: every bad row with its line and reason (the reader's
    codes are merged in by ``CsvImportError``)."""

    messages = IMPORT_MESSAGES
