"""The question bank: structured-interview questions per competency.

A question is never deleted once a kit may have used it; retiring it takes it out of
new kits while published kits keep their own copy of its wording.
"""

from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import selectinload

from cshire.competencies.models import Competency
from cshire.extensions import db
from cshire.interviews.messages import HiringError
from cshire.interviews.models.questions import InterviewQuestion, QuestionType

LANGUAGES = ("en", "ja")
STATUSES = ("active", "retired")


@dataclass(frozen=True)
class QuestionInput:
    competency_id: int | None
    question_type: str
    language: str
    text: str
    probes: str = ""  # one follow-up probe per line
    anchor_low: str = ""
    anchor_mid: str = ""
    anchor_high: str = ""


@dataclass(frozen=True)
class QuestionFilters:
    search: str = ""
    competency_id: int | None = None
    question_type: str = ""
    language: str = ""
    status: str = ""  # "", "active" or "retired"

    @property
    def any(self) -> bool:
        return bool(self.search or self.competency_id or self.question_type
                    or self.language or self.status)


def question_query(filters: QuestionFilters = QuestionFilters()) -> Select:
    """Bank rows matching the filters, competency loaded, by competency code; the
    query joins the competency, so a list may order by its columns."""
    query = select(InterviewQuestion).options(selectinload(InterviewQuestion.competency))
    if filters.search:
        needle = filters.search.strip()
        query = query.where(or_(
            func.lower(InterviewQuestion.text).like(f"%{needle.lower()}%"),
            InterviewQuestion.text.like(f"%{needle}%"),
            func.lower(InterviewQuestion.probes).like(f"%{needle.lower()}%"),
        ))
    if filters.competency_id:
        query = query.where(InterviewQuestion.competency_id == filters.competency_id)
    if filters.question_type in QuestionType._value2member_map_:
        query = query.where(InterviewQuestion.question_type == filters.question_type)
    if filters.language in LANGUAGES:
        query = query.where(InterviewQuestion.language == filters.language)
    if filters.status in STATUSES:
        query = query.where(InterviewQuestion.active.is_(filters.status == "active"))
    return (
        query.join(InterviewQuestion.competency)
        .order_by(Competency.code, InterviewQuestion.language, InterviewQuestion.id)
    )


def bank_is_empty() -> bool:
    """No question at all, in any language (the empty list's invitation)."""
    return db.session.scalar(select(InterviewQuestion.id).limit(1)) is None


def create_question(data: QuestionInput) -> InterviewQuestion:
    competency = _validate(data, None)
    question = InterviewQuestion(competency=competency)
    _apply(question, data)
    db.session.add(question)
    db.session.flush()
    return question


def update_question(question: InterviewQuestion, data: QuestionInput) -> InterviewQuestion:
    """Edit the bank row. Kits already built keep the wording they copied."""
    competency = _validate(data, question)
    question.competency = competency
    _apply(question, data)
    db.session.flush()
    return question


def set_active(question: InterviewQuestion, active: bool) -> InterviewQuestion:
    """Retire (out of new kits) or reactivate a question."""
    question.active = active
    db.session.flush()
    return question


def normalise_probes(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _validate(data: QuestionInput, question: InterviewQuestion | None) -> Competency:
    """The question's competency, or a refusal naming the form field at fault."""
    competency = db.session.get(Competency, data.competency_id) if data.competency_id else None
    if competency is None:
        raise HiringError.on_field("competency", "competency_required")
    # An archived competency keeps the questions it has but gets no new ones.
    if competency.archived_at is not None and (
        question is None or question.competency_id != competency.id
    ):
        raise HiringError.on_field("competency", "competency_archived",
                                   competency=competency.code)
    if data.question_type not in QuestionType._value2member_map_:
        raise HiringError.on_field("question_type", "type_invalid")
    if data.language not in LANGUAGES:
        raise HiringError.on_field("language", "language_invalid")
    if not data.text.strip():
        raise HiringError.on_field("text", "text_required")
    return competency


def _apply(question: InterviewQuestion, data: QuestionInput) -> None:
    question.question_type = data.question_type
    question.language = data.language
    question.text = data.text.strip()
    question.probes = normalise_probes(data.probes)
    question.anchor_low = data.anchor_low.strip()
    question.anchor_mid = data.anchor_mid.strip()
    question.anchor_high = data.anchor_high.strip()
