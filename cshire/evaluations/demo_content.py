"""The texts and the design of the evaluations demo:
``cshire/content/demo_evaluations/saas.json`` (the file name is the journey's code).

Who is strong or weak where is content, next to the texts that tell it: per person the
accounts they own (touch model, typical ARR, new accounts a quarter, accounts already
live), the share of their accounts that move on at each step of the journey, their
churn and re-entries, their NPS per quarter, the level they work at, how they rate
themselves, and where their evaluation stands in the open cycle. A CS lead changes the
story by editing the file, not the code. Every text is in English and Japanese side by
side; ``{period}`` and ``{competency}`` are filled in by the demo.
"""

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
from cshire.evaluations.models.accounts import TouchModel
from cshire.evaluations.models.cycles import EvaluationStatus
from cshire.training.demo_content import DEMO_JOURNEY

_SHARE = Number(at_least=0, at_most=1)
_LEVEL = Number(integer=True, at_least=1, at_most=5)
_RATES = Items(_SHARE, at_least=1)  # one per step of the journey, in order

_PERSON = record(
    email=String(),
    why=String(),  # the design in one sentence, for whoever edits the file
    touch=String(choices=tuple(TouchModel)),
    arr=Number(above=0),  # typical ARR of one account (yen or dollars: the demo's unit)
    new_accounts=Number(integer=True, at_least=0),  # entering onboarding each quarter
    history_accounts=Number(integer=True, at_least=0),  # live before the first quarter
    conversion=_RATES,
    churn=_SHARE,  # of the live accounts, churned in a quarter
    re_entries=_SHARE,  # of the expanded accounts, falling back to adoption
    nps=Items(Number(at_least=-100, at_most=100), at_least=2, at_most=2),  # earlier, last
    level=_LEVEL,  # the level they work at (ratings vary around it)
    self_bias=Number(integer=True, at_least=-1, at_most=1),  # self-ratings vs. that level
    open_status=String(choices=tuple(EvaluationStatus)),  # in the open cycle
    self_rated=Omittable(_SHARE),  # a draft: the share of competencies self-rated so far
)
_STEP_TEXTS = record(step=String(), texts=Items(BILINGUAL))

DEMO_EVALUATIONS = record(
    journey=String(),  # the training demo's journey code
    cycle_name=BILINGUAL,  # with {period}
    kpi_note=BILINGUAL,
    # An account is named "{stem} {industry}", then "{stem} {industry} {branch}".
    account_names=record(stems=Items(BILINGUAL), industries=Items(BILINGUAL),
                         branches=Items(BILINGUAL)),
    people=Items(_PERSON),
    # Points a manager adds to the level they see (calibration flags the lenient one).
    leniency=Items(record(manager=String(), points=Number(integer=True, at_least=-2,
                                                           at_most=2))),
    # CSMs of the teams the file does not design (promoted from the training demo's
    # cohorts): they own accounts from their sign-off on, with these habits.
    newcomers=record(touch=String(choices=tuple(TouchModel)), arr=Number(above=0),
                     new_accounts=Number(integer=True, at_least=0), conversion=_RATES,
                     churn=_SHARE),
    # The competencies that show a step's conversion (and churn): rated lower where the
    # person is weak, higher where they are strong.
    step_competencies=Items(record(step=String(), competencies=Items(String()))),
    churn_competencies=Items(String()),
    evidence=Items(record(level=_LEVEL, notes=Items(BILINGUAL)), at_least=5, at_most=5),
    reflections=Items(_STEP_TEXTS),  # on the weakest step, by step
    goals=Items(record(step=String(), goal=BILINGUAL, actions=BILINGUAL)),
    competency_goal=record(goal=BILINGUAL, actions=BILINGUAL),  # with {competency}
    summaries=Items(record(level=_LEVEL, text=BILINGUAL)),  # the manager's, by level
)


@cache
def evaluations_demo() -> dict[str, Any]:
    """The demo's content file (read once, shared: treat as read-only)."""
    return load("demo_evaluations", DEMO_EVALUATIONS)[DEMO_JOURNEY]
