"""Seed question bank for structured interviews (構造化面接).

Every starter competency has at least two questions, and the heaviest competency of
each archetype (EMPATHY, GOAL-ORIENTATION, DOMAIN-EXPERTISE) has three, so a kit can
ask more about what matters most. ``CLEAR-EXPLANATION`` also has three because it is
shared by the careful-support and consulting sets. About two thirds of the questions
are situational: they put the candidate into a concrete B2B SaaS customer-success scene
so the interviewer can picture how this person would serve customers. The rest are
behavioural ("Tell me about a time..." / 「〜した経験について教えてください」).

Each question carries two or three follow-up probes and three anchored answers
(levels 1, 3 and 5). Anchors describe what the answer contains, not how confident the
candidate sounds, so two interviewers listening to the same answer score it alike.
Level-5 anchors build on level 3 ("As level 3, and ..." / 「レベル3の内容に加え、…」).

The texts live in ``cshire/content/questions/<archetype>.json``, English and Japanese
side by side: one file per starter set, holding the questions on the competencies that
set's file defines. This module declares their schema and builds ``QUESTIONS`` on first use.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from cshire.competencies.starter_sets import ARCHETYPES, Text
from cshire.content.loader import BILINGUAL, Items, LazySequence, String, load, record

SITUATIONAL = "situational"
BEHAVIOURAL = "behavioural"
QUESTION_TYPES = (SITUATIONAL, BEHAVIOURAL)


@dataclass(frozen=True)
class SeedQuestion:
    key: str  # stable id, e.g. "EMPATHY-1"
    competency_code: str
    question_type: str  # SITUATIONAL | BEHAVIOURAL
    text: Text
    probes: tuple[Text, ...]  # 2-3 follow-up probes
    anchor_low: Text  # what a level-1 answer sounds like
    anchor_mid: Text  # level 3
    anchor_high: Text  # level 5


# One file per starter set, named like it; the keys are SeedQuestion's fields.
QUESTION_FILE = record(questions=Items(record(
    key=String(),
    competency_code=String(),
    question_type=String(choices=QUESTION_TYPES),
    text=BILINGUAL,
    probes=Items(BILINGUAL),
    anchor_low=BILINGUAL,
    anchor_mid=BILINGUAL,
    anchor_high=BILINGUAL,
)))


@cache
def _questions() -> tuple[SeedQuestion, ...]:
    """The files in starter-set order (any other file after them), each in file order."""
    files = load("questions", QUESTION_FILE)
    order = {code: position for position, code in enumerate(ARCHETYPES)}
    names = sorted(files, key=lambda name: (order.get(name, len(order)), name))
    return tuple(_question(question) for name in names for question in files[name]["questions"])


def _question(data: dict[str, Any]) -> SeedQuestion:
    return SeedQuestion(
        key=data["key"],
        competency_code=data["competency_code"],
        question_type=data["question_type"],
        text=Text.from_content(data["text"]),
        probes=tuple(Text.from_content(probe) for probe in data["probes"]),
        anchor_low=Text.from_content(data["anchor_low"]),
        anchor_mid=Text.from_content(data["anchor_mid"]),
        anchor_high=Text.from_content(data["anchor_high"]),
    )


# Read-only, built on first use: importing this module reads no file.
QUESTIONS: Sequence[SeedQuestion] = LazySequence(_questions)
