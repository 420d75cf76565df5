"""Exemplar ratings: the manager rates current team members and marks the high
performers; cshire suggests target levels and weights from them (``rules/exemplars.py``
holds the pure statistics). Ratings come from the grid or from a CSV file read by the
one CSV reader (``cshire.csv_import``). Services never commit.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import IO

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from cshire.auth.models import Role, User
from cshire.auth.services import members_with_role_query
from cshire.competencies.models import Competency
from cshire.csv_import import CellError, Column, CsvImport, Row, max_length_of, template_csv
from cshire.database import utcnow
from cshire.errors import Problem
from cshire.extensions import db
from cshire.interviews.messages import ACCEPTED_SUGGESTION, HiringCsvError, HiringError
from cshire.interviews.models.exemplars import ExemplarMember, ExemplarRating
from cshire.interviews.models.profiles import HighPerformerProfile, ProfileCompetency
from cshire.interviews.rules.exemplars import CompetencySuggestion, suggest_profile
from cshire.interviews.services.profiles import (
    LEVEL_MAX,
    LEVEL_MIN,
    EntryInput,
    ProfileInput,
    refusal,
    update_profile,
)

# --- exemplars -------------------------------------------------------------------------


@dataclass(frozen=True)
class ExemplarInput:
    """One team member's row: high performer or not, and a rating (1–5, or None for
    "not rated") per competency id of the profile."""

    member_id: int
    is_high_performer: bool
    ratings: dict[int, int | None]


@dataclass(frozen=True)
class SuggestionRow:
    competency: Competency
    current: ProfileCompetency | None
    suggestion: CompetencySuggestion


def team_members_query() -> Select:
    """Active users with the CSM role: the people a manager can rate as exemplars."""
    return members_with_role_query(Role.CSM)


def team_members() -> list[User]:
    return list(db.session.scalars(team_members_query()))


def exemplars_of(profile: HighPerformerProfile,
                 member_ids: Iterable[int] | None = None) -> dict[int, ExemplarMember]:
    """Exemplar rows by member id (all, or those of ``member_ids``: one page of the
    grid), ratings loaded in the same round of queries."""
    query = (
        select(ExemplarMember)
        .where(ExemplarMember.profile_id == profile.id)
        .options(selectinload(ExemplarMember.ratings), selectinload(ExemplarMember.member))
    )
    if member_ids is not None:
        query = query.where(ExemplarMember.member_id.in_(list(member_ids)))
    return {row.member_id: row for row in db.session.scalars(query)}


def save_exemplars(
    profile: HighPerformerProfile, rows: Sequence[ExemplarInput], *, actor: User | None
) -> int:
    """Store the given members' ratings (other members are left alone) and return how
    many members now have ratings. A member with no rating and no high-performer mark
    is removed. Ratings for competencies outside the profile are refused."""
    competency_ids = {entry.competency_id for entry in profile.entries}
    problems = []
    for n, row in enumerate(rows, start=1):
        for competency_id, rating in row.ratings.items():
            if competency_id not in competency_ids:
                problems.append(Problem("rating_not_in_profile", {"row": n}))
            elif rating is not None and not LEVEL_MIN <= rating <= LEVEL_MAX:
                problems.append(Problem("rating_range", {"row": n}))
    if problems:
        raise refusal("ratings_rejected", problems)
    existing = exemplars_of(profile)
    for row in rows:
        _save_member(profile, existing.get(row.member_id), row, actor)
    db.session.flush()
    return sum(1 for m in exemplars_of(profile).values() if m.ratings)


def _save_member(
    profile: HighPerformerProfile, member: ExemplarMember | None, row: ExemplarInput,
    actor: User | None,
) -> None:
    rated = {cid: r for cid, r in row.ratings.items() if r is not None}
    if member is None:
        if not rated and not row.is_high_performer:
            return
        member = ExemplarMember(profile_id=profile.id, member_id=row.member_id)
        db.session.add(member)
    member.is_high_performer = row.is_high_performer
    member.rated_by_id = actor.id if actor is not None else None
    member.rated_at = utcnow()
    by_competency = {r.competency_id: r for r in member.ratings}
    for competency_id, value in row.ratings.items():
        rating = by_competency.get(competency_id)
        if value is None:
            if rating is not None:
                member.ratings.remove(rating)
        elif rating is None:
            member.ratings.append(ExemplarRating(competency_id=competency_id, rating=value))
        else:
            rating.rating = value
    if not member.ratings and not member.is_high_performer:
        db.session.delete(member)


def suggestion_for(profile: HighPerformerProfile) -> list[SuggestionRow]:
    """What the stored ratings suggest for each of the profile's competencies, in the
    profile's order. Competencies nobody rated are left out."""
    exemplars = exemplars_of(profile)
    entries = {entry.competency_id: entry for entry in profile.entries}
    codes = {entry.competency_id: entry.competency.code for entry in profile.entries}
    ratings = {
        str(member_id): {
            codes[r.competency_id]: r.rating for r in m.ratings if r.competency_id in codes
        }
        for member_id, m in exemplars.items()
    }
    high = {str(member_id) for member_id, m in exemplars.items() if m.is_high_performer}
    by_code = {s.competency_code: s for s in suggest_profile(ratings, high)}
    return [
        SuggestionRow(entry.competency, entries[entry.competency_id],
                      by_code[entry.competency.code])
        for entry in profile.entries
        if entry.competency.code in by_code
    ]


