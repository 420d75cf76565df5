"""Structural checks of the seed question bank (pure data, no app needed)."""

import ast
import dataclasses
from collections import Counter
from collections.abc import MutableSequence, Sequence
from pathlib import Path

import pytest

from cshire.competencies.starter_sets import ARCHETYPES, COMPETENCIES
from cshire.interviews import question_seed
from cshire.interviews.question_seed import (
    BEHAVIOURAL,
    QUESTION_TYPES,
    QUESTIONS,
    SITUATIONAL,
    SeedQuestion,
)
from tests.bilingual import assert_clean_bilingual, assert_languages_match

COUNTS = Counter(q.competency_code for q in QUESTIONS)


def texts_of(question):
    yield "text", question.text
    for number, probe in enumerate(question.probes, start=1):
        yield f"probe{number}", probe
    yield "anchor_low", question.anchor_low
    yield "anchor_mid", question.anchor_mid
    yield "anchor_high", question.anchor_high


def all_texts():
    for question in QUESTIONS:
        for field, text in texts_of(question):
            yield f"{question.key}.{field}", text


# --- bank as a whole -------------------------------------------------------------------


def test_bank_has_about_44_seed_questions():
    # Built on first use from the content files, read-only like the tuple it replaces.
    assert isinstance(QUESTIONS, Sequence) and not isinstance(QUESTIONS, MutableSequence)
    assert all(isinstance(q, SeedQuestion) for q in QUESTIONS)
    assert 40 <= len(QUESTIONS) <= 50


def test_keys_are_unique_and_numbered_per_competency():
    keys = [q.key for q in QUESTIONS]
    assert len(set(keys)) == len(keys)
    for code in COUNTS:
        numbered = [q.key for q in QUESTIONS if q.competency_code == code]
        assert numbered == [f"{code}-{n}" for n in range(1, len(numbered) + 1)]


def test_every_question_names_an_existing_starter_competency():
    for question in QUESTIONS:
        assert question.competency_code in COMPETENCIES, question.key


def test_every_starter_competency_has_at_least_two_questions():
    for code in COMPETENCIES:
        assert COUNTS[code] >= 2, code


def test_top_competency_of_each_archetype_has_three_and_the_most_questions():
    for archetype in ARCHETYPES.values():
        top = archetype.profile[0].code
        assert COUNTS[top] >= 3, top
        assert all(COUNTS[top] >= COUNTS[e.code] for e in archetype.profile)


def test_question_types_are_valid_and_about_two_thirds_situational():
    assert set(QUESTION_TYPES) == {"situational", "behavioural"}
    types = Counter(q.question_type for q in QUESTIONS)
    assert set(types) == {SITUATIONAL, BEHAVIOURAL}
    share = types[SITUATIONAL] / len(QUESTIONS)
    assert 0.6 <= share <= 0.75


def test_every_competency_has_a_situational_question():
    # Kits prefer situational questions; none should be left with behavioural only.
    situational = {q.competency_code for q in QUESTIONS if q.question_type == SITUATIONAL}
    assert situational == set(COMPETENCIES)


def test_questions_of_a_competency_are_kept_together():
    seen = []
    for question in QUESTIONS:
        if not seen or seen[-1] != question.competency_code:
            assert question.competency_code not in seen, question.key
            seen.append(question.competency_code)


def test_no_question_is_asked_twice():
    assert len({q.text.en for q in QUESTIONS}) == len(QUESTIONS)
    assert len({q.text.ja for q in QUESTIONS}) == len(QUESTIONS)


# --- one question ----------------------------------------------------------------------


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.key)
def test_two_or_three_distinct_probes(question):
    assert isinstance(question.probes, tuple)
    assert 2 <= len(question.probes) <= 3
    assert len({p.en for p in question.probes}) == len(question.probes)
    assert len({p.ja for p in question.probes}) == len(question.probes)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.key)
def test_behavioural_questions_ask_about_past_experience(question):
    if question.question_type == BEHAVIOURAL:
        assert question.text.en.startswith("Tell me about a time ")
        assert "経験について教えてください" in question.text.ja
    else:
        assert not question.text.en.startswith("Tell me about")
        assert "経験について教えてください" not in question.text.ja


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.key)
def test_three_distinct_anchors_with_level_5_building_on_level_3(question):
    anchors = (question.anchor_low, question.anchor_mid, question.anchor_high)
    assert len({a.en for a in anchors}) == 3
    assert len({a.ja for a in anchors}) == 3
    assert question.anchor_high.en.startswith("As level 3, ")
    assert question.anchor_high.ja.startswith("レベル3の内容に加え、")


def test_every_text_has_both_languages_and_no_stray_whitespace():
    for label, text in all_texts():
        assert_clean_bilingual(label, text)


def test_japanese_is_japanese_and_english_is_english():
    for label, text in all_texts():
        assert_languages_match(label, text)


def test_texts_end_like_sentences():
    for label, text in all_texts():
        assert text.ja.endswith("。"), label
        assert text.en.endswith((".", "?")), label
        if label.endswith((".probe1", ".probe2", ".probe3")):
            assert text.en.endswith("?"), label


# --- shape -----------------------------------------------------------------------------


def test_seed_questions_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        QUESTIONS[0].key = "X"  # type: ignore[misc]


def test_module_imports_neither_flask_nor_sqlalchemy():
    # The loader it uses is standard library only (tests/test_content.py).
    tree = ast.parse(Path(question_seed.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    assert imported <= {
        "collections.abc", "dataclasses", "functools", "__future__", "typing",
        "cshire.competencies.starter_sets", "cshire.content.loader",
    }
