"""Hiring demo steps: the question bank, a profile per archetype, a published
10-question kit per profile, exemplar ratings, then the simulated pipeline
(``demo_simulation``). Design data: a profile per archetype (with a role title), the
seed question bank in both languages, a published 10-question kit per profile and a set
of exemplar ratings that yields a readable suggestion. Names and titles are written in
the demo's language, from ``demo_content``.

Runs after the demo people and the three archetypes' competencies exist. Every step
is get-or-create by a natural key, so running it twice changes nothing.
"""

from sqlalchemy import select

from cshire.auth.models import User
from cshire.competencies.models import Competency
from cshire.competencies.starter_sets import ARCHETYPES
from cshire.extensions import db
from cshire.interviews.demo_content import hiring_demo
from cshire.interviews.demo_simulation import load_process_demo
from cshire.interviews.models.exemplars import ExemplarMember
from cshire.interviews.models.kits import InterviewKit
from cshire.interviews.models.profiles import HighPerformerProfile
from cshire.interviews.models.questions import InterviewQuestion
from cshire.interviews.question_seed import QUESTIONS
from cshire.interviews.services.exemplars import (
    ExemplarInput,
    save_exemplars,
    team_members,
)
from cshire.interviews.services.kits import KitRequest, build_kit, publish
from cshire.interviews.services.profiles import (
    create_from_archetype,
)

LANGUAGES = ("en", "ja")
KIT_QUESTIONS = 10
EXEMPLAR_ARCHETYPE = "careful_support"
# The demo team's high performers, and the competencies on which they clearly stand
# out (differentiating); on the others everybody is rated alike (threshold).
HIGH_PERFORMERS = ("haruka@example.com", "sara@example.com", "yuki@example.com")
STAND_OUT = ("EMPATHY", "REASSURANCE", "CUSTOMER-FIRST")
# Ratings by position within each group. On STAND_OUT the high performers' mean is
# 4.67 against 3.5 (Cohen's d about 2); elsewhere both groups have the same ratings,
# rotated per competency (d = 0: a threshold competency).
PATTERNS = {
    (True, True): (5, 4, 5), (True, False): (4, 3, 4, 3, 3, 4),
    (False, True): (4, 3, 4), (False, False): (4, 3, 4, 4, 3, 4),
}


def load_design_demo(lang: str) -> list[str]:
    manager = db.session.scalar(select(User).where(User.email == "manager@example.com"))
    added = _load_questions()
    profiles = [_profile(code, manager, lang) for code in ARCHETYPES]
    kits = sum(_published_kit(profile, manager, lang) for profile in profiles)
    rated = _exemplars(
        next(p for p in profiles if p.archetype == EXEMPLAR_ARCHETYPE), manager
    )
    db.session.flush()
    return [
        f"question bank: {added} questions added ({len(QUESTIONS)} per language)",
        f"profiles: {len(profiles)} (one per archetype); kits: {kits} published",
        f"exemplar ratings: {rated} team members rated",
    ]


def _load_questions() -> int:
    """Every seed question once per language, keyed ``<key>:<lang>``."""
    existing = set(db.session.scalars(
        select(InterviewQuestion.seed_key).where(InterviewQuestion.seed_key.is_not(None))
    ))
    competencies = {c.code: c.id for c in db.session.scalars(select(Competency))}
    added = 0
    for seed in QUESTIONS:
        if seed.competency_code not in competencies:
            continue
        for language in LANGUAGES:
            key = f"{seed.key}:{language}"
            if key in existing:
                continue
            db.session.add(InterviewQuestion(
                competency_id=competencies[seed.competency_code],
                question_type=seed.question_type, language=language, seed_key=key,
                text=getattr(seed.text, language),
                probes="\n".join(getattr(probe, language) for probe in seed.probes),
                anchor_low=getattr(seed.anchor_low, language),
                anchor_mid=getattr(seed.anchor_mid, language),
                anchor_high=getattr(seed.anchor_high, language),
            ))
            added += 1
    db.session.flush()
    return added


def _profile(archetype: str, manager: User | None, lang: str) -> HighPerformerProfile:
    profile = db.session.scalar(
        select(HighPerformerProfile)
        .where(HighPerformerProfile.archetype == archetype)
        .order_by(HighPerformerProfile.id)
    )
    if profile is None:
        profile = create_from_archetype(archetype, actor=manager, language=lang)
        # The starter set has no role title (a team names its own roles); the demo's
        # team has, so the profile list reads like theirs. Set on the new row, before
        # anyone has seen it: nothing for the audit trail to record.
        titles = {t["archetype"]: t["title"][lang] for t in hiring_demo()["role_titles"]}
        profile.role_title = titles.get(archetype, "")
    return profile


def _published_kit(profile: HighPerformerProfile, manager: User | None, lang: str) -> int:
    """1 when a kit was built and published now, 0 when the profile already has one."""
    if db.session.scalar(select(InterviewKit.id).where(InterviewKit.profile_id == profile.id)):
        return 0
    label = hiring_demo()["kit_names"]["structured"][lang]
    kit = build_kit(KitRequest(
        name=f"{profile.name} · {label}", profile_id=profile.id, language=lang,
        minutes_per_question=6, total_questions=KIT_QUESTIONS,
    ), actor=manager)
    publish(kit.versions[0], actor=manager)
    return 1


def _exemplars(profile: HighPerformerProfile, manager: User | None) -> int:
    """Ratings of the CSM team, once: high performers stand out on ``STAND_OUT``."""
    if db.session.scalar(
        select(ExemplarMember.id).where(ExemplarMember.profile_id == profile.id)
    ):
        return 0
    rows = []
    seen = {True: 0, False: 0}  # members so far in each group
    for member in sorted(team_members(), key=lambda u: u.email):
        high = member.email in HIGH_PERFORMERS
        ratings = {}
        for k, entry in enumerate(profile.entries):
            pattern = PATTERNS[(entry.competency.code in STAND_OUT, high)]
            ratings[entry.competency_id] = pattern[(seen[high] + k) % len(pattern)]
        seen[high] += 1
        rows.append(ExemplarInput(member.id, high, ratings))
    return save_exemplars(profile, rows, actor=manager) if rows else 0


STEPS = (
    ("hiring design", load_design_demo),
    ("hiring process", load_process_demo),
)
