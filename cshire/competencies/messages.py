"""The competency rules' error codes → text, and the labels pages and histories show."""

from flask_babel import lazy_gettext as _l

from cshire.audit import YES_NO
from cshire.competencies.models import LEVELS, CompetencyCategory
from cshire.errors import DomainError

MESSAGES = {
    "code_required": _l("Enter a code."),
    "name_required": _l("Enter a name in at least one language."),
    "five_levels": _l("A competency has exactly five levels."),
    "anchor_required": _l("Describe every level in at least one language."),
    "code_taken": _l("The code %(code)s is already used by another competency."),
    "unknown_archetype": _l("There is no such starter set."),
}


class CompetencyError(DomainError):
    """A competency rule refused the change; ``code`` is a key of ``MESSAGES``."""

    messages = MESSAGES


CATEGORY_LABELS = {
    CompetencyCategory.SKILL: _l("Skill"),
    CompetencyCategory.MINDSET: _l("Mindset"),
    CompetencyCategory.THINKING: _l("Way of thinking"),
}

# The history of a competency: what each audited field is called, and how values read.
AUDIT_LABELS = {
    "code": _l("Code"),
    "category": _l("Category"),
    "name_en": _l("Name (English)"),
    "name_ja": _l("Name (Japanese)"),
    "description_en": _l("Description (English)"),
    "description_ja": _l("Description (Japanese)"),
    "archived": _l("Archived"),
    **{f"level{n}_en": _l("Anchor for level %(n)s (English)", n=n) for n in LEVELS},
    **{f"level{n}_ja": _l("Anchor for level %(n)s (Japanese)", n=n) for n in LEVELS},
}
AUDIT_VALUES = {
    "category": {category.value: label for category, label in CATEGORY_LABELS.items()},
    "archived": YES_NO,
}
