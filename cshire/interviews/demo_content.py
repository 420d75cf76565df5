"""The texts of the hiring demo: ``cshire/content/demo_hiring/pipeline.json``.

Profile role titles, kit names, the demo opening and its stages, two more interviewers,
thirty candidates, evidence notes and decision rationales, each in English and Japanese
side by side, so ``flask cshire demo --lang ja`` builds a Japanese pipeline that a
translator can review without reading Python. The simulation's numbers (levels, habits)
stay in ``demo_simulation``: they are tuning, not text.
"""

from functools import cache
from typing import Any

from cshire.content.loader import BILINGUAL, Items, Number, String, load, record

# The demo pipeline gives candidates fixed roles by position (the interview held
# yesterday that both demo interviewers still have to score is candidate 26), so the
# file holds exactly this many.
CANDIDATES = 30
RATINGS = 5  # the evidence notes: one entry per rating of the 1–5 scale

DEMO_HIRING = record(
    role_titles=Items(record(archetype=String(), title=BILINGUAL)),
    kit_names=record(structured=BILINGUAL, final_panel=BILINGUAL),
    opening=record(
        title=BILINGUAL,
        description=BILINGUAL,
        stages=Items(BILINGUAL, at_least=2, at_most=2),  # first interview, final panel
    ),
    interviewers=Items(record(email=String(), name=BILINGUAL)),
    candidates=Items(BILINGUAL, at_least=CANDIDATES, at_most=CANDIDATES),
    sources=Items(BILINGUAL),
    evidence_notes=Items(record(
        rating=Number(integer=True, at_least=1, at_most=RATINGS),
        notes=Items(BILINGUAL),
    ), at_least=RATINGS, at_most=RATINGS),
    not_asked_reason=BILINGUAL,
    decision_rationales=record(hire=BILINGUAL, reject=BILINGUAL, departure=BILINGUAL),
)


@cache
def hiring_demo() -> dict[str, Any]:
    """The content file (read once, shared: treat as read-only)."""
    return load("demo_hiring", DEMO_HIRING)["pipeline"]


def evidence_notes(lang: str) -> dict[int, list[str]]:
    """Rating → the notes an interviewer may write for it, in ``lang``."""
    return {entry["rating"]: [note[lang] for note in entry["notes"]]
            for entry in hiring_demo()["evidence_notes"]}
