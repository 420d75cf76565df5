"""KPI values entered by hand: a CSM's manager (or an admin) enters and corrects the
NPS, CSAT… of a period from the CSM's metrics page; every change is in the trail."""

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from cshire.audit import history
from cshire.auth.access import ensure_allowed, ensure_found, roles
from cshire.auth.models import MANAGERS, User
from cshire.evaluations.forms.kpis import KPI_LABELS, KpiValueForm, NewKpiValueForm
from cshire.evaluations.models.kpis import KpiValue
from cshire.evaluations.rules.periods import parse_period
from cshire.evaluations.services.access import can_manage_member
from cshire.evaluations.services.kpis import edit_kpi_value, enter_kpi_value
from cshire.evaluations.views.blueprint import bp
from cshire.extensions import db
from cshire.submit import submit


def _member_page(kpi: KpiValue) -> str:
    return url_for("evaluations.metrics_member", user_id=kpi.user_id, period=kpi.period)


def _label(metric: str) -> str:
    return str(KPI_LABELS.get(metric, metric))


@bp.route("/metrics/<int:user_id>/kpis/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def kpi_new(user_id: int):
    member = ensure_found(db.session.get(User, user_id))
    ensure_allowed(can_manage_member(current_user, member))
    form = NewKpiValueForm()
    if request.method == "GET":
        try:
            form.period.data = parse_period(request.args.get("period", "")).label
        except ValueError:
            form.period.data = ""
    if form.validate_on_submit() and (done := submit(
        lambda: enter_kpi_value(member, form.metric.data, form.period.data, form.kpi_input(),
                                actor=current_user),
        success=lambda kpi: _("%(metric)s of %(period)s saved.", metric=_label(kpi.metric),
                              period=kpi.period),
        redirect_to=_member_page, form=form,
    )):
        return done
    return render_template("evaluations/kpis_form.html", form=form, member=member, kpi=None)


@bp.route("/kpis/<int:kpi_id>", methods=["GET", "POST"])
@roles(*MANAGERS)
def kpi_edit(kpi_id: int):
    kpi = ensure_found(db.session.get(KpiValue, kpi_id))
    ensure_allowed(can_manage_member(current_user, kpi.user))
    form = KpiValueForm(obj=kpi)
    if form.validate_on_submit() and (done := submit(
        lambda: edit_kpi_value(kpi, form.kpi_input(), actor=current_user),
        success=lambda kpi: _("%(metric)s of %(period)s saved.", metric=_label(kpi.metric),
                              period=kpi.period),
        redirect_to=_member_page, form=form,
    )):
        return done
    return render_template("evaluations/kpis_form.html", form=form, member=kpi.user, kpi=kpi,
                           metric_label=_label(kpi.metric), entries=history(kpi))
