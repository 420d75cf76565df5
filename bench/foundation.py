"""Generator areas of the foundation (issue 2): staff in teams with their roles, and
the competency model (the three starter sets plus generated competencies)."""

from __future__ import annotations

from random import Random

from sqlalchemy import select
from werkzeug.security import generate_password_hash

from bench import texts
from bench.context import (
    BENCH_ADMIN,
    BENCH_INTERVIEWER,
    BENCH_MANAGER,
    BENCH_PASSWORD,
    Context,
)

# --- people -----------------------------------------------------------------------------


def generate_people(ctx: Context) -> None:
    """Staff in teams of ``team_size``, each team with a manager; roles: a few admins,
    managers, about a third interviewers, most CSMs, some new hires."""
    scale, rng = ctx.scale, ctx.rng
    password_hash = generate_password_hash(BENCH_PASSWORD)  # hashing is slow: once
    team_count = max(1, scale.staff // scale.team_size)
    team_ids = list(ctx.ids("teams", team_count))
    ctx.insert("teams", (
        {"id": tid, "name": f"{texts.TEAM_AREAS[i % 7]} {texts.TEAM_REGIONS[i // 7 % 7]} {i + 1}",
         "manager_id": None, "created_at": ctx.at(-400)}
        for i, tid in enumerate(team_ids)
    ))
    user_ids = list(ctx.ids("users", scale.staff))
    fixed = {user_ids[0]: BENCH_ADMIN, user_ids[1]: BENCH_MANAGER, user_ids[2]: BENCH_INTERVIEWER}
    users, grants = [], []
    by_role: dict[str, list[int]] = {r: [] for r in ("admin", "manager", "interviewer",
                                                      "csm", "new_hire")}
    team_managers: dict[int, int] = {}
    for n, uid in enumerate(user_ids):
        team_id = team_ids[n % team_count]
        japanese = rng.random() < 0.3
        users.append({
            "id": uid, "email": fixed.get(uid, f"staff{n:05d}@example.com"),
            "display_name": _person_name(rng, japanese), "password_hash": password_hash,
            "locale": "ja" if japanese else "en", "active": rng.random() > 0.02 or uid in fixed,
            "team_id": team_id, "created_at": ctx.at(-rng.uniform(30, 900)),
            "last_login_at": ctx.at(-rng.uniform(0, 30)),
        })
        roles = _roles_for(rng, n, team_id, team_managers, uid)
        for role in sorted(roles):
            grants.append({"user_id": uid, "role": role})
            by_role[role].append(uid)
    ctx.insert("users", users)
    for grant, grant_id in zip(grants, ctx.ids("role_grants", len(grants)), strict=True):
        grant["id"] = grant_id
    ctx.insert("role_grants", grants)
    ctx.update_by_id("teams", {"manager_id": "manager"},
                     [{"row_id": t, "manager": m} for t, m in team_managers.items()])
    ctx.facts.update(by_role=by_role, team_ids=team_ids, bench_manager=user_ids[1],
                     bench_interviewer=user_ids[2], bench_admin=user_ids[0])


def _roles_for(rng: Random, n: int, team_id: int, team_managers: dict[int, int],
               uid: int) -> set[str]:
    if n == 0:
        return {"admin"}
    if n == 1:
        return {"manager", "interviewer"}
    if n == 2:
        return {"interviewer", "csm"}
    if team_id not in team_managers:  # the first member of each team leads it
        team_managers[team_id] = uid
        return {"manager", "interviewer"}
    if rng.random() < 0.005:
        return {"admin"}
    if rng.random() < 0.08:
        return {"new_hire"}
    return {"csm", "interviewer"} if rng.random() < 0.3 else {"csm"}


def _person_name(rng: Random, japanese: bool) -> str:
    if japanese:
        return f"{rng.choice(texts.FAMILY_NAMES_JA)} {rng.choice(texts.GIVEN_NAMES_JA)}"
    return f"{rng.choice(texts.FIRST_NAMES_EN)} {rng.choice(texts.LAST_NAMES_EN)}"


# --- competencies ---------------------------------------------------------------------


def generate_competencies(ctx: Context) -> None:
    """The three archetypes' starter sets through the product's own import service,
    then generated competencies (each with five anchored levels)."""
    from cshire.competencies.models import Competency
    from cshire.competencies.services import import_archetype
    from cshire.competencies.starter_sets import ARCHETYPES

    imported = sum(len(import_archetype(code).created) for code in ARCHETYPES)
    ctx.report.rows.update({"competencies": imported, "competency_levels": 5 * imported})
    comp_ids = list(ctx.ids("competencies", ctx.scale.generated_competencies))
    competencies, levels = [], []
    for n, cid in enumerate(comp_ids):
        name_en, name_ja, category = texts.COMPETENCY_THEMES[n % len(texts.COMPETENCY_THEMES)]
        suffix = n // len(texts.COMPETENCY_THEMES) + 1
        competencies.append({
            "id": cid, "code": f"GEN-{n + 1:03d}", "category": category,
            "name_en": f"{name_en} {suffix}", "name_ja": f"{name_ja}{suffix}",
            "description_en": f"How a CSM practises {name_en.lower()} with customers.",
            "description_ja": f"顧客との関わりにおける{name_ja}の実践。",
            "archetype": None, "archived_at": ctx.at(-10) if ctx.rng.random() < 0.05 else None,
            "created_at": ctx.at(-300), "updated_at": ctx.at(-300), "version": 1,
        })
        for level, (en, ja) in enumerate(zip(texts.LEVEL_WORDS_EN, texts.LEVEL_WORDS_JA,
                                             strict=True), start=1):
            levels.append({"competency_id": cid, "level": level,
                           "description_en": f"{name_en}: {en}.",
                           "description_ja": f"{name_ja}：{ja}。"})
    ctx.insert("competencies", competencies)
    for row, level_id in zip(levels, ctx.ids("competency_levels", len(levels)), strict=True):
        row["id"] = level_id
    ctx.insert("competency_levels", levels)
    rows = ctx.conn.execute(
        select(Competency.id, Competency.code, Competency.archetype)
        .where(Competency.archived_at.is_(None)).order_by(Competency.id)
    ).all()
    ctx.facts["competencies"] = [(row.id, row.code, row.archetype) for row in rows]
    ctx.facts["archetypes"] = list(ARCHETYPES)
