"""Demo data: a small, realistic CS team so every feature has something to show.

Each package's ``demo.py`` contributes ``STEPS``, an ordered tuple of (name, function
taking the language and returning summary lines); they run in the order of the arrows
between packages. Every step is idempotent (get-or-create by a natural key), so running
the demo twice changes nothing.
"""

from collections.abc import Callable

DemoStep = tuple[str, Callable[[str], list[str]]]


def demo_steps() -> list[DemoStep]:
    # Imported here: the steps pull in every package, which the CLI needs only now.
    from cshire.auth import demo as people
    from cshire.competencies import demo as competencies
    from cshire.evaluations import demo as evaluations
    from cshire.interviews import demo as hiring
    from cshire.training import demo as training

    return [*people.STEPS, *competencies.STEPS, *hiring.STEPS, *training.STEPS,
            *evaluations.STEPS]


def load_demo(lang: str) -> list[str]:
    """Run every step; returns the summary lines for the CLI."""
    summary: list[str] = []
    for _name, step in demo_steps():
        summary += step(lang)
    return summary
