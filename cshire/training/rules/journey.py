"""The success journey's JSON file format, read and written without the database.

The format (shared with evaluations, which measures conversion between the stages)::

    {"code": "saas", "name": {"en": "SaaS journey", "ja": "SaaSのジャーニー"},
     "description": "…",                                          (optional)
     "stages": [
       {"code": "onboarding", "name": "Onboarding", "description": "…",   (optional)
        "playbook": "How to move a customer to the next stage (Markdown)", (optional)
        "milestones": [{"code": "setup", "name": "Setup complete",
                        "description": "…", "handoff": true}]}]}          (optional)

Every ``name``, ``description`` and ``playbook`` is either ``{"en": …, "ja": …}`` (a
language left out is empty; pages then show the other one) or a plain string, which is
taken as the text of both languages — a file written in one language reads the same
on every page, and the preview shows that the other language is overwritten too.

Order in the file is the order of the journey. A problem is reported with its JSON
path, 0-based as in JSON tools (``stages[2].milestones[0].code``), and a message code
of training's ``JOURNEY_MESSAGES``; the caller turns them into a ``TrainingError``.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
CODE_MAX = 40
NAME_MAX = 200
TEXT_MAX = 20_000
MAX_STAGES = 30
MAX_MILESTONES = 30
LANGUAGES = ("en", "ja")

JOURNEY_KEYS = frozenset({"code", "name", "description", "stages"})
STAGE_KEYS = frozenset({"code", "name", "description", "playbook", "milestones"})
MILESTONE_KEYS = frozenset({"code", "name", "description", "handoff"})


@dataclass(frozen=True)
class Texts:
    """One text in both languages."""

    en: str = ""
    ja: str = ""

    def as_json(self) -> dict[str, str]:
        return {"en": self.en, "ja": self.ja}


@dataclass(frozen=True)
class MilestoneSpec:
    code: str
    name: Texts
    description: Texts = Texts()
    handoff: bool = False


@dataclass(frozen=True)
class StageSpec:
    code: str
    name: Texts
    description: Texts = Texts()
    playbook: Texts = Texts()
    milestones: tuple[MilestoneSpec, ...] = ()


@dataclass(frozen=True)
class JourneySpec:
    code: str
    name: Texts
    description: Texts = Texts()
    stages: tuple[StageSpec, ...] = ()


@dataclass(frozen=True)
class SpecProblem:
    """``path`` is where in the file ("" for the file as a whole)."""

    path: str
    code: str
    params: dict = field(default_factory=dict)


class _Reader:
    """Collects every problem of a file instead of stopping at the first one."""

    def __init__(self) -> None:
        self.problems: list[SpecProblem] = []

    def problem(self, path: str, message: str, /, **params: object) -> None:
        self.problems.append(SpecProblem(path, message, dict(params)))

    def object_at(self, value: object, path: str, keys: frozenset[str]) -> dict | None:
        if not isinstance(value, dict):
            self.problem(path, "json_not_object")
            return None
        for key in sorted(set(value) - keys, key=str):
            self.problem(_join(path, str(key)), "json_unknown_key")
        return value

    def code(self, obj: dict, path: str) -> str:
        value = obj.get("code")
        where = _join(path, "code")
        code = value.strip() if isinstance(value, str) else ""
        if value is None:
            self.problem(where, "json_missing")
        elif len(code) > CODE_MAX or not CODE_PATTERN.match(code):
            self.problem(where, "json_code_invalid", max=CODE_MAX)
        else:
            return code
        return ""

    def texts(self, obj: dict, key: str, path: str, *, required: bool = False,
              limit: int = TEXT_MAX) -> Texts:
        value = obj.get(key)
        where = _join(path, key)
        if value is None:
            if required:
                self.problem(where, "json_missing")
            return Texts()
        if isinstance(value, str):
            texts = Texts(value.strip(), value.strip())
        elif isinstance(value, dict):
            texts = self._languages(value, where)
        else:
            self.problem(where, "json_text_invalid")
            return Texts()
        for language in LANGUAGES:
            if len(getattr(texts, language)) > limit:
                self.problem(where, "json_too_long", max=limit)
                break
        if required and not (texts.en or texts.ja):
            self.problem(where, "json_missing")
        return texts

    def _languages(self, value: dict, where: str) -> Texts:
        for key in sorted(set(value) - set(LANGUAGES), key=str):
            self.problem(_join(where, str(key)), "json_unknown_key")
        found = {}
        for language in LANGUAGES:
            text = value.get(language, "")
            if not isinstance(text, str):
                self.problem(_join(where, language), "json_text_invalid")
                text = ""
            found[language] = text.strip()
        return Texts(**found)

    def listing(self, obj: dict, key: str, path: str, limit: int) -> list:
        value = obj.get(key)
        where = _join(path, key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(where, "json_not_list")
            return []
        if len(value) > limit:
            self.problem(where, "json_too_many", max=limit)
            return []
        return value


def read_spec(data: object) -> tuple[JourneySpec | None, list[SpecProblem]]:
    """The journey a parsed JSON document describes, or None and every problem."""
    reader = _Reader()
    root = reader.object_at(data, "", JOURNEY_KEYS)
    if root is None:
        return None, reader.problems
    code = reader.code(root, "")
    name = reader.texts(root, "name", "", required=True, limit=NAME_MAX)
    description = reader.texts(root, "description", "")
    if "stages" not in root:
        reader.problem("stages", "json_missing")
    raw_stages = reader.listing(root, "stages", "", MAX_STAGES)
    if "stages" in root and isinstance(root["stages"], list) and not root["stages"]:
        reader.problem("stages", "json_no_stages")
    stages = [_stage(reader, raw, f"stages[{i}]") for i, raw in enumerate(raw_stages)]
    _check_unique(reader, [(f"stages[{i}]", s.code) for i, s in enumerate(stages)])
    if reader.problems:
        return None, reader.problems
    return JourneySpec(code, name, description, tuple(stages)), []


def _stage(reader: _Reader, raw: object, path: str) -> StageSpec:
    obj = reader.object_at(raw, path, STAGE_KEYS)
    if obj is None:
        return StageSpec("", Texts())
    code = reader.code(obj, path)
    name = reader.texts(obj, "name", path, required=True, limit=NAME_MAX)
    description = reader.texts(obj, "description", path)
    playbook = reader.texts(obj, "playbook", path)
    raw_milestones = reader.listing(obj, "milestones", path, MAX_MILESTONES)
    milestones = [_milestone(reader, m, f"{path}.milestones[{i}]")
                  for i, m in enumerate(raw_milestones)]
    _check_unique(reader, [(f"{path}.milestones[{i}]", m.code)
                           for i, m in enumerate(milestones)])
    return StageSpec(code, name, description, playbook, tuple(milestones))


def _milestone(reader: _Reader, raw: object, path: str) -> MilestoneSpec:
    obj = reader.object_at(raw, path, MILESTONE_KEYS)
    if obj is None:
        return MilestoneSpec("", Texts())
    code = reader.code(obj, path)
    name = reader.texts(obj, "name", path, required=True, limit=NAME_MAX)
    description = reader.texts(obj, "description", path)
    handoff = obj.get("handoff", False)
    if not isinstance(handoff, bool):
        reader.problem(_join(path, "handoff"), "json_not_boolean")
        handoff = False
    return MilestoneSpec(code, name, description, handoff)


def _check_unique(reader: _Reader, coded: list[tuple[str, str]]) -> None:
    seen: set[str] = set()
    for path, code in coded:
        if code and code in seen:
            reader.problem(_join(path, "code"), "json_code_repeated", code=code)
        seen.add(code)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def spec_as_json(spec: JourneySpec) -> dict:
    """The file format of ``spec``, every text in both languages."""
    return {
        "code": spec.code,
        "name": spec.name.as_json(),
        "description": spec.description.as_json(),
        "stages": [
            {
                "code": stage.code,
                "name": stage.name.as_json(),
                "description": stage.description.as_json(),
                "playbook": stage.playbook.as_json(),
                "milestones": [
                    {"code": m.code, "name": m.name.as_json(),
                     "description": m.description.as_json(), "handoff": m.handoff}
                    for m in stage.milestones
                ],
            }
            for stage in spec.stages
        ],
    }


def moved(items: list, index: int, step: int) -> list | None:
    """``items`` with the one at ``index`` moved ``step`` places (-1 up, +1 down); None
    when it is already first or last."""
    target = index + step
    if not (0 <= index < len(items) and 0 <= target < len(items)):
        return None
    order = list(items)
    order[index], order[target] = order[target], order[index]
    return order


def walk_codes(spec: JourneySpec) -> Iterator[tuple[str, str | None]]:
    """(stage code, milestone code or None) of every stage and milestone, in order."""
    for stage in spec.stages:
        yield stage.code, None
        for milestone in stage.milestones:
            yield stage.code, milestone.code
