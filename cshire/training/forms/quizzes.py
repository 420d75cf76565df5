"""Quiz forms: a question with up to six choices."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, FieldList, Form, FormField, RadioField, TextAreaField
from wtforms.validators import Length, Optional

from cshire.forms import VersionedForm
from cshire.training.rules.quizzes import MAX_CHOICES


class ChoiceForm(Form):
    """One row of the question form (a plain Form: the question form holds the CSRF
    token)."""

    text_en = TextAreaField(_l("Choice (English)"), validators=[Optional(), Length(max=2000)])
    text_ja = TextAreaField(_l("Choice (Japanese)"), validators=[Optional(), Length(max=2000)])
    correct = BooleanField(_l("Right answer"))
    explanation_en = TextAreaField(_l("Explanation (English)"),
                                   validators=[Optional(), Length(max=4000)])
    explanation_ja = TextAreaField(_l("Explanation (Japanese)"),
                                   validators=[Optional(), Length(max=4000)])


class QuestionForm(VersionedForm, FlaskForm):
    """``version`` is the quiz module's: question edits are checked against it."""

    prompt_en = TextAreaField(_l("Question (English)"), validators=[Optional(), Length(max=4000)])
    prompt_ja = TextAreaField(_l("Question (Japanese)"),
                              validators=[Optional(), Length(max=4000)])
    multiple = RadioField(
        _l("Answers"), default="single",
        choices=[("single", _l("Single choice: exactly one right answer")),
                 ("multiple", _l("Multiple choice: one or more right answers"))])
    choices = FieldList(FormField(ChoiceForm), min_entries=MAX_CHOICES,
                        max_entries=MAX_CHOICES)


class QuizVersionForm(VersionedForm, FlaskForm):
    """A button that changes the quiz (archive a question), carrying its version."""
