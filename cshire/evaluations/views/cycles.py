"""Evaluation cycles: the list, a new cycle, a cycle with its participants, adding and
removing participants, closing."""

from flask import render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user

from cshire.audit import history
from cshire.auth.access import ensure_allowed, ensure_found, roles, signed_in
from cshire.auth.models import MANAGERS
from cshire.evaluations.forms.cycles import ConfirmForm, CycleForm, ParticipantsForm
from cshire.evaluations.messages import EVALUATION_STATUS_LABELS
from cshire.evaluations.models.cycles import Evaluation
from cshire.evaluations.services.cycles import (
    CycleInput,
    add_participants,
    can_run_cycle,
    can_see_cycle,
    close_cycle,
    create_cycle,
    cycle_evaluations,
    cycles_query,
    eligible_participants,
    journeys,
    load_cycle,
    own_evaluations,
    participant_counts,
    remove_participant,
)
from cshire.evaluations.views.blueprint import bp
from cshire.extensions import db
from cshire.i18n import localized
from cshire.pagination import paginate
from cshire.submit import submit


def cycle_url(cycle) -> str:
    return url_for("evaluations.cycle_detail", cycle_id=cycle.id)


CYCLE_AUDIT_LABELS = {"participant": _l("Participant"), "closed_at": _l("Cycle closed")}


def _detail(cycle, form, runs: bool, evaluations=None):
    evaluations = evaluations if evaluations is not None else cycle_evaluations(cycle)
    return render_template(
        "evaluations/cycles_detail.html", cycle=cycle, evaluations=evaluations, runs=runs,
        form=form, statuses=EVALUATION_STATUS_LABELS,
        counts=participant_counts([cycle.id]).get(cycle.id, {}),
        history=history(cycle), audit_labels=CYCLE_AUDIT_LABELS)


def _participant_choices(exclude=()) -> list[tuple[int, str]]:
    return [(u.id, _("%(name)s (%(team)s)", name=u.display_name, team=u.team.name))
            for u in eligible_participants(current_user) if u.id not in exclude]


def _seen_cycle(cycle_id: int):
    cycle = ensure_found(load_cycle(cycle_id))
    ensure_allowed(can_see_cycle(current_user, cycle))
    return cycle


def _run_cycle(cycle_id: int):
    cycle = ensure_found(load_cycle(cycle_id))
    ensure_allowed(can_run_cycle(current_user, cycle))
    return cycle


@bp.route("/cycles")
@signed_in
def cycles():
    """Managers: the cycles they run or evaluate in; a CSM: the cycles they take part
    in, each with their own evaluation only."""
    page = paginate(cycles_query(current_user))
    ids = [cycle.id for cycle in page.items]
    return render_template(
        "evaluations/cycles_index.html", page=page, counts=participant_counts(ids),
        own=own_evaluations(current_user, ids), statuses=EVALUATION_STATUS_LABELS,
        is_manager=current_user.has_role(*MANAGERS))


@bp.route("/cycles/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def cycle_new():
    form = CycleForm()
    form.journey_id.choices = [("", _("Choose a journey"))] + [
        (j.id, localized(j, "name")) for j in journeys()]
    form.participant_ids.choices = _participant_choices()
    if form.validate_on_submit() and (done := submit(
        lambda: create_cycle(CycleInput(
            name=form.name.data or "", period=form.period.data or "",
            journey_id=form.journey_id.data, self_due_on=form.self_due_on.data,
            manager_due_on=form.manager_due_on.data,
            participant_ids=list(form.participant_ids.data or [])), actor=current_user),
        success=lambda cycle: _("Cycle “%(name)s” created.", name=cycle.name),
        redirect_to=cycle_url, form=form,
    )):
        return done
    return render_template("evaluations/cycles_form.html", form=form)


@bp.route("/cycles/<int:cycle_id>")
@roles(*MANAGERS)
def cycle_detail(cycle_id: int):
    cycle = _seen_cycle(cycle_id)
    evaluations = cycle_evaluations(cycle)
    runs = can_run_cycle(current_user, cycle) and cycle.closed_at is None
    form = ParticipantsForm(obj=cycle)
    form.participant_ids.choices = _participant_choices(
        {e.csm_id for e in evaluations}) if runs else []
    return _detail(cycle, form, runs, evaluations)


@bp.route("/cycles/<int:cycle_id>/participants", methods=["POST"])
@roles(*MANAGERS)
def cycle_participants(cycle_id: int):
    cycle = _run_cycle(cycle_id)
    form = ParticipantsForm()
    form.participant_ids.choices = []
    if form.validate_on_submit() and (done := submit(
        lambda: add_participants(cycle, list(form.participant_ids.data or []),
                                 actor=current_user, version=form.loaded_version),
        success=lambda added: ngettext("%(num)d participant added.",
                                       "%(num)d participants added.", len(added)),
        redirect_to=cycle_url(cycle), form=form,
    )):
        return done
    evaluations = cycle_evaluations(cycle)
    form.participant_ids.choices = _participant_choices({e.csm_id for e in evaluations})
    return _detail(cycle, form, cycle.closed_at is None, evaluations)


@bp.route("/cycles/participants/<int:evaluation_id>/remove", methods=["GET", "POST"])
@roles(*MANAGERS)
def cycle_participant_remove(evaluation_id: int):
    evaluation = ensure_found(db.session.get(Evaluation, evaluation_id))
    cycle = evaluation.cycle
    ensure_allowed(can_run_cycle(current_user, cycle))
    form = ConfirmForm()
    if form.validate_on_submit() and (done := submit(
        lambda: remove_participant(evaluation, actor=current_user),
        success=_("%(name)s removed from the cycle.", name=evaluation.csm.display_name),
        redirect_to=cycle_url(cycle), form=form,
    )):
        return done
    return render_template("evaluations/cycles_remove.html", form=form, cycle=cycle,
                           evaluation=evaluation)


@bp.route("/cycles/<int:cycle_id>/close", methods=["GET", "POST"])
@roles(*MANAGERS)
def cycle_close(cycle_id: int):
    cycle = _run_cycle(cycle_id)
    form = ConfirmForm(obj=cycle)
    if form.validate_on_submit() and (done := submit(
        lambda: close_cycle(cycle, actor=current_user, version=form.loaded_version),
        success=_("Cycle “%(name)s” closed.", name=cycle.name),
        redirect_to=cycle_url(cycle), form=form,
    )):
        return done
    return render_template("evaluations/cycles_close.html", form=form, cycle=cycle,
                           counts=participant_counts([cycle.id]).get(cycle.id, {}),
                           statuses=EVALUATION_STATUS_LABELS)
