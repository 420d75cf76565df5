"""Forms of the hiring process: openings, candidates, interviews, scorecards, decisions.

Forms only parse and label input; the rules live in the services. Choices that come
from the database are filled in by the view (``set_choices``) before validation.
"""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional

from cshire.forms import MultiCheckboxField
from cshire.interviews.models import ApplicationStatus, DecisionOutcome, Recommendation
from cshire.interviews.services.scoring import AnswerInput, ScorecardInput

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
    DecisionOutcome.REJECT.value: _l("Reject"),
    DecisionOutcome.HIRE.value: _l("Hire"),
}
NOT_ASKED = "na"
RATING_CHOICES = [(str(n), str(n)) for n in range(1, 6)] + [(NOT_ASKED, _l("Not asked"))]


def _int_or_none(value):
    return int(value) if value not in (None, "", "None") else None


class OpeningForm(FlaskForm):
    title = StringField(_l("Role / title"), validators=[DataRequired(), Length(max=200)],
                        description=_l("For example: Customer Success Manager — high touch."))
    description = TextAreaField(_l("Description"), validators=[Optional()])
    profile_id = SelectField(_l("High-performer profile"), coerce=_int_or_none,
                             validators=[DataRequired()])
    hiring_manager_id = SelectField(_l("Hiring manager"), coerce=_int_or_none,
                                    validators=[DataRequired()])
    fit_threshold = IntegerField(
        _l("Fit threshold (0–100, optional)"), validators=[Optional(), NumberRange(0, 100)],
        description=_l("The declared rule: advance or hire candidates whose fit is at or "
                       "above this value. Decisions that depart from it need a reason."))
    notes_required = BooleanField(_l("Require an evidence note with every rating"))
    stage1_name = StringField(_l("Stage 1 name"), validators=[Optional(), Length(max=120)])
    stage1_kit = SelectField(_l("Stage 1 interview kit"), coerce=_int_or_none,
                             validators=[Optional()])
    stage2_name = StringField(_l("Stage 2 name (optional)"),
                              validators=[Optional(), Length(max=120)])
    stage2_kit = SelectField(_l("Stage 2 interview kit"), coerce=_int_or_none,
                             validators=[Optional()])


class StageForm(FlaskForm):
    name = StringField(_l("Stage name"), validators=[DataRequired(), Length(max=120)])
    kit_version_id = SelectField(_l("Interview kit (published version)"), coerce=_int_or_none,
                                 validators=[DataRequired()])


class CandidateForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    email = StringField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    phone = StringField(_l("Phone (optional)"), validators=[Optional(), Length(max=40)])
    source = StringField(_l("Source"), validators=[Optional(), Length(max=120)],
                         description=_l("Where the candidate came from: referral, job board…"))
    notes = TextAreaField(_l("Notes"), validators=[Optional()])
    consent_on = DateField(_l("Consent date"), validators=[Optional()],
                           description=_l("The day the candidate agreed to the processing "
                                          "of their data."))


class CandidateImportForm(FlaskForm):
    file = FileField(_l("CSV file"), validators=[
        FileRequired(), FileAllowed(["csv", "txt"], _l("Upload a .csv file."))])


