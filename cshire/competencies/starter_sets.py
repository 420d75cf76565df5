"""Starter competency sets for the three high-performer archetypes.

A team decides which kind of high performer it wants more of (DOMAIN.md, Hiring):
*careful support* (丁寧なサポート), *target-driven* (強い目標達成意識) or
*consulting strength* (高いコンサル力). Each archetype comes with seven starter
competencies (skills, mindset and ways of thinking) and a high-performer profile that
weights them. Teams import a set as a starting point and then adapt names, anchors and
weights to what their own top performers actually do.

Every competency has five behavioural anchors. They describe what an interviewer or a
manager can observe in real CS situations: level 1 is clearly below expectations,
level 3 is solid and competent, level 5 is the role model a high performer shows.

Profile weights (1.0-3.0) say how much a competency matters for the archetype; a
structured-interview kit asks more questions about heavier competencies. Target levels
(3-5) are the level a high performer of that archetype shows.

The texts live in ``cshire/content/starter_sets/<archetype>.json``, English and Japanese
side by side; this module declares their schema and builds the frozen objects below on
first use. ``CLEAR-EXPLANATION`` belongs to both the careful-support and the consulting
set: it is written once (in careful_support.json, named by the consulting profile's
``defined_in``) and is the same object in both.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from cshire.content.loader import (
    BILINGUAL,
    Items,
    LazyMapping,
    Number,
    Omittable,
    String,
    load,
    record,
)

SKILL = "skill"  # スキル
MINDSET = "mindset"  # マインド
THINKING = "thinking"  # 考え方
CATEGORIES = (SKILL, MINDSET, THINKING)


@dataclass(frozen=True)
class Text:
    """One string in both UI languages."""

    en: str
    ja: str

    @classmethod
    def from_content(cls, pair: Mapping[str, str]) -> "Text":
        """From a content file's ``{"en": ..., "ja": ...}``."""
        return cls(en=pair["en"], ja=pair["ja"])


@dataclass(frozen=True)
class StarterCompetency:
    code: str  # stable, upper-case, e.g. "EMPATHY"
    category: str  # SKILL | MINDSET | THINKING
    name: Text
    description: Text  # what it is and why it matters in CS
    levels: tuple[Text, Text, Text, Text, Text]  # behavioural anchors for levels 1..5


@dataclass(frozen=True)
class ProfileEntry:
    code: str
    weight: float  # importance for the high-performer profile, 1.0-3.0
    target_level: int  # level a high performer shows, 3-5


@dataclass(frozen=True)
class Archetype:
    code: str  # "careful_support" | "target_driven" | "consulting"
    name: Text
    description: Text  # who fits, typical background
    profile_name: Text
    profile: tuple[ProfileEntry, ...]  # heaviest first


# One file per archetype; the file name is the archetype's code.
STARTER_SET = record(
    position=Number(integer=True, at_least=1),  # order on the import page
    name=BILINGUAL,
    description=BILINGUAL,
    profile_name=BILINGUAL,
    profile=Items(record(
        code=String(),
        weight=Number(above=0),
        target_level=Number(integer=True, at_least=1, at_most=5),
        defined_in=Omittable(String()),  # the set whose file holds a shared competency
    )),
    competencies=Items(record(
        code=String(),
        category=String(choices=CATEGORIES),
        name=BILINGUAL,
        description=BILINGUAL,
        levels=Items(BILINGUAL, at_least=5, at_most=5),
    )),
)


@cache
def _starter_sets() -> tuple[dict[str, Archetype], dict[str, StarterCompetency]]:
    """Archetypes by ``position``; competencies set by set, in file order."""
    archetypes: dict[str, Archetype] = {}
    competencies: dict[str, StarterCompetency] = {}
    files = load("starter_sets", STARTER_SET)
    for code, data in sorted(files.items(), key=lambda item: item[1]["position"]):
        archetypes[code] = _archetype(code, data)
        competencies.update((c["code"], _competency(c)) for c in data["competencies"])
    return archetypes, competencies


def _archetype(code: str, data: dict[str, Any]) -> Archetype:
    return Archetype(
        code=code,
        name=Text.from_content(data["name"]),
        description=Text.from_content(data["description"]),
        profile_name=Text.from_content(data["profile_name"]),
        profile=tuple(
            ProfileEntry(e["code"], weight=float(e["weight"]), target_level=e["target_level"])
            for e in data["profile"]
        ),
    )


def _competency(data: dict[str, Any]) -> StarterCompetency:
    one, two, three, four, five = (Text.from_content(level) for level in data["levels"])
    return StarterCompetency(
        code=data["code"],
        category=data["category"],
        name=Text.from_content(data["name"]),
        description=Text.from_content(data["description"]),
        levels=(one, two, three, four, five),
    )


# Read-only, built on first use: importing this module reads no file.
ARCHETYPES: Mapping[str, Archetype] = LazyMapping(lambda: _starter_sets()[0])
COMPETENCIES: Mapping[str, StarterCompetency] = LazyMapping(lambda: _starter_sets()[1])


def competencies_for(archetype_code: str) -> list[StarterCompetency]:
    """The starter competencies of an archetype, in profile order (heaviest first).

    Raises ``KeyError`` for an unknown archetype code.
    """
    archetype = ARCHETYPES[archetype_code]
    return [COMPETENCIES[entry.code] for entry in archetype.profile]
