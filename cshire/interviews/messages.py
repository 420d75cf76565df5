"""Hiring's error codes → translated text, and the labels of its choices.

Every refusal of a hiring rule is a ``HiringError`` (the kernel's ``DomainError``) with
a code from one table, ``HiringError.messages``, merged at the end of this module from
one section per area. A code has one meaning in the whole package.
"""

from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from cshire.audit import CREATED, YES_NO
from cshire.csv_import import CsvImportError
from cshire.errors import DomainError, plural_l
from cshire.interviews.models.candidates import ApplicationStatus
from cshire.interviews.models.decisions import DecisionOutcome
from cshire.interviews.models.questions import QuestionType
from cshire.interviews.models.scoring import Recommendation, ScorecardStatus
from cshire.timezones import format_when


class HiringError(DomainError):
    """A hiring rule refused the request; nothing was changed."""


class StepTaken(HiringError):
    """A decision or status move came second: another one took this step of the
    application first (at the same moment, or after the page was loaded). ``who`` and
    ``when`` name that one; ``outcome`` or ``status`` say what it was. The time is
    written in the reader's language and time zone when the message is shown."""

    def __init__(self, code: str, /, *, who: str | None, when: datetime,
                 **params: object) -> None:
        super().__init__(code, who=who, **params)
        self.when = when

    def message(self) -> str:
        params = dict(self.params)
        params["who"] = params.get("who") or _("someone else")
        params["when"] = format_when(self.when)
        if "outcome" in params:
            params["outcome"] = OUTCOME_LABELS.get(str(params["outcome"]), params["outcome"])
        if "status" in params:
            params["status"] = APPLICATION_STATUS_LABELS.get(str(params["status"]),
                                                            params["status"])
        return self.text_for(self.code, params)


# --- labels -----------------------------------------------------------------------------

QUESTION_TYPE_LABELS = {
    QuestionType.SITUATIONAL.value: _l("Situational (a CS scene)"),
    QuestionType.BEHAVIOURAL.value: _l("Behavioural (past behaviour)"),
}


QUESTION_STATUS_LABELS = {"active": _l("Active"), "retired": _l("Retired")}


RECOMMENDATION_LABELS = {
    Recommendation.STRONG_NO.value: _l("Strong no"),
    Recommendation.NO.value: _l("No"),
    Recommendation.YES.value: _l("Yes"),
    Recommendation.STRONG_YES.value: _l("Strong yes"),
}


APPLICATION_STATUS_LABELS = {
    ApplicationStatus.APPLIED.value: _l("Applied"),
    ApplicationStatus.INTERVIEWING.value: _l("Interviewing"),
    ApplicationStatus.OFFER.value: _l("Offer"),
    ApplicationStatus.HIRED.value: _l("Hired"),
    ApplicationStatus.REJECTED.value: _l("Rejected"),
    ApplicationStatus.WITHDRAWN.value: _l("Withdrawn"),
}


OUTCOME_LABELS = {
    DecisionOutcome.ADVANCE.value: _l("Advance"),
    DecisionOutcome.OFFER.value: _l("Make an offer"),
    DecisionOutcome.REJECT.value: _l("Reject"),
    DecisionOutcome.HIRE.value: _l("Hire"),
}


SCORECARD_STATUS_LABELS = {
    ScorecardStatus.DRAFT.value: _l("Draft"),
    ScorecardStatus.SUBMITTED.value: _l("Submitted"),
}


# A scorecard's audit trail: its own fields, and each answer's fields (named per kit
# question, ``q<kit item id>.<field>``), labelled with the question's position ``n``.
SCORECARD_AUDIT_LABELS = {
    "status": _l("Status"),
    "recommendation": _l("Overall recommendation"),
}
SCORECARD_AUDIT_VALUES = {
    "status": SCORECARD_STATUS_LABELS,
    "recommendation": RECOMMENDATION_LABELS,
}
ANSWER_AUDIT_LABELS = {
    "rating": _l("Question %(n)s — rating"),
    "not_asked": _l("Question %(n)s — not asked"),
    "not_asked_reason": _l("Question %(n)s — why not asked"),
    "note": _l("Question %(n)s — evidence note"),
}
ANSWER_AUDIT_VALUES = {"not_asked": YES_NO}
# An answer's texts as a problem names them ("Question 2: the evidence note is …").
ANSWER_TEXT_LABELS = {
    "not_asked_reason": _l("the reason why it was not asked"),
    "note": _l("the evidence note"),
}


