"""Every content file under cshire/content/, and how the loader reports a broken one."""

import ast
import json
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from cshire.auth.demo import DEMO_TEAM
from cshire.competencies.starter_sets import STARTER_SET, Text
from cshire.content import loader
from cshire.content.loader import CONTENT_DIR, ContentError, load
from cshire.evaluations.demo_content import DEMO_EVALUATIONS
from cshire.interviews.demo_content import CANDIDATES, DEMO_HIRING, RATINGS
from cshire.interviews.demo_simulation import HABITS
from cshire.interviews.question_seed import QUESTION_FILE, QUESTION_TYPES
from cshire.training.demo_content import DEMO_TRAINING
from tests.bilingual import assert_clean_bilingual, assert_languages_match

PROJECT_ROOT = Path(__file__).resolve().parents[1]
KINDS = {"starter_sets": STARTER_SET, "questions": QUESTION_FILE,
         "demo_people": DEMO_TEAM, "demo_hiring": DEMO_HIRING, "demo_training": DEMO_TRAINING,
         "demo_evaluations": DEMO_EVALUATIONS}
CONTENT_FILES = sorted(CONTENT_DIR.glob("*/*.json"))
SET_NAMES = sorted(p.stem for p in CONTENT_DIR.glob("starter_sets/*.json"))
QUESTION_FILE_NAMES = sorted(p.stem for p in CONTENT_DIR.glob("questions/*.json"))


def starter_sets() -> dict:
    return load("starter_sets", STARTER_SET)


def question_files() -> dict:
    return load("questions", QUESTION_FILE)


def defined_codes() -> dict[str, set[str]]:
    """Starter set name → the codes of the competencies its file writes out."""
    return {name: {c["code"] for c in data["competencies"]} for name, data in
            starter_sets().items()}


def assert_bilingual(label: str, pair: dict) -> None:
    text = Text.from_content(pair)
    assert_clean_bilingual(label, text)
    assert_languages_match(label, text)


# --- every file ------------------------------------------------------------------------


