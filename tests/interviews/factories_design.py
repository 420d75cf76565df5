"""Builders for hiring-design test data (profiles, bank questions, kits, ratings).
Each flushes, none commits."""

from itertools import count

from cshire.auth.models import Role, User
from cshire.competencies.models import Competency
from cshire.extensions import db
from cshire.interviews.models.kits import InterviewKit
from cshire.interviews.models.profiles import HighPerformerProfile, ProfileCompetency
from cshire.interviews.models.questions import InterviewQuestion
from cshire.interviews.services.exemplars import (
    ExemplarInput,
    save_exemplars,
)
from cshire.interviews.services.kits import KitRequest, build_kit, publish
from tests import factories

_sequence = count(1)


def profile(*entries: tuple[Competency, float, int], name: str | None = None,
            archived: bool = False) -> HighPerformerProfile:
    """A profile with ``(competency, weight, target level)`` entries; by default three
    fresh competencies weighted 3, 2 and 1."""
    if not entries:
        entries = tuple((factories.competency(), w, lvl) for w, lvl in ((3.0, 5), (2.0, 4),
                                                                         (1.0, 3)))
    created = HighPerformerProfile(name=name or f"Profile {next(_sequence)}")
    for competency, weight, level in entries:
        created.entries.append(
            ProfileCompetency(competency=competency, weight=weight, target_level=level)
        )
    if archived:
        from cshire.database import utcnow

        created.archived_at = utcnow()
    db.session.add(created)
    db.session.flush()
    return created


def question(competency: Competency, *, language: str = "en",
             question_type: str = "situational", text: str | None = None,
             active: bool = True, times_used: int = 0) -> InterviewQuestion:
    n = next(_sequence)
    created = InterviewQuestion(
        competency=competency, language=language, question_type=question_type,
        text=text or f"Question {n} about {competency.code}?",
        probes=f"Probe {n}.1\nProbe {n}.2", anchor_low=f"Weak answer {n}",
        anchor_mid=f"Solid answer {n}", anchor_high=f"Role-model answer {n}",
        active=active, times_used=times_used,
    )
    db.session.add(created)
    db.session.flush()
    return created


def bank_for(p: HighPerformerProfile, per_competency: int = 3, *,
             language: str = "en") -> list[InterviewQuestion]:
    """``per_competency`` active questions for every competency of the profile."""
    return [
        question(entry.competency, language=language)
        for entry in p.entries
        for _ in range(per_competency)
    ]


def kit(p: HighPerformerProfile, *, total: int = 6, language: str = "en",
        published: bool = False, actor: User | None = None,
        name: str | None = None) -> InterviewKit:
    created = build_kit(KitRequest(
        name=name or f"Kit {next(_sequence)}", profile_id=p.id, language=language,
        minutes_per_question=5, total_questions=total,
    ), actor=actor)
    if published:
        publish(created.versions[0], actor=actor)
    return created


def csm(name: str | None = None, email: str | None = None) -> User:
    return factories.user(Role.CSM, name=name, email=email)


def rate(p: HighPerformerProfile, member: User, high: bool, ratings: dict[str, int]) -> None:
    """Store ``member``'s ratings by competency code."""
    ids = {e.competency.code: e.competency_id for e in p.entries}
    save_exemplars(p, [ExemplarInput(member.id, high, {ids[c]: r for c, r in ratings.items()})],
                   actor=None)