# --- openings, candidates, interviews, scoring, decisions ---------------------------------

HIRING_MESSAGES = {
    # openings
    "title_required": _l("Enter the role or title of the opening."),
    "opening_profile_required": _l("Choose an active high-performer profile."),
    "hiring_manager_invalid": _l("The hiring manager must be an active manager or admin."),
    "own_openings_only": _l("Managers can only create openings they manage themselves."),
    "threshold_range": _l("The fit threshold is a number from 0 to 100."),
    "stage_required": _l("Add at least one interview stage with a name and a kit."),
    "stage_name_required": _l("Give every stage a name."),
    "kit_not_published": _l("Every stage needs a published interview kit version."),
    # candidates
    "candidate_name_required": _l("Enter the candidate's name."),
    "email_invalid": _l("%(email)s is not a valid email address."),
    "already_applied": _l("%(email)s has already applied to this opening."),
    "transition_invalid": _l("An application cannot move from this status to that one."),
    "decision_required": _l("An offer, a hire or a rejection is a decision: record it under "
                            "“Decision”, with its rationale."),
    "already_decided": _l("Already decided by %(who)s at %(when)s: %(outcome)s. Nothing was "
                          "recorded; reload the page to see that decision."),
    "already_moved": _l("Already moved to %(status)s by %(who)s at %(when)s. Nothing was "
                        "recorded; reload the page to see it."),
    # interviews
    "application_closed": _l("This application is closed."),
    "stage_invalid": _l("Choose a stage of this opening."),
    "stage_taken": _l("The stage %(stage)s is already scheduled for this candidate."),
    "time_required": _l("Enter the date and time of the interview."),
    "panel_required": _l("Choose at least one interviewer for the panel."),
    "not_an_interviewer": _l("Only active interviewers, managers or admins can sit on a panel."),
    "seat_in_use": _l("%(name)s has already started their scorecard and stays on the panel."),
    # scoring (a scorecard saved elsewhere meanwhile is the kernel's ``edit_conflict``)
    "not_your_scorecard": _l("Only its author can change a scorecard."),
    "locked": _l("This scorecard is submitted and locked. Ask the hiring manager to reopen "
                 "it if something must change."),
    "recommendation_invalid": _l("Choose one of the recommendations."),
    "question_unknown": _l("The form does not match this interview kit: question id "
                           "%(value)s is not in it. Reload the page."),
    "item_id_invalid": _l("The form does not match this interview kit: “%(value)s” is not "
                          "a question id."),
    "question_repeated": _l("Question %(position)s is in the form twice. Nothing was saved: "
                            "reload the page."),
    "rating_invalid": _l("Nothing was saved: a rating is a whole number from 1 to 5."),
    "answers_invalid": plural_l("Nothing was saved: %(count)s answer below cannot be stored "
                                "as it is.",
                                "Nothing was saved: %(count)s answers below cannot be stored "
                                "as they are."),
    "incomplete": plural_l("The scorecard is not complete yet (%(count)s point below). "
                           "Your input was saved as a draft.",
                           "The scorecard is not complete yet (%(count)s points below). "
                           "Your input was saved as a draft."),
    "not_hiring_manager": _l("Only the hiring manager of this opening or an admin can do this."),
    "not_submitted": _l("Only a submitted scorecard can be reopened."),
    "reason_required": _l("Give a reason."),
    # candidate scorecard
    "outcome_invalid": _l("Choose advance, reject or hire."),
    "rationale_required": _l("Give the rationale for the decision."),
    "departure_reason_required": _l("This decision departs from the opening's rule: give an "
                                    "explicit reason for it."),
    "submit_own_first": _l("Submit your own scorecard for %(stage)s first: until then the "
                           "other interviewers' scorecards of that interview are hidden from "
                           "you, and a decision counts them."),
    "note_required": _l("Write the debrief note."),
    "days_negative": _l("The number of days cannot be negative."),
}