def suggested_entries(profile: HighPerformerProfile) -> list[EntryInput]:
    """The profile's entries with the suggestion applied where it says something:
    level from the high performers' mean, weight from the effect size. Where the
    ratings are too few for an effect size, the current weight stays."""
    by_id = {row.competency.id: row.suggestion for row in suggestion_for(profile)}
    entries = []
    for entry in profile.entries:
        s = by_id.get(entry.competency_id)
        weight = s.suggested_weight if s and s.suggested_weight is not None else entry.weight
        level = s.suggested_level if s and s.suggested_level is not None else entry.target_level
        entries.append(EntryInput(entry.competency_id, weight, level))
    return entries


def accept_suggestion(profile: HighPerformerProfile, *, version: int | None,
                      actor: User | None = None) -> int:
    """Apply the suggested levels and weights to the profile as loaded at ``version``
    (recorded with the reason "accepted suggestion"); returns how many entries changed."""
    if not suggestion_for(profile):
        raise HiringError("no_ratings")
    entries = suggested_entries(profile)
    before = {e.competency_id: (e.weight, e.target_level) for e in profile.entries}
    changed = sum(1 for e in entries if before[e.competency_id] != (e.weight, e.target_level))
    update_profile(
        profile,
        ProfileInput(profile.name, profile.role_title, profile.description, entries),
        version=version, actor=actor, reason=str(ACCEPTED_SUGGESTION),
    )
    return changed


# --- exemplar CSV ----------------------------------------------------------------------

EMAIL, HIGH_PERFORMER = "email", "is_high_performer"
_TRUE = frozenset({"1", "y", "yes", "true", "x", "high", "はい"})
_FALSE = frozenset({"0", "n", "no", "false", "いいえ"})


@dataclass(frozen=True)
class ExemplarImport:
    rows: int  # team members in the file
    rated: int  # team members with ratings on the profile now


def _team_member(members: dict[str, User]) -> Callable[[str], User]:
    """A parser of the email column: the active team member with that address (any
    case), checked cell by cell so that a line shows all of its problems at once."""
    def parse(value: str) -> User:
        member = members.get(value.lower())
        if member is None:
            raise CellError("exemplar_unknown_email", email=value.lower())
        return member

    return parse


def _high_performer(value: str) -> bool:
    word = value.casefold()
    if word in _TRUE or word in _FALSE:
        return word in _TRUE
    raise CellError("exemplar_flag")


