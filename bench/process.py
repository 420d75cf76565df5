"""Generator area for the hiring process (issue 4): openings with two stages, candidates
and their applications, interviews with panels, the interviewers' scorecards with one
answer per kit question, audit records, decisions and debrief notes.

Ratings follow a simple model so the analytics pages have something real to chew on:
``3 + candidate ability + interviewer leniency + noise``, rounded and clamped to 1–5.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from random import Random
from typing import Any

from sqlalchemy import insert

from bench.context import Context

STAGES = ("Screening interview", "Panel interview")
SOURCES = ("referral", "job board", "LinkedIn", "career site", "agency", "meetup")
CITIES = ("Tokyo", "Osaka", "Remote", "Berlin", "London", "Singapore")
EVIDENCE = (
    "Gave a concrete example with numbers.",
    "Described the customer's goal before the solution.",
    "Vague; needed two probes to get to what they did.",
    "Involved product and support early, followed up in writing.",
    "Talked about the team, not about their own part.",
    "顧客の目的から話し始め、具体的な数字を挙げた。",
)
NOT_ASKED = "Ran out of time"
# Candidates rejected or withdrawn this long ago were anonymised by the purge command.
PURGED_AFTER_DAYS = 270


@dataclass
class Seat:
    """One planned scorecard: what its answers need to know."""

    id: int
    interviewer_id: int
    items: list[tuple[int, int]]  # (kit item id, competency id)
    ability: float
    leniency: float
    state: str  # submitted · in_progress (past, not submitted) · upcoming
    notes_required: bool
    when: datetime
    anonymised: bool = False  # the candidate's personal data was purged (notes too)


@dataclass
class Plan:
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    seats: list[Seat] = field(default_factory=list)

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.rows.setdefault(table, []).append(row)


def generate_process(ctx: Context) -> None:
    """``candidates`` candidates, one application each, and interviews until exactly
    ``scorecards`` scorecards exist (older applications first, so the newest ones are
    still waiting); submitted scorecards answer every kit question."""
    if not ctx.has_tables("openings", "candidates", "interviews", "scorecards",
                          "scorecard_answers"):
        ctx.report.skipped = (
            f"not modelled yet ({ctx.scale.candidates:,} candidates, "
            f"{ctx.scale.scorecards:,} scorecards at this scale)")
        return
    plan = Plan()
    openings = _openings(ctx, plan)
    _applications(ctx, plan, openings)
    for table in ("openings", "opening_stages", "candidates", "applications",
                  "application_events", "interviews", "scorecards"):
        ctx.insert(table, plan.rows.get(table, []))
    ctx.insert("scorecard_answers", _answers(ctx, plan.seats))
    for table in ("hiring_decisions", "debrief_notes"):
        ctx.insert(table, plan.rows.get(table, []))
    # The one audit trail is shared: the competencies import writes rows of its own,
    # uncounted, so a count of this area's rows would not be the table's.
    if audit := plan.rows.get("audit_entries"):
        ctx.conn.execute(insert(ctx.table("audit_entries")), audit)


def _openings(ctx: Context, plan: Plan) -> list[dict[str, Any]]:
    rng = ctx.rng
    by_profile: dict[int, list[dict[str, Any]]] = {}
    for version in ctx.facts["published_versions"]:
        by_profile.setdefault(version["profile"]["id"], []).append(version)
    profiles = [p for p in ctx.facts["profiles"] if p["id"] in by_profile and not p["archived"]]
    openings = []
    for n, oid in enumerate(ctx.ids("openings", ctx.scale.openings)):
        profile = profiles[n % len(profiles)]
        versions = by_profile[profile["id"]]
        opening = {
            "id": oid, "manager": profile["creator"], "stages": [],
            "threshold": rng.choice((60.0, 65.0, 70.0, None)),
            "notes_required": rng.random() < 0.1,
        }
        plan.add("openings", {
            "id": oid, "title": f"{profile['name']} — {CITIES[n % len(CITIES)]} #{n + 1}",
            "description": "Join the team that keeps our customers successful.",
            "profile_id": profile["id"], "hiring_manager_id": profile["creator"],
            "fit_threshold": opening["threshold"], "notes_required": opening["notes_required"],
            "created_at": ctx.at(-400), "closed_at": ctx.at(-30) if n % 5 == 4 else None,
        })
        for position, (name, version) in enumerate(
            zip(STAGES, (versions[0], versions[-1]), strict=True), start=1
        ):
            stage_id = ctx.ids("opening_stages", 1)[0]
            plan.add("opening_stages", {"id": stage_id, "opening_id": oid,
                                        "position": position, "name": name,
                                        "kit_version_id": version["id"]})
            opening["stages"].append((stage_id, version["items"]))
        openings.append(opening)
    return openings


def _applications(ctx: Context, plan: Plan, openings: list[dict[str, Any]]) -> None:
    rng, scale = ctx.rng, ctx.scale
    interviewers = ctx.facts["by_role"]["interviewer"]
    leniency = {uid: rng.gauss(0, 0.35) for uid in interviewers}
    budget = scale.scorecards
    candidate_ids = ctx.ids("candidates", scale.candidates)
    application_ids = ctx.ids("applications", scale.candidates)
    for n, (cid, aid) in enumerate(zip(candidate_ids, application_ids, strict=True)):
        applied = ctx.at(-365 * (1 - n / scale.candidates) - rng.uniform(0, 3))
        opening = rng.choice(openings)
        ability = rng.gauss(0, 0.8)
        candidate = {
            "id": cid, "opening_id": opening["id"], "name": f"Candidate {n + 1:06d}",
            "email": f"candidate{n + 1:06d}@example.net",
            "phone": f"+81-90-{n % 10_000:04d}-{rng.randint(0, 9999):04d}" if n % 3 else "",
            "source": rng.choice(SOURCES), "notes": "", "consent_on": applied.date(),
            "created_at": applied, "anonymised_at": None,
        }
        plan.add("candidates", candidate)
        first_seat = len(plan.seats)
        stages_taken = 2 if rng.random() < 0.5 else 1
        when = applied
        interviews: list[datetime] = []
        for stage_id, items in opening["stages"][:stages_taken]:
            if budget == 0:
                break
            when += timedelta(days=rng.uniform(5, 14))
            panel = rng.sample(interviewers, min(budget, len(interviewers),
                                                 rng.choice((1, 2, 2, 2, 3, 3))))
            budget -= len(panel)
            _interview(ctx, plan, aid, stage_id, items, when, panel,
                       ability=ability, leniency=leniency, opening=opening)
            interviews.append(when)
        status = _status(ctx, plan, aid, opening, applied, interviews, stages_taken, ability)
        if status in ("rejected", "withdrawn") and applied < ctx.at(-PURGED_AFTER_DAYS):
            _anonymise(ctx, candidate, plan.seats[first_seat:])
        plan.add("applications", {"id": aid, "opening_id": opening["id"], "candidate_id": cid,
                                  "status": status, "status_changed_at": applied,
                                  "created_at": applied})
    if budget:
        raise ValueError(f"{budget} scorecards left over: too few candidates for this scale")


def _anonymise(ctx: Context, candidate: dict[str, Any], seats: list[Seat]) -> None:
    """As ``flask cshire purge-candidates`` leaves them: no name, email, phone, notes or
    evidence notes; the ratings stay for the analytics."""
    from cshire.interviews.services.privacy import ANONYMOUS_NAME

    candidate.update(name=ANONYMOUS_NAME, email=f"anonymised-{candidate['id']}@invalid",
                     phone="", source="", notes="",
                     anonymised_at=candidate["created_at"] + timedelta(PURGED_AFTER_DAYS))
    for seat in seats:
        seat.anonymised = True


def _interview(ctx: Context, plan: Plan, application_id: int, stage_id: int,
               items: list[tuple[int, int]], when: datetime, panel: list[int], *,
               ability: float, leniency: dict[int, float], opening: dict[str, Any]) -> None:
    interview_id = ctx.ids("interviews", 1)[0]
    plan.add("interviews", {"id": interview_id, "application_id": application_id,
                            "stage_id": stage_id, "scheduled_at": when,
                            "location": "Video call",
                            "created_at": min(when - timedelta(days=4), ctx.now)})
    for interviewer_id in panel:
        seat_id = ctx.ids("scorecards", 1)[0]
        if when > ctx.now:
            state = "upcoming"
        else:
            state = "in_progress" if ctx.rng.random() < 0.03 else "submitted"
        submitted = state == "submitted"
        impression = 3 + ability + leniency[interviewer_id] + ctx.rng.gauss(0, 0.4)
        plan.add("scorecards", {
            "id": seat_id, "interview_id": interview_id, "interviewer_id": interviewer_id,
            "status": "submitted" if submitted else "draft",
            "recommendation": _recommendation(impression) if submitted else None,
            "version": 1, "created_at": when, "updated_at": when,
            "submitted_at": when if submitted else None,
            "first_submitted_at": when if submitted else None,
        })
        plan.seats.append(Seat(seat_id, interviewer_id, items, ability,
                               leniency[interviewer_id], state, opening["notes_required"], when))
        # About 1% reopened and changed; at least one, so the audit table is never empty.
        if submitted and (ctx.rng.random() < 0.01 or "audit_entries" not in plan.rows):
            _audit(ctx, plan, seat_id, opening["manager"], interviewer_id, items[0][0], when)


def _audit(ctx: Context, plan: Plan, seat_id: int, manager_id: int, interviewer_id: int,
           item_id: int, when: datetime) -> None:
    """A reopened scorecard: reopen, one changed rating, resubmission (in the one audit
    trail, an answer's field named as ``services.scoring.answer_field`` names it)."""
    changes = (
        (manager_id, "status", "submitted", "draft", "Rated the wrong candidate."),
        (interviewer_id, f"q{item_id}.rating", "2", "3", ""),
        (interviewer_id, "status", "draft", "submitted", ""),
    )
    for step, (actor, name, old, new, reason) in enumerate(changes, start=1):
        plan.add("audit_entries", {
            "id": ctx.ids("audit_entries", 1)[0], "entity_type": "scorecards",
            "entity_id": seat_id, "actor_id": actor,
            "at": min(when + timedelta(days=step), ctx.now),
            "field": name, "old_value": old, "new_value": new, "reason": reason,
        })


def _status(ctx: Context, plan: Plan, application_id: int, opening: dict[str, Any],
            applied: datetime, interviews: list[datetime], stages_taken: int,
            ability: float) -> str:
    """The application's status from how far it got, with its event history, and the
    hiring manager's decisions and a debrief note where a decision was made."""
    rng, manager = ctx.rng, opening["manager"]
    steps = [("applied", applied)]
    if interviews:
        steps.append(("interviewing", interviews[0]))
    finished = interviews and interviews[-1] < ctx.now and len(interviews) == stages_taken
    if not interviews and rng.random() < 0.05:
        steps.append(("withdrawn", applied + timedelta(days=2)))
    elif finished:
        decided = interviews[-1] + timedelta(days=2)
        fit = max(0.0, min(100.0, 55 + 18 * ability))
        if len(interviews) > 1:
            _decide(ctx, plan, application_id, "advance", interviews[0], fit, opening)
        step = 2 if len(interviews) > 1 else 1  # the final decision's number
        if stages_taken == 2 and ability > 0.6:
            steps.append(("offer", decided))
            if rng.random() < 0.8:
                steps.append(("hired", decided + timedelta(days=5)))
            _decide(ctx, plan, application_id, "hire", decided, fit, opening, step)
        elif stages_taken == 1 and ability > 0 and rng.random() < 0.8:
            pass  # still interviewing: the second stage is not scheduled yet
        else:
            steps.append(("rejected", decided))
            _decide(ctx, plan, application_id, "reject", decided, fit, opening, step)
    previous = None
    for status, at in steps:
        plan.add("application_events", {
            "id": ctx.ids("application_events", 1)[0], "application_id": application_id,
            "from_status": previous, "to_status": status,
            "actor_id": None if status == "applied" else manager, "at": min(at, ctx.now),
            "note": "",
        })
        previous = status
    return previous or "applied"


def _decide(ctx: Context, plan: Plan, application_id: int, outcome: str, at: datetime,
            fit: float, opening: dict[str, Any], step: int = 1) -> None:
    threshold = opening["threshold"]
    departs = threshold is not None and (
        (outcome in ("advance", "hire") and fit < threshold)
        or (outcome == "reject" and fit >= threshold)
    )
    plan.add("hiring_decisions", {
        "id": ctx.ids("hiring_decisions", 1)[0], "application_id": application_id,
        "step": step, "outcome": outcome, "rationale": f"Debrief agreed: {outcome}.",
        "departs_from_rule": departs,
        "departure_reason": "Strong references outweigh one weak stage." if departs else "",
        "fit_score": round(fit, 1), "fit_threshold": threshold,
        "decided_by_id": opening["manager"], "decided_at": min(at, ctx.now),
    })
    if outcome != "advance":
        plan.add("debrief_notes", {
            "id": ctx.ids("debrief_notes", 1)[0], "application_id": application_id,
            "author_id": opening["manager"], "created_at": min(at, ctx.now),
            "text": "Panel agreed on the strengths; discussed the flagged competency.",
        })


def _answers(ctx: Context, seats: list[Seat]):
    """One answer per kit question of each past scorecard (streamed: there are many).
    Upcoming interviews have no answers yet; drafts in progress are half filled."""
    rng = ctx.rng
    next_id = iter(ctx.ids("scorecard_answers", sum(map(_answered, seats))))
    for seat in seats:
        for item_id, _competency in seat.items[:_answered(seat)]:
            not_asked = rng.random() < 0.03
            rating = None if not_asked else _rating(rng, seat)
            yield {
                "id": next(next_id), "scorecard_id": seat.id, "kit_item_id": item_id,
                "rating": rating, "not_asked": not_asked,
                "not_asked_reason": NOT_ASKED if not_asked else "",
                "note": rng.choice(EVIDENCE) if not not_asked and not seat.anonymised
                and (seat.notes_required or rng.random() < 0.6) else "",
            }


def _answered(seat: Seat) -> int:
    return {"submitted": len(seat.items), "in_progress": len(seat.items) // 2}.get(seat.state, 0)


def _recommendation(impression: float) -> str:
    if impression < 2.2:
        return "strong_no"
    if impression < 3.0:
        return "no"
    return "yes" if impression < 3.9 else "strong_yes"


def _rating(rng: Random, seat: Seat) -> int:
    return max(1, min(5, round(3 + seat.ability + seat.leniency + rng.gauss(0, 0.7))))
