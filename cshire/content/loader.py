"""Read the seed content shipped as JSON: ``cshire/content/<kind>/<name>.json``.

Content (starter competency sets, the seed question bank, later training and evaluation
material) is data that translators and CS leads edit without touching Python. A *kind* is
a folder of JSON files; ``load`` reads every file of one kind and checks it against a
small declared schema, so a broken edit is reported where it is, with the file and the
JSON path, e.g. ``starter_sets/target_driven.json: competencies[3].levels: 4 levels,
expected 5``. Every problem of every file is reported at once.

Nothing is read at import time: ``load`` runs on first use and is memoised, and
``LazyMapping`` / ``LazySequence`` let a module publish a constant (``ARCHETYPES``) that
others import by name while the file is still unread. Standard library only.
"""

import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol, TypeVar

CONTENT_DIR = Path(__file__).resolve().parent
FILE_NAME = re.compile(r"[a-z][a-z0-9_]*")  # the file name is the code (``target_driven``)

Problem = tuple[str, str]  # (JSON path, what is wrong)


class ContentError(ValueError):
    """Content files that do not match their schema; one line per problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = tuple(problems)


class Schema(Protocol):
    def problems(self, value: Any, path: str) -> Iterator[Problem]: ...


@dataclass(frozen=True)
class String:
    """A string with visible text, optionally one of ``choices``."""

    choices: tuple[str, ...] = ()

    def problems(self, value: Any, path: str) -> Iterator[Problem]:
        if not isinstance(value, str):
            yield path, _expected("a string", value)
        elif not value.strip():
            yield path, "empty text"
        elif self.choices and value not in self.choices:
            yield path, f"{value!r} is not one of {', '.join(self.choices)}"


@dataclass(frozen=True)
class Number:
    """A number (``integer``: a whole one) within the given bounds."""

    integer: bool = False
    above: float | None = None
    at_least: float | None = None
    at_most: float | None = None

    def problems(self, value: Any, path: str) -> Iterator[Problem]:
        types = int if self.integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, types):
            yield path, _expected("a whole number" if self.integer else "a number", value)
        elif self.above is not None and value <= self.above:
            yield path, f"{value}, expected more than {self.above}"
        elif self.at_least is not None and value < self.at_least:
            yield path, f"{value}, expected at least {self.at_least}"
        elif self.at_most is not None and value > self.at_most:
            yield path, f"{value}, expected at most {self.at_most}"


@dataclass(frozen=True)
class Items:
    """A list of ``item``, with ``at_least`` to ``at_most`` entries."""

    item: Schema
    at_least: int = 1
    at_most: int | None = None

    def problems(self, value: Any, path: str) -> Iterator[Problem]:
        if not isinstance(value, list):
            yield path, _expected("a list", value)
            return
        if len(value) < self.at_least or (self.at_most is not None and len(value) > self.at_most):
            yield path, f"{_count(len(value), path)}, expected {self._length()}"
        for index, element in enumerate(value):
            yield from self.item.problems(element, f"{path}[{index}]")

    def _length(self) -> str:
        if self.at_most is None:
            return f"at least {self.at_least}"
        if self.at_most == self.at_least:
            return str(self.at_least)
        return f"{self.at_least} to {self.at_most}"


@dataclass(frozen=True)
class Omittable:
    """A key of a ``Record`` that may be left out."""

    schema: Schema

    def problems(self, value: Any, path: str) -> Iterator[Problem]:
        return self.schema.problems(value, path)


@dataclass(frozen=True)
class Record:
    """A JSON object with exactly these keys: a typo (``"jp"``) is an unknown key."""

    fields: tuple[tuple[str, Schema], ...]

    def problems(self, value: Any, path: str) -> Iterator[Problem]:
        if not isinstance(value, dict):
            yield path, _expected("an object", value)
            return
        for key in getattr(value, "repeated", ()):
            yield path, f"key {key!r} appears twice"
        known = dict(self.fields)
        for key in value:
            if key not in known:
                yield path, f"unknown key {key!r}"
        for key, schema in self.fields:
            if key in value:
                yield from schema.problems(value[key], f"{path}.{key}" if path else key)
            elif not isinstance(schema, Omittable):
                yield path, f"missing key {key!r}"


def record(**fields: Schema) -> Record:
    """``record(code=String(), weight=Number(above=0))``: keys in the order given."""
    return Record(tuple(fields.items()))


# Every piece of text is written in both UI languages, side by side for the translator.
BILINGUAL = record(en=String(), ja=String())


@cache
def load(kind: str, schema: Schema, base: Path = CONTENT_DIR) -> dict[str, Any]:
    """Every ``<base>/<kind>/*.json`` file, checked against ``schema``, keyed by file name
    (without ``.json``) in name order. Read once per (kind, schema, base); the result is
    shared, so treat it as read-only. Raises ``ContentError`` listing every problem."""
    files = sorted((base / kind).glob("*.json"))
    if not files:
        raise ContentError([f"{kind}/: no .json files in {base / kind}"])
    content: dict[str, Any] = {}
    problems: list[str] = []
    for file in files:
        content[file.stem], found = _read(file, schema)
        problems += [f"{kind}/{file.name}: {where}: {what}" if where else
                     f"{kind}/{file.name}: {what}" for where, what in found]
    if problems:
        raise ContentError(problems)
    return content


def _read(file: Path, schema: Schema) -> tuple[Any, list[Problem]]:
    if not FILE_NAME.fullmatch(file.stem):
        return None, [("", "the file name must be lower-case letters, digits and _")]
    try:
        data = json.loads(file.read_text(encoding="utf-8"), object_pairs_hook=_JsonObject)
    except UnicodeDecodeError:
        return None, [("", "not UTF-8 text")]
    except json.JSONDecodeError as error:
        return None, [("", f"not valid JSON: {error.msg} (line {error.lineno}, "
                           f"column {error.colno})")]
    return data, list(schema.problems(data, ""))


class _JsonObject(dict):
    """A JSON object that remembers repeated keys (``json`` silently keeps the last)."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        self.repeated: list[str] = []
        for key, _ in pairs:
            if key in seen:
                self.repeated.append(key)
            seen.add(key)


def _expected(what: str, value: Any) -> str:
    return f"expected {what}, got {_json_type(value)}"


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "a list" if isinstance(value, list) else "an object"


def _count(number: int, path: str) -> str:
    """``4 levels`` / ``1 probe``: the noun is the key the list is under."""
    noun = re.sub(r"\[\d+\]$", "", path).rpartition(".")[2] or "items"
    if number == 1:
        noun = re.sub(r"ies$", "y", noun) if noun.endswith("ies") else noun.removesuffix("s")
    return f"{number} {noun}"


K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")


class _BuiltOnFirstUse:
    """What the lazy containers share: each call asks ``build``, which the caller
    memoises, so the content is read on first use and then once only."""

    __slots__ = ("_build",)

    def __init__(self, build: Callable[[], Any]) -> None:
        self._build = build

    def __getitem__(self, key: Any) -> Any:
        return self._build()[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._build())

    def __len__(self) -> int:
        return len(self._build())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._build()!r})"


class LazyMapping(_BuiltOnFirstUse, Mapping[K, V]):
    """A read-only mapping that ``build`` (memoised by the caller) makes on first use."""

    __slots__ = ()


class LazySequence(_BuiltOnFirstUse, Sequence[T]):
    """A read-only sequence that ``build`` (memoised by the caller) makes on first use."""

    __slots__ = ()