def _rating(value: str) -> int:
    if value.isascii() and value.isdigit() and LEVEL_MIN <= int(value) <= LEVEL_MAX:
        return int(value)
    raise CellError("exemplar_rating")


def exemplar_columns(profile: HighPerformerProfile,
                     members: dict[str, User] | None = None) -> list[Column]:
    """``email,is_high_performer,CODE1,CODE2…``: one rating column per competency of
    the profile (in any order, any case). The email must name one of ``members``, keyed
    by lower-case address (only the template, which reads no file, goes without). An
    empty flag means "not a high performer", an empty rating "not rated"."""
    return [
        Column(EMAIL, required=True, max_length=max_length_of(User.email),
               parse=_team_member(members) if members is not None else str.lower,
               example="ann@example.com"),
        Column(HIGH_PERFORMER, parse=_high_performer, default=False, example="1"),
        *(Column(entry.competency.code, parse=_rating, example="4")
          for entry in profile.entries),
    ]


def exemplar_csv_template(profile: HighPerformerProfile) -> bytes:
    """A CSV to fill in: the header and one row per team member, ratings empty."""
    blank = [""] * len(profile.entries)
    return template_csv(exemplar_columns(profile),
                        ([member.email, "0", *blank] for member in team_members()))


def parse_exemplar_csv(profile: HighPerformerProfile, source: IO[bytes] | bytes, *,
                       max_rows: int | None = None) -> list[ExemplarInput]:
    """The team members' rows of an exemplar CSV. Every bad line is reported with its
    line number; if there is any, the whole file is refused (``HiringCsvError``) so a
    half-imported team never skews the suggestion. Only the competencies the file has
    a column for are rated: a member's other ratings stay as they are."""
    members = {user.email.lower(): user for user in team_members()}
    reader = CsvImport(source, exemplar_columns(profile, members), max_rows=max_rows,
                       error_class=HiringCsvError)
    rows = list(reader)
    codes = _rated_columns(profile, reader)
    seen: dict[int, int] = {}
    parsed = [_exemplar_row(row, codes, seen, reader) for row in rows]
    reader.raise_if_problems()
    return [row for row in parsed if row is not None]


def _rated_columns(profile: HighPerformerProfile, reader: CsvImport) -> dict[str, int]:
    """Competency code → id of the rating columns the file has (an absent column reads
    as empty, which must not erase the ratings stored for it)."""
    expected = ", ".join(column.name for column in reader.columns)
    if HIGH_PERFORMER not in reader.columns_in_file:
        raise HiringCsvError("csv_header_missing", missing=HIGH_PERFORMER, unexpected="",
                             expected=expected)
    ids = {entry.competency.code: entry.competency_id for entry in profile.entries}
    codes = {name: ids[name] for name in reader.columns_in_file if name in ids}
    if not codes:
        raise HiringCsvError("exemplar_no_competency_column")
    return codes


def _exemplar_row(row: Row, codes: dict[str, int], seen: dict[int, int],
                  reader: CsvImport) -> ExemplarInput | None:
    member = row[EMAIL]
    if member.id in seen:
        reader.add_problem(row.line, "exemplar_duplicate_email", field=EMAIL,
                           email=member.email.lower(), first=seen[member.id])
        return None
    seen[member.id] = row.line
    return ExemplarInput(member.id, row[HIGH_PERFORMER],
                         {competency_id: row[code] for code, competency_id in codes.items()})


def import_exemplar_csv(profile: HighPerformerProfile, source: IO[bytes] | bytes, *,
                        actor: User | None, max_rows: int | None) -> ExemplarImport:
    """Read an exemplar CSV and store its ratings, all or nothing."""
    rows = parse_exemplar_csv(profile, source, max_rows=max_rows)
    return ExemplarImport(len(rows), save_exemplars(profile, rows, actor=actor))
