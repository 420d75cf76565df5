"""The texts of the training demo: ``cshire/content/demo_training/saas.json``.

One file per demo journey (the file name is the journey's code): the journey's stages
with their milestones, handoff criteria and transition playbooks; the curriculum built
on it (lessons, quizzes, assignments, the sandbox exercise, optional modules); the
earlier cohorts; and what the demo's new hires write (answers, reviews, reflections).
Every text is in English and Japanese side by side. How hard each milestone is in the
sandbox (``difficulty``, ``minutes``) is content too: a CS lead tunes the friction
report's story by editing it, not the code.

Markdown bodies are lists of blocks, one line each (a line break inside Japanese shows
as a space in a PDF); ``markdown`` joins them into the text the pages render.
"""

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from cshire.content.loader import (
    BILINGUAL,
    Items,
    Number,
    Omittable,
    String,
    load,
    record,
)
from cshire.training.models.curriculum import ModuleKind

DEMO_JOURNEY = "saas"
SINGLE, MULTIPLE = "single", "multiple"
REQUIRED, OPTIONAL = "required", "optional"
CSM, NEW_HIRE = "csm", "new_hire"

_BLOCKS = Items(BILINGUAL)  # Markdown, one block (paragraph, heading, list item) each

_MILESTONE = record(
    code=String(),
    name=BILINGUAL,
    description=BILINGUAL,
    # How the earlier cohorts found it in the sandbox: typical difficulty (1–5) and
    # minutes, and where they got stuck.
    difficulty=Number(integer=True, at_least=1, at_most=5),
    minutes=Number(integer=True, at_least=1),
    stuck_notes=Items(BILINGUAL),
)
_STAGE = record(
    code=String(),
    name=BILINGUAL,
    description=BILINGUAL,
    handoff_criteria=Omittable(Items(String())),  # codes of this stage's milestones
    playbook=Omittable(_BLOCKS),  # to the next stage; the last stage has none
    milestones=Items(_MILESTONE),
)
_QUESTION = record(
    answer=String(choices=(SINGLE, MULTIPLE)),
    prompt=BILINGUAL,
    correct=Items(Number(integer=True, at_least=1)),  # 1-based positions in ``choices``
    choices=Items(record(text=BILINGUAL, explanation=BILINGUAL), at_least=2),
)
_MODULE = record(
    stage=String(),  # a stage code
    kind=String(choices=tuple(ModuleKind)),
    title=BILINGUAL,
    requirement=String(choices=(REQUIRED, OPTIONAL)),
    due_days=Number(integer=True, at_least=0),
    competencies=Items(String(), at_least=0),  # competency codes of the starter sets
    body=_BLOCKS,
    pass_mark=Omittable(Number(integer=True, at_least=0, at_most=100)),
    max_attempts=Omittable(Number(integer=True, at_least=1)),
    questions=Omittable(Items(_QUESTION, at_least=3, at_most=5)),
)
_PERSON = record(email=String(), name=BILINGUAL, now=String(choices=(CSM, NEW_HIRE)))

DEMO_TRAINING = record(
    journey=record(code=String(), name=BILINGUAL, description=BILINGUAL),
    stages=Items(_STAGE, at_least=2),
    curriculum=record(name=BILINGUAL, description=BILINGUAL, sandbox_url=String(),
                      modules=Items(_MODULE)),
    cohorts=Items(record(name=BILINGUAL, started_days_ago=Number(integer=True, at_least=1),
                         members=Items(_PERSON))),
    work=record(
        answers=Items(BILINGUAL),  # one per assignment, in curriculum order
        approved=Items(BILINGUAL),  # a mentor's comments approving a round
        revise=Items(BILINGUAL),  # … asking for changes
        sign_off=BILINGUAL,  # the note of a field-readiness sign-off
        reflections=Items(record(what_was_hard=BILINGUAL, where_stuck=BILINGUAL,
                                 tell_customers=BILINGUAL, improvement=BILINGUAL)),
    ),
)


@cache
def training_demo() -> dict[str, Any]:
    """The demo journey's content file (read once, shared: treat as read-only)."""
    return load("demo_training", DEMO_TRAINING)[DEMO_JOURNEY]


_LIST_ITEM = re.compile(r"(?:[-*]|\d+\.) ")


def markdown(blocks: Sequence[dict[str, str]], lang: str) -> str:
    """The blocks in ``lang`` as one Markdown text: a blank line between blocks, a
    plain line break between consecutive items of one list (a tight list)."""
    text = ""
    previous = ""
    for block in blocks:
        line = block[lang]
        if text:
            tight = _LIST_ITEM.match(previous) and _LIST_ITEM.match(line)
            text += "\n" if tight else "\n\n"
        text += line
        previous = line
    return text
