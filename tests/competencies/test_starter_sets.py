"""Structural checks of the starter competency sets (pure data, no app needed)."""

import ast
import dataclasses
import re
from pathlib import Path

import pytest

from cshire.competencies import starter_sets
from cshire.competencies.starter_sets import (
    ARCHETYPES,
    CATEGORIES,
    COMPETENCIES,
    Archetype,
    ProfileEntry,
    StarterCompetency,
    Text,
    competencies_for,
)
from tests.bilingual import assert_clean_bilingual, assert_languages_match

CODE = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")

EXPECTED_ARCHETYPES = {
    "careful_support": ("Careful support", "丁寧なサポート"),
    "target_driven": ("Target-driven", "強い目標達成意識"),
    "consulting": ("Consulting strength", "高いコンサル力"),
}
EXPECTED_CODES = {
    "careful_support": {
        "EMPATHY", "REASSURANCE", "RESPONSIVENESS", "CLEAR-EXPLANATION", "ROOT-CAUSE",
        "CUSTOMER-FIRST", "KNOWLEDGE-SHARING",
    },
    "target_driven": {
        "GOAL-ORIENTATION", "NUMBERS-FOCUS", "EXPANSION-PROPOSAL", "RENEWAL-MANAGEMENT",
        "PROACTIVITY", "NEGOTIATION", "RESILIENCE",
    },
    "consulting": {
        "DOMAIN-EXPERTISE", "LOGICAL-THINKING", "HYPOTHESIS-DRIVEN", "SUCCESS-PLANNING",
        "STAKEHOLDER-MANAGEMENT", "DATA-INSIGHT", "CLEAR-EXPLANATION",
    },
}  # fmt: skip
EXPECTED_TOP = {
    "careful_support": "EMPATHY",
    "target_driven": "GOAL-ORIENTATION",
    "consulting": "DOMAIN-EXPERTISE",
}


def all_texts():
    """Every bilingual string in the module, labelled for readable failures."""
    for code, c in COMPETENCIES.items():
        yield f"{code}.name", c.name
        yield f"{code}.description", c.description
        for number, level in enumerate(c.levels, start=1):
            yield f"{code}.level{number}", level
    for code, a in ARCHETYPES.items():
        yield f"{code}.name", a.name
        yield f"{code}.description", a.description
        yield f"{code}.profile_name", a.profile_name


# --- archetypes and profiles --------------------------------------------------------------


def test_three_archetypes_in_the_documented_order_with_their_names():
    assert list(ARCHETYPES) == list(EXPECTED_ARCHETYPES)
    for code, archetype in ARCHETYPES.items():
        assert isinstance(archetype, Archetype)
        assert archetype.code == code
        assert (archetype.name.en, archetype.name.ja) == EXPECTED_ARCHETYPES[code]


@pytest.mark.parametrize("code", list(EXPECTED_CODES))
def test_each_archetype_profiles_its_seven_competencies_once(code):
    profile = ARCHETYPES[code].profile
    codes = [entry.code for entry in profile]
    assert len(codes) == 7
    assert len(set(codes)) == len(codes)
    assert set(codes) == EXPECTED_CODES[code]
    assert all(isinstance(entry, ProfileEntry) for entry in profile)


def test_profile_weights_and_target_levels_are_in_range():
    for archetype in ARCHETYPES.values():
        for entry in archetype.profile:
            assert 1.0 <= entry.weight <= 3.0, (archetype.code, entry)
            assert isinstance(entry.target_level, int)
            assert 3 <= entry.target_level <= 5, (archetype.code, entry)


@pytest.mark.parametrize("code", list(EXPECTED_TOP))
def test_profiles_are_heaviest_first_with_a_single_clear_top_competency(code):
    profile = ARCHETYPES[code].profile
    weights = [entry.weight for entry in profile]
    assert weights == sorted(weights, reverse=True)
    assert profile[0].code == EXPECTED_TOP[code]
    assert weights[0] == 3.0 and weights[1] < weights[0]
    assert profile[0].target_level == 5
    # Weights must differ enough that a kit visibly follows them.
    assert len(set(weights)) >= 3
    assert min(weights) == 1.0


def test_target_level_never_rises_as_weight_falls():
    for archetype in ARCHETYPES.values():
        levels = [entry.target_level for entry in archetype.profile]
        assert levels == sorted(levels, reverse=True), archetype.code