# The problems of an ``incomplete`` scorecard, one per question (``position``) or for
# the overall recommendation.
SCORING_PROBLEMS = {
    "rating_missing": _l("Question %(position)s: choose a rating or mark it “not asked”."),
    "reason_missing": _l("Question %(position)s: say why it was not asked."),
    "note_missing": _l("Question %(position)s: this opening requires an evidence note."),
    "recommendation_missing": _l("Choose an overall recommendation."),
    # answers that cannot be stored (``answers_invalid``)
    "answer_rating_range": _l("Question %(position)s: “%(value)s” is not a rating; ratings go from "
                       "1 to 5."),
    "text_too_long": _l("Question %(position)s: %(field)s is %(length)s characters long; "
                        "at most %(max)s fit."),
}


# The candidate CSV import's own codes; the reader's (``csv_*``) come with its error class.
CANDIDATE_IMPORT_MESSAGES = {
    "duplicate_in_file": _l("%(email)s appears twice in the file (first on line %(first)s)."),
    "already_applied": HIRING_MESSAGES["already_applied"],
}


# --- profiles, exemplars ----------------------------------------------------------------

PROFILE_MESSAGES = {
    "profile_rejected": plural_l("The profile was not saved: %(count)s problem to fix.",
                                 "The profile was not saved: %(count)s problems to fix."),
    "profile_name_required": _l("Enter a name."),
    "no_competency": _l("Add at least one competency."),
    "row_competency_required": _l("Row %(row)s: choose a competency."),
    "unknown_competency": _l("Row %(row)s: this competency does not exist."),
    "duplicate_competency": _l("Row %(row)s: %(code)s is already in row %(first)s."),
    "weight_positive": _l("Row %(row)s: the weight must be a number greater than 0."),
    "level_range": _l("Row %(row)s: the target level must be a whole number from 1 to 5."),
    "profile_archived": _l("This profile is archived. Restore it before changing it."),
    "unknown_archetype": _l("There is no such starter set."),
    "ratings_rejected": plural_l("The ratings were not saved: %(count)s problem to fix.",
                                 "The ratings were not saved: %(count)s problems to fix."),
    "rating_not_in_profile": _l("Row %(row)s: a rating for a competency outside this profile."),
    "rating_range": _l("Row %(row)s: ratings go from 1 to 5."),
    "no_ratings": _l("There are no ratings yet: rate team members first."),
    # The exemplar CSV; the reader's own problems (encoding, header, …) are its csv_* codes.
    "exemplar_no_competency_column": _l("Add one column per competency code of this profile "
                                        "after is_high_performer."),
    "exemplar_unknown_email": _l("%(email)s is not an active team member (role CSM)."),
    "exemplar_duplicate_email": _l("%(email)s is already on line %(first)s."),
    "exemplar_flag": _l("is_high_performer must be 1 or 0 (yes or no), not “%(value)s”."),
    "exemplar_rating": _l("“%(value)s” is not a rating from 1 to 5."),
}

# The reason recorded when a manager accepts the suggestion from exemplar ratings (in
# the language of the manager who accepts it, like a reason they would type).
ACCEPTED_SUGGESTION = _l("accepted suggestion")

PROFILE_AUDIT_LABELS = {
    "name": _l("Name"),
    "role_title": _l("Role title"),
    "description": _l("Description"),
    "archived": _l("Archived"),
}
PROFILE_AUDIT_VALUES = {"archived": YES_NO}


def profile_audit_label(field: str) -> str:
    """The history label of a profile field; an entry's fields are ``<code>.weight``
    and ``<code>.target_level`` (the competency code at the time of the change)."""
    code, _dot, part = field.partition(".")
    if part == "weight":
        return _("Weight of %(code)s", code=code)
    if part == "target_level":
        return _("Target level of %(code)s", code=code)
    if field == CREATED:
        return _("Created")
    return str(PROFILE_AUDIT_LABELS.get(field, field))


# --- kits --------------------------------------------------------------------------------

