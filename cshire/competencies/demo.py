"""Demo data for the competency model: the three archetypes' starter sets."""

from cshire.competencies.services import import_archetype
from cshire.competencies.starter_sets import ARCHETYPES


def load_competencies(lang: str) -> list[str]:
    created = 0
    for code in ARCHETYPES:
        created += len(import_archetype(code).created)
    return [f"competencies: {created} imported from {len(ARCHETYPES)} starter sets"]


STEPS = (("competencies", load_competencies),)