def test_profiles_differ_between_archetypes():
    profiles = [tuple((e.code, e.weight) for e in a.profile) for a in ARCHETYPES.values()]
    assert len(set(profiles)) == len(profiles)


# --- competencies ----------------------------------------------------------------------


def test_twenty_competencies_keyed_by_their_code():
    assert len(COMPETENCIES) == 20
    for code, competency in COMPETENCIES.items():
        assert isinstance(competency, StarterCompetency)
        assert competency.code == code
        assert CODE.match(code), code
        assert len(code) <= 40  # Competency.code is String(40)


def test_every_competency_belongs_to_some_archetype_and_every_profile_code_exists():
    used = {entry.code for a in ARCHETYPES.values() for entry in a.profile}
    assert used == set(COMPETENCIES)


def test_categories_are_valid_and_all_three_are_used():
    assert set(CATEGORIES) == {"skill", "mindset", "thinking"}
    assert {c.category for c in COMPETENCIES.values()} == set(CATEGORIES)
    for archetype in ARCHETYPES.values():
        # each archetype mixes at least two of skills, mindset and thinking
        assert len({COMPETENCIES[e.code].category for e in archetype.profile}) >= 2


def test_every_competency_has_five_distinct_levels():
    for code, competency in COMPETENCIES.items():
        assert isinstance(competency.levels, tuple)
        assert len(competency.levels) == 5, code
        assert all(isinstance(level, Text) for level in competency.levels)
        assert len({level.en for level in competency.levels}) == 5, code
        assert len({level.ja for level in competency.levels}) == 5, code


def test_names_are_unique_in_both_languages():
    assert len({c.name.en for c in COMPETENCIES.values()}) == len(COMPETENCIES)
    assert len({c.name.ja for c in COMPETENCIES.values()}) == len(COMPETENCIES)


def test_clear_explanation_is_one_shared_object():
    careful = {c.code: c for c in competencies_for("careful_support")}
    consulting = {c.code: c for c in competencies_for("consulting")}
    assert careful["CLEAR-EXPLANATION"] is consulting["CLEAR-EXPLANATION"]
    assert careful["CLEAR-EXPLANATION"] is COMPETENCIES["CLEAR-EXPLANATION"]
    assert set(careful) & set(consulting) == {"CLEAR-EXPLANATION"}
    assert not set(careful) & {c.code for c in competencies_for("target_driven")}


def test_competencies_for_follows_the_profile_order():
    for code, archetype in ARCHETYPES.items():
        assert [c.code for c in competencies_for(code)] == [e.code for e in archetype.profile]
        assert all(c is COMPETENCIES[c.code] for c in competencies_for(code))


def test_competencies_for_an_unknown_archetype_raises_key_error():
    with pytest.raises(KeyError):
        competencies_for("nope")


# --- texts -----------------------------------------------------------------------------


def test_every_text_has_both_languages_and_no_stray_whitespace():
    for label, text in all_texts():
        assert_clean_bilingual(label, text)


def test_japanese_is_japanese_and_english_is_english():
    for label, text in all_texts():
        assert_languages_match(label, text)


def test_descriptions_and_anchors_are_full_sentences():
    for label, text in all_texts():
        if label.endswith((".description", ".level1", ".level2", ".level3", ".level4", ".level5")):
            assert text.en.endswith("."), label
            assert text.ja.endswith("。"), label
            assert text.ja.count("。") <= 3, label  # 1-2 sentences, 3 at most


def test_names_are_concise_noun_phrases():
    for label, text in all_texts():
        if label.endswith(".name"):
            assert not text.ja.endswith("。"), label
            assert len(text.ja) <= 20, label
            assert len(text.en) <= 40, label


# --- shape -----------------------------------------------------------------------------


def test_data_classes_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        COMPETENCIES["EMPATHY"].code = "X"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ARCHETYPES["consulting"].profile[0].weight = 9.9  # type: ignore[misc]


def test_module_imports_neither_flask_nor_sqlalchemy():
    # The loader it uses is standard library only (tests/test_content.py).
    tree = ast.parse(Path(starter_sets.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    assert imported <= {
        "collections.abc", "dataclasses", "functools", "__future__", "typing",
        "cshire.content.loader",
    }