KIT_MESSAGES = {
    "kit_name_required": _l("Enter a name for the kit."),
    # "language_invalid" is the question bank's: the same choice, the same words.
    "kit_profile_required": _l("Choose an active profile."),
    "profile_empty": _l("This profile has no competencies yet: add some first."),
    "minutes_per_question_range": _l("Minutes per question go from 1 to %(max)s."),
    "minutes_positive": _l("Enter the interview length in minutes."),
    "too_short": _l("The interview is shorter than one question of %(minutes)s minutes."),
    "length_required": _l("Enter a number of questions or an interview length."),
    "total_range": _l("A kit has from 1 to %(max)s questions."),
    "published_immutable": _l("Version %(number)s is published and can no longer change. "
                              "Use “Edit (new version)” to start the next version."),
    "published_immutable_by": _l(
        "Version %(number)s is published and can no longer change. It was published by "
        "%(who)s at %(when)s. Use “Edit (new version)” to start the next version."),
    "published_immutable_at": _l(
        "Version %(number)s is published and can no longer change. It was published at "
        "%(when)s. Use “Edit (new version)” to start the next version."),
    "question_unavailable": _l("Choose an active question from the bank."),
    "question_other_competency": _l("The new question must be about the same competency."),
    "question_other_language": _l("The new question must be in the kit's language."),
    "question_already_in_kit": _l("That question is already in this version."),
    "direction_invalid": _l("Move the question up or down."),
    "item_unknown": _l("That question is not in this version."),
    "empty_kit": _l("A kit without questions cannot be published."),
    "nothing_published": _l("Publish the first version before starting a new one."),
}

KIT_STATUS_LABELS = {"draft": _l("Draft"), "published": _l("Published")}


class VersionPublished(HiringError):
    """A change to a published kit version — perhaps published a moment ago by a request
    that came first. Names who published it and when, the time written in the reader's
    language and time zone when the message is shown (``published_immutable``)."""

    def __init__(self, *, number: int, who: str | None, when: datetime | None) -> None:
        super().__init__("published_immutable", number=number)
        self.who, self.when = who, when

    def message(self) -> str:
        if self.when is None:
            return super().message()
        code = "published_immutable_by" if self.who else "published_immutable_at"
        return self.text_for(code, {**self.params, "who": self.who,
                                    "when": format_when(self.when)})


def kit_audit_label(field: str) -> str:
    """The history label of a kit event. Fields name their version: ``v2.status`` (a
    version made or published), ``v2.question_3`` (the question at position 3)."""
    version, _dot, part = field.partition(".")
    number = version.removeprefix("v")
    if part == "status":
        return _("Version %(n)s", n=number)
    if part.startswith("question_"):
        return _("Version %(n)s, question %(position)s", n=number,
                 position=part.removeprefix("question_"))
    return field


def kit_audit_value(field: str, stored: str) -> str:
    if field.endswith(".status"):
        return str(KIT_STATUS_LABELS.get(stored, stored))
    return stored


# --- question bank -----------------------------------------------------------------------

QUESTION_MESSAGES = {
    "competency_required": _l("Choose a competency."),
    "competency_archived": _l("%(competency)s is archived: choose an active competency."),
    "type_invalid": _l("Choose a question type."),
    "language_invalid": _l("Choose a language."),
    "text_required": _l("Write the question."),
}


# --- the one table ----------------------------------------------------------------------

HiringError.messages = {
    **QUESTION_MESSAGES, **KIT_MESSAGES, **PROFILE_MESSAGES, **HIRING_MESSAGES,
    **SCORING_PROBLEMS,
}


class HiringCsvError(HiringError, CsvImportError):
    """A hiring CSV file refused (nothing imported): a ``HiringError`` that the one CSV
    reader raises too, so its table holds the reader's codes beside hiring's. Defined
    after the table, which its class creation merges in."""


class CandidateImportError(HiringCsvError):
    """A candidate CSV file refused: hiring's and the reader's codes, and the import's
    own (``CANDIDATE_IMPORT_MESSAGES``)."""

    messages = CANDIDATE_IMPORT_MESSAGES