def test_every_content_folder_is_a_kind_with_a_schema_checked_here():
    folders = {p.name for p in CONTENT_DIR.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == set(KINDS)


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_file_of_a_kind_matches_its_schema(kind):
    files = load(kind, KINDS[kind])  # raises ContentError naming each problem
    # Only .json files are read: anything else in the folder would be silently ignored.
    assert set(files) == {p.stem for p in (CONTENT_DIR / kind).iterdir()}


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_files_are_indented_utf8_with_japanese_written_as_japanese(path):
    raw = path.read_text(encoding="utf-8")
    assert "\\u" not in raw  # no \u escapes: a reviewer reads the Japanese in the diff
    assert raw.startswith('{\n  "') and raw.endswith("}\n")


def bilingual_texts(value, path: str = ""):
    """Every ``{"en": …, "ja": …}`` object in a JSON value, with its JSON path."""
    if isinstance(value, dict) and set(value) == {"en", "ja"}:
        yield path, value
    elif isinstance(value, dict):
        for key, element in value.items():
            yield from bilingual_texts(element, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, element in enumerate(value):
            yield from bilingual_texts(element, f"{path}[{index}]")


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_text_of_every_file_is_one_clean_line_in_each_language(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    texts = list(bilingual_texts(data))
    assert texts, path  # a file without a single text would not need a translator
    for where, pair in texts:
        assert_bilingual(f"{path.parent.name}/{path.name}: {where}", pair)


def test_every_content_file_is_packaged():
    pyproject = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["cshire"]
    package = PROJECT_ROOT / "cshire"
    packaged = {path for pattern in patterns for path in package.glob(pattern)}
    assert set(CONTENT_FILES) <= packaged


# --- starter sets ----------------------------------------------------------------------


@pytest.mark.parametrize("name", SET_NAMES)
def test_every_competency_has_five_levels_written_in_both_languages(name):
    for competency in starter_sets()[name]["competencies"]:
        label = f"{name}/{competency['code']}"
        assert len(competency["levels"]) == 5, label
        for number, level in enumerate(competency["levels"], start=1):
            assert_bilingual(f"{label}.level{number}", level)


@pytest.mark.parametrize("name", SET_NAMES)
def test_sets_and_competencies_have_names_and_descriptions_in_both_languages(name):
    data = starter_sets()[name]
    for field in ("name", "description", "profile_name"):
        assert_bilingual(f"{name}.{field}", data[field])
    for competency in data["competencies"]:
        assert_bilingual(f"{name}/{competency['code']}.name", competency["name"])
        assert_bilingual(f"{name}/{competency['code']}.description", competency["description"])


def test_competency_codes_are_unique_across_all_starter_sets():
    codes = Counter(c["code"] for data in starter_sets().values() for c in data["competencies"])
    assert [code for code, times in codes.items() if times > 1] == []


def test_starter_set_positions_are_unique():
    positions = [data["position"] for data in starter_sets().values()]
    assert len(set(positions)) == len(positions)


@pytest.mark.parametrize("name", SET_NAMES)
def test_every_profile_entry_refers_to_a_competency_of_its_set(name):
    # A competency shared by two sets is written once; the other set names its file.
    defined = defined_codes()
    for entry in starter_sets()[name]["profile"]:
        home = entry.get("defined_in", name)
        assert entry["code"] in defined[home], (name, entry)
        if "defined_in" in entry:
            assert home != name and entry["code"] not in defined[name], (name, entry)
        assert entry["weight"] > 0, (name, entry)
        assert isinstance(entry["target_level"], int), (name, entry)
        assert 1 <= entry["target_level"] <= 5, (name, entry)


@pytest.mark.parametrize("name", SET_NAMES)
def test_every_competency_of_a_set_is_in_its_profile_once(name):
    profiled = [entry["code"] for entry in starter_sets()[name]["profile"]]
    assert len(set(profiled)) == len(profiled)
    assert defined_codes()[name] <= set(profiled)


# --- questions -------------------------------------------------------------------------


def test_each_question_file_is_named_after_a_starter_set():
    assert set(QUESTION_FILE_NAMES) <= set(SET_NAMES)


@pytest.mark.parametrize("name", QUESTION_FILE_NAMES)
def test_questions_are_about_the_competencies_their_set_writes_out(name):
    # A translator finds a question next to the competency it is about.
    own = defined_codes()[name]
    for question in question_files()[name]["questions"]:
        assert question["competency_code"] in own, (name, question["key"])


@pytest.mark.parametrize("name", QUESTION_FILE_NAMES)
def test_every_question_has_text_probes_and_three_anchors_in_both_languages(name):
    for question in question_files()[name]["questions"]:
        key = question["key"]
        assert question["question_type"] in QUESTION_TYPES, key
        assert question["probes"], key
        for field in ("text", "anchor_low", "anchor_mid", "anchor_high"):
            assert_bilingual(f"{key}.{field}", question[field])
        for number, probe in enumerate(question["probes"], start=1):
            assert_bilingual(f"{key}.probe{number}", probe)


def test_question_keys_are_unique_across_files():
    keys = Counter(q["key"] for data in question_files().values() for q in data["questions"])
    assert [key for key, times in keys.items() if times > 1] == []


# --- demo ----------------------------------------------------------------------------


def demo_team() -> dict:
    return load("demo_people", DEMO_TEAM)["team"]


def demo_hiring() -> dict:
    return load("demo_hiring", DEMO_HIRING)["pipeline"]


def test_each_demo_kind_is_one_file_the_demo_reads():
    assert set(load("demo_people", DEMO_TEAM)) == {"team"}
    assert set(load("demo_hiring", DEMO_HIRING)) == {"pipeline"}


def test_demo_people_have_unique_emails_and_belong_to_declared_teams():
    team = demo_team()
    people = [*team["sign_ins"], *team["members"], *demo_hiring()["interviewers"]]
    emails = Counter(person["email"] for person in people)
    assert [email for email, times in emails.items() if times > 1] == []
    assert all(email == email.lower() and email.endswith("@example.com") for email in emails)
    codes = [t["code"] for t in team["teams"]]
    assert len(set(codes)) == len(codes)
    assert {p["team"] for p in people if "team" in p} <= set(codes)
    # Every team is led by someone of the file who holds the manager role.
    managers = {p["email"] for p in people if "manager" in p.get("roles", ())}
    assert {t["manager"] for t in team["teams"]} <= managers


def test_the_demo_sign_ins_hold_the_roles_the_demo_relies_on():
    roles = {p["email"]: set(p["roles"]) for p in demo_team()["sign_ins"]}
    assert "manager" in roles["manager@example.com"]  # opens the opening, decides
    assert "interviewer" in roles["interviewer@example.com"]
    assert "interviewer" in roles["interviewer2@example.com"]
    assert "admin" in roles["admin@example.com"]


def test_the_demo_hiring_file_fits_the_simulation():
    data = demo_hiring()
    # Two interviewers of the file join interviewer@ and interviewer2@: one habit each.
    assert len(data["interviewers"]) + 2 == len(HABITS)
    assert len(data["candidates"]) == CANDIDATES
    for language in ("en", "ja"):
        names = [candidate[language] for candidate in data["candidates"]]
        assert len(set(names)) == len(names), language
    assert sorted(entry["rating"] for entry in data["evidence_notes"]) == list(
        range(1, RATINGS + 1))
    assert sorted(t["archetype"] for t in data["role_titles"]) == SET_NAMES


# --- the loader ------------------------------------------------------------------------


def real_file(kind: str, name: str) -> dict:
    return json.loads((CONTENT_DIR / kind / f"{name}.json").read_text(encoding="utf-8"))


def write(base: Path, kind: str, name: str, data: dict | str) -> None:
    folder = base / kind
    folder.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=2)
    (folder / name).write_text(text, encoding="utf-8")


def problems(base: Path, kind: str = "starter_sets") -> tuple[str, ...]:
    with pytest.raises(ContentError) as caught:
        load(kind, KINDS[kind], base)
    assert str(caught.value) == "\n".join(caught.value.problems)
    return caught.value.problems


def test_a_competency_with_four_levels_is_reported_with_the_file_and_the_json_path(tmp_path):
    data = real_file("starter_sets", "target_driven")
    del data["competencies"][3]["levels"][4]
    write(tmp_path, "starter_sets", "target_driven.json", data)
    assert problems(tmp_path) == (
        "starter_sets/target_driven.json: competencies[3].levels: 4 levels, expected 5",
    )


def test_a_misspelt_language_is_an_unknown_key_and_a_missing_one(tmp_path):
    data = real_file("starter_sets", "careful_support")
    data["competencies"][0]["name"]["jp"] = data["competencies"][0]["name"].pop("ja")
    del data["profile_name"]["en"]
    write(tmp_path, "starter_sets", "careful_support.json", data)
    assert problems(tmp_path) == (
        "starter_sets/careful_support.json: profile_name: missing key 'en'",
        "starter_sets/careful_support.json: competencies[0].name: unknown key 'jp'",
        "starter_sets/careful_support.json: competencies[0].name: missing key 'ja'",
    )


def test_wrong_types_values_outside_their_range_and_empty_text_are_reported(tmp_path):
    data = real_file("starter_sets", "consulting")
    data["position"] = 1.5
    data["competencies"][0]["code"] = None
    data["profile"][0]["weight"] = "3.0"
    data["profile"][1]["weight"] = 0
    data["profile"][2]["target_level"] = 6
    data["competencies"][1]["category"] = "skills"
    data["competencies"][2]["levels"][0]["ja"] = " "
    data["competencies"][3]["levels"] = {"en": "x"}
    write(tmp_path, "starter_sets", "consulting.json", data)
    where = "starter_sets/consulting.json"
    assert problems(tmp_path) == (
        f"{where}: position: expected a whole number, got a number",
        f"{where}: profile[0].weight: expected a number, got a string",
        f"{where}: profile[1].weight: 0, expected more than 0",
        f"{where}: profile[2].target_level: 6, expected at most 5",
        f"{where}: competencies[0].code: expected a string, got null",
        f"{where}: competencies[1].category: 'skills' is not one of skill, mindset, thinking",
        f"{where}: competencies[2].levels[0].ja: empty text",
        f"{where}: competencies[3].levels: expected a list, got an object",
    )


def test_a_question_with_one_probe_too_few_and_an_unknown_type_is_reported(tmp_path):
    data = {"questions": [real_file("questions", "consulting")["questions"][0]]}
    data["questions"][0]["probes"] = []
    data["questions"][0]["question_type"] = "hypothetical"
    write(tmp_path, "questions", "consulting.json", data)
    assert problems(tmp_path, "questions") == (
        "questions/consulting.json: questions[0].question_type: 'hypothetical' is not one of "
        "situational, behavioural",
        "questions/consulting.json: questions[0].probes: 0 probes, expected at least 1",
    )


def test_a_demo_pipeline_short_of_a_candidate_and_a_person_with_an_unknown_role(tmp_path):
    hiring = real_file("demo_hiring", "pipeline")
    del hiring["candidates"][-1]
    del hiring["evidence_notes"][0]["notes"][0]["ja"]
    write(tmp_path, "demo_hiring", "pipeline.json", hiring)
    assert problems(tmp_path, "demo_hiring") == (
        "demo_hiring/pipeline.json: candidates: 29 candidates, expected 30",
        "demo_hiring/pipeline.json: evidence_notes[0].notes[0]: missing key 'ja'",
    )
    team = real_file("demo_people", "team")
    team["members"][0]["roles"] = ["csm", "owner"]
    write(tmp_path, "demo_people", "team.json", team)
    assert problems(tmp_path, "demo_people") == (
        "demo_people/team.json: members[0].roles[1]: 'owner' is not one of admin, manager, "
        "interviewer, csm, new_hire",
    )


def test_invalid_json_is_reported_with_its_line(tmp_path):
    write(tmp_path, "starter_sets", "careful_support.json", '{\n  "position": 1,\n}\n')
    assert problems(tmp_path) == (
        "starter_sets/careful_support.json: not valid JSON: Expecting property name enclosed "
        "in double quotes (line 3, column 1)",
    )


def test_a_file_saved_as_shift_jis_is_reported(tmp_path):
    # What a Japanese Windows editor may do to a file it was asked to save.
    (tmp_path / "starter_sets").mkdir()
    (tmp_path / "starter_sets" / "careful_support.json").write_bytes(
        '{"name": {"ja": "丁寧なサポート"}}'.encode("shift_jis")
    )
    assert problems(tmp_path) == ("starter_sets/careful_support.json: not UTF-8 text",)


def test_a_key_written_twice_is_reported_instead_of_the_first_being_dropped(tmp_path):
    raw = (CONTENT_DIR / "starter_sets" / "careful_support.json").read_text(encoding="utf-8")
    raw = raw.replace('"ja": "丁寧なサポート"', '"ja": "丁寧なサポート",\n    "ja": "丁寧"', 1)
    write(tmp_path, "starter_sets", "careful_support.json", raw)
    assert problems(tmp_path) == (
        "starter_sets/careful_support.json: name: key 'ja' appears twice",
    )


def test_every_broken_file_is_reported_at_once(tmp_path):
    write(tmp_path, "starter_sets", "Target-Driven.json", real_file("starter_sets",
                                                                   "target_driven"))
    write(tmp_path, "starter_sets", "consulting.json", {"position": 3})
    found = problems(tmp_path)
    assert found[0] == ("starter_sets/Target-Driven.json: the file name must be lower-case "
                        "letters, digits and _")
    assert found[1:3] == (
        "starter_sets/consulting.json: missing key 'name'",
        "starter_sets/consulting.json: missing key 'description'",
    )
    assert len(found) == 6


def test_a_kind_without_files_is_an_error(tmp_path):
    (tmp_path / "starter_sets").mkdir()
    assert problems(tmp_path) == (f"starter_sets/: no .json files in {tmp_path}/starter_sets",)


def test_a_kind_is_read_once(tmp_path):
    write(tmp_path, "starter_sets", "consulting.json", real_file("starter_sets", "consulting"))
    first = load("starter_sets", STARTER_SET, tmp_path)
    (tmp_path / "starter_sets" / "consulting.json").unlink()
    assert load("starter_sets", STARTER_SET, tmp_path) is first


def test_importing_every_app_module_reads_no_content_file():
    script = (
        "import importlib, pkgutil, cshire\n"
        "from cshire.content import loader\n"
        "for module in pkgutil.walk_packages(cshire.__path__, 'cshire.'):\n"
        "    importlib.import_module(module.name)\n"
        "cshire.create_app({'TESTING': True, 'SECRET_KEY': 'x', "
        "'SQLALCHEMY_DATABASE_URI': 'sqlite://'})\n"
        "print(loader.load.cache_info().currsize)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True,
        check=True, timeout=60,
    )
    assert result.stdout.strip() == "0"


def test_loader_uses_only_the_standard_library():
    tree = ast.parse(Path(loader.__file__).read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    assert imported <= set(sys.stdlib_module_names)
