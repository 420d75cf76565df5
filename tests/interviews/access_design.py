"""Route × role cases for hiring design: profiles, question bank, kits (see
tests/access_cases.py). Interviewers read published kits only; a draft is a 404 for
them; nobody gets a guide for a draft."""

from types import SimpleNamespace

from cshire.auth.models import Role
from cshire.interviews.services.kits import new_version
from tests.access_cases import MANAGERS, Case
from tests.interviews import factories_design as design

READERS = MANAGERS | {Role.INTERVIEWER.value}
NOBODY: frozenset[str] = frozenset()


def build_world(world: SimpleNamespace) -> None:
    """A profile with a bank, a kit whose v1 is published and v2 is a draft."""
    world.profile = design.profile()
    world.question = design.bank_for(world.profile, 2)[0]
    world.kit = design.kit(world.profile, total=4, published=True)
    world.draft = new_version(world.kit, actor=None)


def _profile(world: SimpleNamespace) -> dict:
    return {"profile_id": world.profile.id}


def _question(world: SimpleNamespace) -> dict:
    return {"question_id": world.question.id}


def _published(world: SimpleNamespace) -> dict:
    return {"kit_id": world.kit.id, "number": 1}


def _draft(world: SimpleNamespace) -> dict:
    return {"kit_id": world.kit.id, "number": world.draft.number}


def _draft_item(world: SimpleNamespace) -> dict:
    return {**_draft(world), "item_id": world.draft.items[0].id}


CASES = [
    Case("interviews.profiles", MANAGERS),
    Case("interviews.profile_new", MANAGERS),
    Case("interviews.profile_from_archetype", MANAGERS),
    Case("interviews.profile", MANAGERS, url_args=_profile),
    Case("interviews.profile_edit", MANAGERS, url_args=_profile),
    Case("interviews.profile_archive", MANAGERS, url_args=_profile),
    Case("interviews.profile_exemplars", MANAGERS, url_args=_profile),
    Case("interviews.profile_exemplars_upload", MANAGERS, url_args=_profile),
    Case("interviews.profile_exemplars_template", MANAGERS, url_args=_profile),
    Case("interviews.profile_suggestion", MANAGERS, url_args=_profile),
    Case("interviews.questions", MANAGERS),
    Case("interviews.question_new", MANAGERS),
    Case("interviews.question_edit", MANAGERS, url_args=_question),
    Case("interviews.question_retire", MANAGERS, url_args=_question),
    Case("interviews.question_reactivate", MANAGERS, url_args=_question),
    Case("interviews.kits", READERS),
    Case("interviews.kit_new", MANAGERS),
    Case("interviews.kit", READERS, url_args=lambda w: {"kit_id": w.kit.id}),
    Case("interviews.kit_version", READERS, url_args=_published),
    Case("interviews.kit_version", MANAGERS, url_args=_draft),
    Case("interviews.kit_guide", READERS, url_args=_published),
    Case("interviews.kit_guide", NOBODY, url_args=_draft),
    # POSTs last: they change the world the GET cases above rely on.
    Case("interviews.profile_restore", MANAGERS, method="POST", url_args=_profile),
    Case("interviews.profile_suggestion_accept", MANAGERS, method="POST", url_args=_profile),
    Case("interviews.kit_item_swap", MANAGERS, method="POST", url_args=_draft_item),
    Case("interviews.kit_item_move", MANAGERS, method="POST", url_args=_draft_item),
    Case("interviews.kit_publish", MANAGERS, method="POST", url_args=_draft),
    Case("interviews.kit_new_version", MANAGERS, method="POST",
         url_args=lambda w: {"kit_id": w.kit.id}),
]