class InterviewForm(FlaskForm):
    stage_id = SelectField(_l("Stage"), coerce=_int_or_none, validators=[DataRequired()])
    scheduled_at = DateTimeLocalField(_l("Date and time (UTC)"), validators=[DataRequired()],
                                      format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"])
    location = StringField(_l("Place or video link"), validators=[Optional(), Length(max=200)])
    panel = MultiCheckboxField(_l("Panel"), coerce=int)


class StatusForm(FlaskForm):
    status = SelectField(_l("New status"), validators=[DataRequired()])
    note = StringField(_l("Note (optional)"), validators=[Optional(), Length(max=500)])


class AnswerForm(Form):
    """One kit question on the scoring form (a sub-form: CSRF is on the parent)."""

    item_id = HiddenField()
    rating = RadioField(_l("Rating"), choices=RATING_CHOICES, validate_choice=False)
    not_asked_reason = StringField(_l("Why not asked"), validators=[Optional(), Length(max=300)])
    note = TextAreaField(_l("Evidence note"), validators=[Optional()])


class ScorecardForm(FlaskForm):
    version = HiddenField()
    answers = FieldList(FormField(AnswerForm))
    recommendation = RadioField(
        _l("Overall recommendation"), validate_choice=False,
        choices=list(RECOMMENDATION_LABELS.items()))


class ReopenForm(FlaskForm):
    reason = TextAreaField(_l("Reason for reopening"), validators=[DataRequired()],
                           description=_l("Kept in the scorecard's audit trail."))


class DecisionForm(FlaskForm):
    outcome = RadioField(_l("Decision"), choices=list(OUTCOME_LABELS.items()),
                         validators=[DataRequired()])
    rationale = TextAreaField(_l("Rationale"), validators=[DataRequired()])
    departure_reason = TextAreaField(
        _l("Reason for departing from the rule"), validators=[Optional()],
        description=_l("Required when the decision goes against the opening's fit threshold."))


class DebriefForm(FlaskForm):
    text = TextAreaField(_l("Debrief note"), validators=[DataRequired()])


def scorecard_input(form: ScorecardForm) -> ScorecardInput:
    """The posted scoring form as a service input; ValueError on tampered ids."""
    answers = []
    for entry in form.answers.entries:
        rating = entry.form.rating.data or ""
        answers.append(AnswerInput(
            kit_item_id=int(entry.form.item_id.data),
            rating=int(rating) if rating.isdigit() else None,
            not_asked=rating == NOT_ASKED,
            not_asked_reason=entry.form.not_asked_reason.data or "",
            note=entry.form.note.data or "",
        ))
    version = str(form.version.data or "")
    return ScorecardInput(version=int(version) if version.isdigit() else -1,
                          recommendation=form.recommendation.data or None, answers=answers)


def fill_scorecard_form(form: ScorecardForm, scorecard, rows) -> None:
    """Load a stored scorecard into an unbound form (``rows``: kit item, answer)."""
    form.version.data = scorecard.version
    form.recommendation.data = scorecard.recommendation
    while form.answers.entries:
        form.answers.pop_entry()
    for item, answer in rows:
        rating = ""
        if answer is not None:
            rating = NOT_ASKED if answer.not_asked else str(answer.rating or "")
        form.answers.append_entry({
            "item_id": item.id, "rating": rating,
            "not_asked_reason": answer.not_asked_reason if answer else "",
            "note": answer.note if answer else "",
        })


def pair_entries(form: ScorecardForm, items) -> list:
    """(kit item, answer sub-form) for every question in kit order; a question missing
    from the posted data gets an empty sub-form so the page always shows all of them."""
    entries = {}
    for entry in form.answers.entries:
        entries.setdefault(str(entry.form.item_id.data), entry)
    pairs = []
    for item in items:
        entry = entries.get(str(item.id))
        if entry is None:
            entry = form.answers.append_entry({"item_id": item.id})
        pairs.append((item, entry))
    return pairs


HIRING_MESSAGES = {
    # openings
    "title_required": _l("Enter the role or title of the opening."),
    "profile_required": _l("Choose an active high-performer profile."),
    "hiring_manager_invalid": _l("The hiring manager must be an active manager or admin."),
    "own_openings_only": _l("Managers can only create openings they manage themselves."),
    "threshold_range": _l("The fit threshold is a number from 0 to 100."),
    "stage_required": _l("Add at least one interview stage with a name and a kit."),
    "stage_name_required": _l("Give every stage a name."),
    "kit_not_published": _l("Every stage needs a published interview kit version."),
    # candidates
    "name_required": _l("Enter the candidate's name."),
    "email_invalid": _l("%(email)s is not a valid email address."),
    "already_applied": _l("%(email)s has already applied to this opening."),
    "import_rejected": _l("Nothing was imported: %(count)s line(s) need attention."),
    "duplicate_in_file": _l("%(email)s appears twice in the file (first on line %(first)s)."),
    "not_utf8": _l("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again."),
    "bad_header": _l("The first line must name the columns (%(columns)s). "
                     "Missing: %(missing)s. Unknown: %(unknown)s."),
    "too_many_rows": _l("At most %(max)s candidates per file."),
    "too_many_values": _l("This line has more values than the header has columns."),
    "consent_date_invalid": _l("“%(value)s” is not a date; write it as YYYY-MM-DD."),
    "empty": _l("The file has no candidates."),
    "transition_invalid": _l("An application cannot move from this status to that one."),
    # interviews
    "application_closed": _l("This application is closed."),
    "stage_invalid": _l("Choose a stage of this opening."),
    "stage_taken": _l("The stage %(stage)s is already scheduled for this candidate."),
    "time_required": _l("Enter the date and time of the interview."),
    "panel_required": _l("Choose at least one interviewer for the panel."),
    "not_an_interviewer": _l("Only active interviewers, managers or admins can sit on a panel."),
    "seat_in_use": _l("%(name)s has already started their scorecard and stays on the panel."),
    # scoring
    "not_your_scorecard": _l("Only its author can change a scorecard."),
    "locked": _l("This scorecard is submitted and locked. Ask the hiring manager to reopen "
                 "it if something must change."),
    "stale": _l("This scorecard was saved elsewhere (another tab or device) after you "
                "opened it. Your input is still on this page. Save again to replace the "
                "saved version with what you see here, or reload to see the saved one."),
    "recommendation_invalid": _l("Choose one of the recommendations."),
    "question_unknown": _l("The form does not match this interview kit. Reload the page."),
    "rating_invalid": _l("Ratings go from 1 to 5."),
    "incomplete": _l("The scorecard is not complete yet (%(count)s point(s) below). "
                     "Your input was saved as a draft."),
    "not_hiring_manager": _l("Only the hiring manager of this opening or an admin can do this."),
    "not_submitted": _l("Only a submitted scorecard can be reopened."),
    "reason_required": _l("Give a reason."),
    # candidate scorecard
    "outcome_invalid": _l("Choose advance, reject or hire."),
    "rationale_required": _l("Give the rationale for the decision."),
    "departure_reason_required": _l("This decision departs from the opening's rule: give an "
                                    "explicit reason for it."),
    "note_required": _l("Write the debrief note."),
    "days_negative": _l("The number of days cannot be negative."),
}
SCORING_PROBLEMS = {
    "rating_missing": _l("Question %(position)s: choose a rating or mark it “not asked”."),
    "reason_missing": _l("Question %(position)s: say why it was not asked."),
    "note_missing": _l("Question %(position)s: this opening requires an evidence note."),
    "recommendation_missing": _l("Choose an overall recommendation."),
}


def message(error) -> str:
    """The translated text of a ``HiringError`` (or a row error of an import)."""
    text = str(HIRING_MESSAGES.get(error.code, _l("Something is not right: %(code)s")))
    params = dict(error.params or {}, code=error.code)
    return text % params


def problem_message(problem) -> str:
    return str(SCORING_PROBLEMS[problem.code]) % {"position": problem.position}
