"""Exemplar ratings: the manager rates current team members and marks the high
performers; cshire suggests target levels and weights from them (``exemplars.py`` at
the package root holds the pure statistics). Services never commit.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from cshire.auth.models import Role, RoleGrant, User
from cshire.competencies.models import Competency
from cshire.database import utcnow
from cshire.extensions import db
from cshire.interviews.models.exemplars import ExemplarMember, ExemplarRating
from cshire.interviews.models.profiles import HighPerformerProfile, ProfileCompetency
from cshire.interviews.rules.exemplars import CompetencySuggestion, suggest_profile
from cshire.interviews.services.profiles import (
    LEVEL_MAX,
    LEVEL_MIN,
    EntryInput,
    Problem,
    ProfileError,
    ProfileInput,
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
    return (
        select(User)
        .join(RoleGrant, RoleGrant.user_id == User.id)
        .where(RoleGrant.role == Role.CSM.value, User.active.is_(True))
        .order_by(User.display_name, User.id)
    )


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
                problems.append(Problem("rating_not_in_profile", n))
            elif rating is not None and not LEVEL_MIN <= rating <= LEVEL_MAX:
                problems.append(Problem("rating_range", n))
    if problems:
        raise ProfileError(*problems)
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


def accept_suggestion(profile: HighPerformerProfile, *, version: int) -> int:
    """Apply the suggested levels and weights; returns how many entries changed."""
    if not suggestion_for(profile):
        raise ProfileError(Problem("no_ratings"))
    entries = suggested_entries(profile)
    before = {e.competency_id: (e.weight, e.target_level) for e in profile.entries}
    changed = sum(1 for e in entries if before[e.competency_id] != (e.weight, e.target_level))
    update_profile(
        profile,
        ProfileInput(profile.name, profile.role_title, profile.description, entries),
        version=version,
    )
    return changed


# --- exemplar CSV ----------------------------------------------------------------------

CSV_FIXED_COLUMNS = ("email", "is_high_performer")
_TRUE = {"1", "y", "yes", "true", "x", "high", "はい"}
_FALSE = {"", "0", "n", "no", "false", "いいえ"}


def exemplar_csv_template(profile: HighPerformerProfile) -> str:
    """A CSV to fill in: the header and one row per team member, ratings empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*CSV_FIXED_COLUMNS, *(e.competency.code for e in profile.entries)])
    for member in team_members():
        writer.writerow([member.email, "0", *([""] * len(profile.entries))])
    return out.getvalue()


def parse_exemplar_csv(profile: HighPerformerProfile, text: str) -> list[ExemplarInput]:
    """Read ``email,is_high_performer,CODE1,CODE2…`` (a header, then one row per team
    member). Every bad line is reported with its line number; if there is any, the
    whole file is refused so a half-imported team never skews the suggestion.
    An empty rating cell means "not rated"."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    numbered = [(n, row) for n, row in enumerate(rows, start=1) if any(c.strip() for c in row)]
    if not numbered:
        raise ProfileError(Problem("csv_empty", 1))
    header_line, header = numbered[0]
    codes = _csv_codes(profile, header_line, header)
    emails = {row[0].strip().lower() for _, row in numbered[1:] if row}
    members = {
        u.email: u for u in team_members() if u.email in emails
    }
    problems: list[Problem] = []
    parsed: list[ExemplarInput] = []
    seen: dict[str, int] = {}
    for line, row in numbered[1:]:
        row_problems, result = _csv_row(line, row, codes, members, seen)
        problems += row_problems
        if result is not None:
            parsed.append(result)
    if not numbered[1:]:
        problems.append(Problem("csv_no_rows", header_line))
    if problems:
        raise ProfileError(*problems)
    return parsed


def _csv_codes(profile: HighPerformerProfile, line: int, header: list[str]) -> list[int]:
    """The competency id of each rating column, in column order."""
    fixed = [cell.strip().lower() for cell in header[:2]]
    if fixed != list(CSV_FIXED_COLUMNS):
        raise ProfileError(Problem("csv_header", line))
    by_code = {e.competency.code: e.competency_id for e in profile.entries}
    problems, ids = [], []
    for cell in header[2:]:
        code = cell.strip().upper()
        if code not in by_code:
            problems.append(Problem("csv_unknown_code", line, {"code": cell.strip()}))
        elif by_code[code] in ids:
            problems.append(Problem("csv_duplicate_code", line, {"code": code}))
        else:
            ids.append(by_code[code])
    if not header[2:]:
        problems.append(Problem("csv_no_codes", line))
    if problems:
        raise ProfileError(*problems)
    return ids


def _csv_row(
    line: int, row: list[str], ids: list[int], members: dict[str, User], seen: dict[str, int]
) -> tuple[list[Problem], ExemplarInput | None]:
    if len(row) != len(ids) + 2:
        return [Problem("csv_columns", line, {"expected": len(ids) + 2, "found": len(row)})], None
    email, flag, *cells = (cell.strip() for cell in row)
    email = email.lower()
    problems = []
    member = members.get(email)
    if member is None:
        problems.append(Problem("csv_unknown_email", line, {"email": email}))
    elif email in seen:
        problems.append(
            Problem("csv_duplicate_email", line, {"email": email, "first": seen[email]})
        )
    else:
        seen[email] = line
    if flag.lower() not in _TRUE | _FALSE:
        problems.append(Problem("csv_flag", line, {"value": flag}))
    ratings: dict[int, int | None] = {}
    for competency_id, cell in zip(ids, cells, strict=True):
        if not cell:
            ratings[competency_id] = None
        elif cell.isascii() and cell.isdigit() and LEVEL_MIN <= int(cell) <= LEVEL_MAX:
            ratings[competency_id] = int(cell)
        else:
            problems.append(Problem("csv_rating", line, {"value": cell}))
    if problems or member is None:
        return problems, None
    return [], ExemplarInput(member.id, flag.lower() in _TRUE, ratings)
