"""Builders for the hiring-process tests: published kits, openings, candidates,
interviews and scorecards. Each flushes; none commits, except the few named for the
HTTP tests (``committed_seat``, ``scored_application``), whose requests run in a
session of their own. And the helpers those tests share."""

from datetime import datetime, timedelta
from itertools import count

from cshire.auth.models import Role, User
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.models.candidates import Application, ApplicationEvent, Candidate
from cshire.interviews.models.decisions import DebriefNote
from cshire.interviews.models.interviews import Interview
from cshire.interviews.models.kits import InterviewKit, InterviewKitVersion, KitItem, KitStatus
from cshire.interviews.models.openings import Opening, OpeningStage
from cshire.interviews.models.profiles import HighPerformerProfile, ProfileCompetency
from cshire.interviews.models.scoring import Scorecard
from cshire.interviews.services.scoring import (
    AnswerInput,
    ScorecardInput,
    save_draft,
    submit_scorecard,
)
from tests import factories

_sequence = count(1)


def profile(weights: dict | None = None, targets: dict | None = None,
            competencies: list | None = None) -> HighPerformerProfile:
    """A profile over ``competencies`` (three new ones by default), weight 1, target 4."""
    competencies = competencies or [factories.competency() for _ in range(3)]
    created = HighPerformerProfile(name=f"Profile {next(_sequence)}", role_title="CSM")
    for c in competencies:
        created.entries.append(ProfileCompetency(
            competency=c, weight=(weights or {}).get(c.code, 1.0),
            target_level=(targets or {}).get(c.code, 4)))
    db.session.add(created)
    db.session.flush()
    return created


def kit_version(for_profile: HighPerformerProfile | None = None,
                per_competency: int = 1) -> InterviewKitVersion:
    """A published version whose items cover each profile competency in turn."""
    for_profile = for_profile or profile()
    kit = InterviewKit(name=f"Kit {next(_sequence)}", profile=for_profile, language="en")
    version = InterviewKitVersion(number=1, status=KitStatus.PUBLISHED.value,
                                  total_questions=0, published_at=utcnow())
    kit.versions.append(version)
    position = 1
    for entry in for_profile.entries:
        for k in range(per_competency):
            version.items.append(KitItem(
                position=position, competency=entry.competency, question_type="situational",
                text=f"Question {position} about {entry.competency.code} ({k + 1})",
                probes="What did the customer say?\nWhat happened next?",
                anchor_low=f"Low answer {position}", anchor_mid=f"Mid answer {position}",
                anchor_high=f"High answer {position}"))
            position += 1
    version.total_questions = len(version.items)
    db.session.add(kit)
    db.session.flush()
    return version


def opening(manager: User | None = None, *, stages: int = 1, threshold: float | None = None,
            notes_required: bool = False,
            version: InterviewKitVersion | None = None) -> Opening:
    manager = manager or factories.user(Role.MANAGER)
    version = version or kit_version()
    created = Opening(title=f"Opening {next(_sequence)}", profile=version.kit.profile,
                      hiring_manager=manager, fit_threshold=threshold,
                      notes_required=notes_required)
    for position in range(1, stages + 1):
        created.stages.append(OpeningStage(position=position, name=f"Stage {position}",
                                           kit_version=version))
    db.session.add(created)
    db.session.flush()
    return created


def application(of: Opening, *, name: str | None = None, email: str | None = None,
                status: str = "applied") -> Application:
    n = next(_sequence)
    candidate = Candidate(opening=of, name=name or f"Candidate {n}",
                          email=email or f"candidate{n}@example.test", phone="+81 3 0000 0000",
                          notes="Met at a meetup.")
    created = Application(opening=of, candidate=candidate, status=status)
    created.events.append(ApplicationEvent(from_status=None, to_status=status))
    db.session.add(created)
    db.session.flush()
    return created


def interview(of: Application, panel: list[User], *, stage: OpeningStage | None = None,
              when: datetime | None = None) -> Interview:
    created = Interview(application=of, stage=stage or of.opening.stages[0],
                        scheduled_at=when or utcnow() - timedelta(hours=2))
    created.scorecards = [Scorecard(interviewer=user) for user in panel]
    db.session.add(created)
    db.session.flush()
    return created


def add_seat(of: Interview, user: User) -> Scorecard:
    """Put one more interviewer on the panel."""
    created = Scorecard(interviewer=user)
    of.scorecards.append(created)
    db.session.flush()
    return created


def seat(of: Interview, user: User) -> Scorecard:
    return next(s for s in of.scorecards if s.interviewer_id == user.id)


def rate(scorecard: Scorecard, ratings: list, *, recommendation: str | None = "yes",
         note: str = "Concrete example.", submit: bool = True) -> Scorecard:
    """Give the kit's questions these ratings in order (None: not asked), then submit."""
    items = scorecard.interview.stage.kit_version.items
    answers = [
        AnswerInput(item.id, not_asked=True, not_asked_reason="Out of time") if r is None
        else AnswerInput(item.id, rating=r, note=note)
        for item, r in zip(items, ratings, strict=False)
    ]
    save_draft(scorecard, ScorecardInput(scorecard.version, recommendation, answers),
               actor=scorecard.interviewer)
    if submit:
        submit_scorecard(scorecard, actor=scorecard.interviewer)
    return scorecard


def interviewer(name: str | None = None) -> User:
    return factories.user(Role.INTERVIEWER, name=name)


def add_debrief(of: Application, author: User,
                text: str = "Discussed in the debrief") -> DebriefNote:
    note = DebriefNote(author=author, text=text)
    of.debrief_notes.append(note)
    db.session.flush()
    return note


# --------------------------------------------------------------- HTTP tests


def page_text(response) -> str:
    return response.get_data(as_text=True)


def committed_seat() -> Scorecard:
    """An interviewer's empty scorecard on a three-question kit, committed."""
    created = application(opening(threshold=60), status="interviewing")
    seats = interview(created, [interviewer("Ivan")]).scorecards
    db.session.commit()
    return seats[0]


def scored_application(threshold: float = 60) -> Application:
    """Sato Aiko, interviewing, scored by Ana (1, 2, 2: no) and Ben (4, 2, 3: yes)."""
    created = application(opening(threshold=threshold), name="Sato Aiko",
                          status="interviewing")
    ana, ben = interviewer("Ana"), interviewer("Ben")
    held = interview(created, [ana, ben])
    rate(seat(held, ana), [1, 2, 2], recommendation="no")
    rate(seat(held, ben), [4, 2, 3], recommendation="yes")
    db.session.commit()
    return created


def scoring_data(scorecard: Scorecard, ratings: list, *, version: int | None = None,
                 action: str = "save", recommendation: str | None = "yes",
                 notes: dict | None = None) -> dict:
    """The POST body of the scoring form for these ratings (None: not asked)."""
    data = {"version": str(scorecard.version if version is None else version),
            "action": action, "recommendation": recommendation or ""}
    items = scorecard.interview.stage.kit_version.items
    for i, (item, rating) in enumerate(zip(items, ratings, strict=False)):
        data[f"answers-{i}-item_id"] = str(item.id)
        data[f"answers-{i}-rating"] = "na" if rating is None else str(rating)
        data[f"answers-{i}-not_asked_reason"] = "Out of time" if rating is None else ""
        data[f"answers-{i}-note"] = (notes or {}).get(i, "Specific example")
    return data
