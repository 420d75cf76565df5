"""Generator area for the hiring design: high-performer profiles, exemplar ratings, the
question bank and interview kits with their versions (issue 3)."""

from __future__ import annotations

from collections import Counter
from random import Random
from typing import Any

from bench import texts
from bench.context import Context


def generate_design(ctx: Context) -> None:
    """High-performer profiles with weighted entries, exemplar ratings, a question
    bank of ``questions_per_competency`` per active competency, and one kit per
    profile with ``kit_versions`` versions (all but the last published)."""
    from cshire.interviews.rules.kits import allocate_questions

    profiles = _profiles(ctx)
    _exemplars(ctx, profiles)
    bank = _question_bank(ctx)
    used: Counter[int] = Counter()
    published: list[dict[str, Any]] = []
    kit_ids = ctx.ids("interview_kits", len(profiles))
    kits, versions, items = [], [], []
    for kit_id, profile in zip(kit_ids, profiles, strict=True):
        kits.append({"id": kit_id, "name": f"{profile['name']} — structured interview",
                     "profile_id": profile["id"], "language": profile["language"],
                     "created_by_id": profile["creator"], "created_at": ctx.at(-200),
                     "archived_at": None})
        weights = {str(cid): weight for cid, weight, _ in profile["entries"]}
        counts = allocate_questions(weights, ctx.scale.kit_questions)
        for number in range(1, ctx.scale.kit_versions + 1):
            version_id = ctx.ids("interview_kit_versions", 1)[0]
            is_published = number < ctx.scale.kit_versions or ctx.scale.kit_versions == 1
            chosen = _pick(ctx.rng, bank, counts, ctx.scale.kit_questions)
            versions.append({
                "id": version_id, "kit_id": kit_id, "number": number,
                "status": "published" if is_published else "draft",
                "total_questions": len(chosen), "minutes_per_question": 6, "notes": "",
                "created_at": ctx.at(-200 + 30 * number),
                "published_at": ctx.at(-199 + 30 * number) if is_published else None,
                "published_by_id": profile["creator"] if is_published else None,
            })
            item_rows = _kit_items(ctx, version_id, chosen)
            items.extend(item_rows)
            if is_published:
                used.update(q["id"] for q in chosen)
                published.append({"id": version_id, "kit_id": kit_id, "profile": profile,
                                  "items": [(r["id"], r["competency_id"]) for r in item_rows]})
    ctx.insert("interview_kits", kits)
    ctx.insert("interview_kit_versions", versions)
    ctx.insert("kit_items", items)
    ctx.update_by_id("interview_questions", {"times_used": "used"},
                     [{"row_id": qid, "used": n} for qid, n in sorted(used.items())])
    ctx.facts.update(profiles=profiles, published_versions=published)


def _profiles(ctx: Context) -> list[dict[str, Any]]:
    rng, competencies = ctx.rng, ctx.facts["competencies"]
    managers = ctx.facts["by_role"]["manager"]
    profiles, rows, entries = [], [], []
    for n, pid in enumerate(ctx.ids("high_performer_profiles", ctx.scale.profiles)):
        role_en, role_ja = texts.PROFILE_ROLES[n % len(texts.PROFILE_ROLES)]
        archetype = ctx.facts["archetypes"][n % len(ctx.facts["archetypes"])]
        japanese = n % 4 == 3
        # Mostly the archetype's own competencies, plus a few from elsewhere.
        own = [c for c in competencies if c[2] == archetype]
        others = [c for c in competencies if c[2] != archetype]
        size = rng.randint(6, 9)
        picked = rng.sample(own, min(len(own), size - 2))
        picked += rng.sample(others, size - len(picked))
        creator = ctx.facts["bench_manager"] if n % 3 == 0 else rng.choice(managers)
        profile = {
            "id": pid, "name": f"{role_ja if japanese else role_en} {n + 1}",
            "language": "ja" if japanese else "en", "creator": creator,
            "archived": n % 10 == 9,
            "entries": [(cid, rng.choice((0.5, 1.0, 1.0, 1.5, 2.0, 2.5, 3.0)),
                         rng.randint(3, 5)) for cid, _code, _arch in picked],
        }
        profiles.append(profile)
        rows.append({
            "id": pid, "name": profile["name"], "role_title": role_en,
            "description": f"What our best {role_en} people have in common.",
            "archetype": archetype, "created_by_id": creator, "created_at": ctx.at(-250),
            "updated_at": ctx.at(-240), "version": 1,
            "archived_at": ctx.at(-5) if profile["archived"] else None,
        })
        entries.extend({"profile_id": pid, "competency_id": cid, "weight": w, "target_level": t}
                       for cid, w, t in profile["entries"])
    ctx.insert("high_performer_profiles", rows)
    for row, eid in zip(entries, ctx.ids("profile_competencies", len(entries)), strict=True):
        row["id"] = eid
    ctx.insert("profile_competencies", entries)
    return profiles


