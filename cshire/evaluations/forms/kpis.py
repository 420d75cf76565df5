"""A KPI value entered by hand: the metric and period when it is new, then the value,
its n and a note."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DecimalField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from cshire.evaluations.services.kpis import MAX_N, KpiInput

KPI_LABELS = {
    "nps": _l("NPS"),
    "csat": _l("CSAT"),
    "health_score": _l("Health score"),
    "onboarding_completion": _l("Onboarding completion (%)"),
    "adoption_rate": _l("Adoption rate (%)"),
    "upsell_rate": _l("Upsell / cross-sell rate (%)"),
}


class KpiValueForm(FlaskForm):
    value = DecimalField(_l("Value"), places=None, validators=[InputRequired()])
    n = IntegerField(_l("Number of responses (n)"),
                     validators=[Optional(), NumberRange(min=0, max=MAX_N)],
                     description=_l("How many responses or accounts the value is based on, "
                                    "when known."))
    note = TextAreaField(_l("Note"), validators=[Length(max=2000)],
                         description=_l("Where the figure comes from, or what it covers."))

    def kpi_input(self) -> KpiInput:
        return KpiInput(value=self.value.data, n=self.n.data, note=self.note.data or "")


class NewKpiValueForm(KpiValueForm):
    metric = SelectField(_l("Metric"), choices=list(KPI_LABELS.items()))
    period = StringField(_l("Period"), validators=[InputRequired(), Length(max=7)],
                         description=_l("A month (2026-07) or a quarter (2026-Q3)."))
