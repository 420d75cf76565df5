"""The journey's JSON file: reading with every problem's path, the preview plan, the
import (all or nothing, refusals) and the export → import round trip."""

import json

import pytest

from cshire.audit import history
from cshire.extensions import db
from cshire.training.models.journey import Journey
from cshire.training.services.journey_json import (
    JourneyImportError,
    export_json,
    import_journey,
    journey_spec,
    plan_import,
    problem_lines,
    read_journey_json,
)
from tests.training import factories as make

SAMPLE = {
    "code": "saas",
    "name": {"en": "SaaS journey", "ja": "SaaSのジャーニー"},
    "stages": [
        {"code": "onboarding", "name": "Onboarding",
         "playbook": {"en": "Run the [kick-off](https://example.com/kickoff).",
                      "ja": "[キックオフ](https://example.com/kickoff)を行う。"},
         "milestones": [{"code": "setup", "name": "Setup complete", "handoff": True},
                        {"code": "lecture",
                         "name": {"en": "Basic lecture", "ja": "基本操作レクチャー"}}]},
        {"code": "adoption", "name": {"en": "Adoption", "ja": "活用"}},
    ],
}


def _read(data) -> object:
    return read_journey_json(json.dumps(data).encode())


def _problems(raw) -> list[str]:
    with pytest.raises(JourneyImportError) as refused:
        read_journey_json(raw if isinstance(raw, bytes) else json.dumps(raw).encode())
    return problem_lines(refused.value)


def test_a_plain_string_is_taken_for_both_languages(app):
    spec = _read(SAMPLE)
    assert (spec.stages[0].name.en, spec.stages[0].name.ja) == ("Onboarding", "Onboarding")
    assert spec.stages[0].milestones[0].handoff is True
    assert spec.stages[0].milestones[1].handoff is False
    assert spec.stages[1].milestones == () and spec.stages[1].playbook.en == ""


def test_every_problem_is_reported_with_its_json_path(app):
    bad = {"code": "has space", "name": "", "colour": "red", "stages": [
        {"code": "a", "name": "A", "milestones": [{"name": "M", "handoff": "yes"}]},
        {"code": "a", "name": 3},
        "not a stage",
    ]}
    assert _problems(bad) == [
        "colour: unknown key",
        "code: must be up to 40 letters, digits, dots, hyphens and underscores",
        "name: missing",
        "stages[0].milestones[0].code: missing",
        "stages[0].milestones[0].handoff: must be true or false",
        "stages[1].name: must be a text or an object with \"en\" and \"ja\" texts",
        "stages[2]: must be an object ({…})",
        "stages[1].code: the code a appears twice",
    ]


@pytest.mark.parametrize(("raw", "expected"), [
    (b"{not json", "not a JSON file (line 1, column 2: Expecting property name enclosed "
                   "in double quotes)"),
    (b"\xff\xfe", "not a JSON file (not UTF-8)"),
    ([1, 2], "must be an object ({…})"),
    ({"code": "x", "name": "X"}, "stages: missing"),
    ({"code": "x", "name": "X", "stages": []}, "stages: a journey needs at least one stage"),
    (b"[" * 100_000 + b"]" * 100_000, "not a JSON file (nested too deeply)"),
])
def test_unreadable_files_are_refused_with_a_reason(app, raw, expected):
    assert _problems(raw) == [expected]


def test_a_new_journey_is_planned_then_created(app):
    spec = _read(SAMPLE)
    plan = plan_import(spec)
    assert plan.created and [s.status for s in plan.stages] == ["added", "added"]
    assert db.session.query(Journey).count() == 0  # planning writes nothing
    import_journey(spec, actor=None)
    journey = db.session.query(Journey).one()
    assert [s.code for s in journey.stages] == ["onboarding", "adoption"]
    assert [m.code for m in journey.stages[0].milestones] == ["setup", "lecture"]
    assert journey.stages[0].milestones[1].name_ja == "基本操作レクチャー"
    assert [e.field for e in history(journey)][-1] == "created"


def test_export_then_import_gives_the_same_journey(app):
    journey = make.journey(code="round-trip")
    journey.description_ja = "説明"
    journey.stages[2].milestones[1].is_handoff = True
    db.session.flush()
    before = journey_spec(journey)
    exported = export_json(journey)
    assert '"ja": "ジャーニー' in exported  # Japanese stays readable
    plan = import_journey(read_journey_json(exported.encode()), actor=None)
    assert not plan.changes_anything
    assert plan.lines() == ["Journey round-trip: nothing to change."]
    db.session.expire_all()
    assert journey_spec(db.session.get(Journey, journey.id)) == before
    assert db.session.query(Journey).count() == 1


def test_an_update_reorders_changes_adds_and_removes_by_code(app):
    journey = make.journey(code="saas", stages=("onboarding", "adoption", "expansion"))
    version = journey.version
    data = json.loads(export_json(journey))
    onboarding, adoption, _expansion = data["stages"]
    onboarding["name"] = {"en": "Getting started", "ja": "導入"}
    onboarding["milestones"].reverse()
    onboarding["milestones"].append({"code": "first-use", "name": "First use"})
    adoption["milestones"].pop()
    data["stages"] = [adoption, onboarding, {"code": "renewal", "name": "Renewal"}]
    spec = _read(data)
    plan = plan_import(spec)
    statuses = {s.code: (s.status, s.fields, s.moved) for s in plan.stages}
    assert statuses == {
        "adoption": ("changed", [], True),
        "onboarding": ("changed", ["name_en", "name_ja"], True),
        "renewal": ("added", [], False),
        "expansion": ("removed", [], False),
    }
    assert [(m.code, m.status, m.moved) for m in plan.stages[1].milestones] == [
        ("onboarding-m2", "changed", True), ("onboarding-m1", "changed", True),
        ("first-use", "added", False)]
    assert "  stage expansion: removed" in plan.lines()
    import_journey(spec, actor=None)
    db.session.flush()
    db.session.expire_all()
    journey = db.session.get(Journey, journey.id)
    assert [(s.code, s.position) for s in journey.stages] == [
        ("adoption", 1), ("onboarding", 2), ("renewal", 3)]
    assert [m.code for m in journey.stages[1].milestones] == [
        "onboarding-m2", "onboarding-m1", "first-use"]
    assert [m.code for m in journey.stages[0].milestones] == ["adoption-m1"]
    assert journey.version > version
    fields = {e.field for e in history(journey)}
    assert {"stage", "stage_order", "stage.name_en", "milestone", "milestone_order"} <= fields


def test_an_import_that_would_remove_something_in_use_is_refused_naming_it(app):
    curriculum = make.curriculum(make.journey(code="saas"))
    make.module(curriculum, stage=3)
    db.session.commit()
    data = json.loads(export_json(curriculum.journey))
    del data["stages"][2]  # expansion: a module refers to it
    data["stages"][0]["name"] = "Changed too"
    with pytest.raises(JourneyImportError) as refused:
        import_journey(_read(data), actor=None)
    assert problem_lines(refused.value) == [
        "stages: the stage expansion is not in the file, but it cannot be removed because "
        "it or one of its milestones is in use (1 training module)"]
    db.session.rollback()
    journey = db.session.query(Journey).one()
    assert journey.stages[0].name_en == "Onboarding" and len(journey.stages) == 4