def _exemplars(ctx: Context, profiles: list[dict[str, Any]]) -> None:
    """Team members rated on each profile competency; high performers rate higher."""
    rng, csms = ctx.rng, ctx.facts["by_role"]["csm"]
    members, ratings = [], []
    for profile in profiles:
        chosen = rng.sample(csms, min(len(csms), ctx.scale.exemplars_per_profile))
        for member_id, eid in zip(chosen, ctx.ids("exemplar_members", len(chosen)),
                                  strict=True):
            high = rng.random() < 0.3
            members.append({"id": eid, "profile_id": profile["id"], "member_id": member_id,
                            "is_high_performer": high, "rated_by_id": profile["creator"],
                            "rated_at": ctx.at(-230)})
            ratings.extend(
                {"exemplar_id": eid, "competency_id": cid,
                 "rating": _clamp(round(rng.gauss(3.9 if high else 2.9, 0.8)))}
                for cid, _weight, _target in profile["entries"]
            )
    ctx.insert("exemplar_members", members)
    for row, rid in zip(ratings, ctx.ids("exemplar_ratings", len(ratings)), strict=True):
        row["id"] = rid
    ctx.insert("exemplar_ratings", ratings)


def _question_bank(ctx: Context) -> dict[str, list[dict[str, Any]]]:
    """``questions_per_competency`` questions for every active competency; about 60%
    situational CS scenes, about 20% in Japanese, a few retired."""
    rng, per = ctx.rng, ctx.scale.questions_per_competency
    competencies = ctx.facts["competencies"]
    rows, bank = [], {}
    qids = iter(ctx.ids("interview_questions", per * len(competencies)))
    for cid, code, _arch in competencies:
        bank[str(cid)] = []
        for k in range(per):
            situational = rng.random() < 0.6
            japanese = rng.random() < 0.2
            row = {
                "id": next(qids), "competency_id": cid,
                "question_type": "situational" if situational else "behavioural",
                "language": "ja" if japanese else "en",
                "text": _question_text(rng, situational, japanese, code, k),
                "probes": "\n".join(rng.sample(texts.PROBES_JA if japanese else texts.PROBES_EN,
                                               2)),
                "anchor_low": "Blames the customer; no plan; no follow-up.",
                "anchor_mid": "A sensible plan for the immediate problem, checked once.",
                "anchor_high": "Finds the cause, involves the right people, prevents a repeat.",
                "active": rng.random() > 0.05, "times_used": 0, "seed_key": None,
                "created_at": ctx.at(-260), "updated_at": ctx.at(-260),
            }
            rows.append(row)
            if row["active"] or k == 0:
                bank[str(cid)].append(row)
    ctx.insert("interview_questions", rows)
    return bank


def _question_text(rng: Random, situational: bool, japanese: bool, code: str, k: int) -> str:
    if situational and japanese:
        return f"顧客が{rng.choice(texts.SCENES_JA)}。あなたならどうしますか？（{code}-{k + 1}）"
    if situational:
        return f"A customer {rng.choice(texts.SCENES_EN)}. What do you do? ({code}-{k + 1})"
    if japanese:
        return f"{rng.choice(texts.ACTIONS_JA)}経験について話してください。（{code}-{k + 1}）"
    return f"Tell me about a time you {rng.choice(texts.ACTIONS_EN)}. ({code}-{k + 1})"


def _pick(rng: Random, bank: dict[str, list[dict[str, Any]]], counts: dict[str, int],
          total: int) -> list[dict[str, Any]]:
    """The allocated number of questions per competency, in importance order; if a
    competency's bank is short, the rest comes from the profile's other competencies."""
    chosen: list[dict[str, Any]] = []
    spare: list[dict[str, Any]] = []
    for key, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        pool = rng.sample(bank[key], len(bank[key]))
        chosen.extend(pool[:n])
        spare.extend(pool[n:])
    taken = {q["id"] for q in chosen}
    chosen.extend(q for q in spare[: max(0, total - len(chosen))] if q["id"] not in taken)
    return chosen[:total]


def _kit_items(ctx: Context, version_id: int, chosen: list[dict[str, Any]]) -> list[dict]:
    ids = ctx.ids("kit_items", len(chosen))
    return [
        {"id": item_id, "kit_version_id": version_id, "position": position,
         "competency_id": q["competency_id"], "question_id": q["id"],
         "question_type": q["question_type"], "text": q["text"], "probes": q["probes"],
         "anchor_low": q["anchor_low"], "anchor_mid": q["anchor_mid"],
         "anchor_high": q["anchor_high"]}
        for position, (item_id, q) in enumerate(zip(ids, chosen, strict=True), start=1)
    ]


def _clamp(value: int) -> int:
    return max(1, min(5, value))
