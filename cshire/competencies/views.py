"""Competency catalogue: everyone reads it; managers and admins shape it."""

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import case

from cshire.audit import history
from cshire.auth.access import ensure_found, roles, signed_in
from cshire.auth.models import MANAGERS
from cshire.competencies.forms import CompetencyForm, ImportArchetypeForm
from cshire.competencies.messages import AUDIT_LABELS, AUDIT_VALUES, CATEGORY_LABELS
from cshire.competencies.models import LEVELS, Competency, CompetencyCategory
from cshire.competencies.reports import catalogue_context
from cshire.competencies.services import (
    CompetencyInput,
    competency_query,
    create_competency,
    import_archetype,
    set_archived,
    update_competency,
)
from cshire.competencies.starter_sets import ARCHETYPES
from cshire.extensions import db
from cshire.forms import ConfirmForm
from cshire.i18n import current_language
from cshire.pagination import paginate
from cshire.pdf import pdf_response
from cshire.sorting import SortKeys, localized_column
from cshire.submit import submit

bp = Blueprint("competencies", __name__, url_prefix="/competencies")


def _sorts(language: str) -> SortKeys:
    """The catalogue's orders (cshire/sorting.py): names in the language they are shown
    in, categories in the model's order (skill, mindset, way of thinking)."""
    category = case({c.value: i for i, c in enumerate(CompetencyCategory)},
                    value=Competency.category)
    return SortKeys("category", Competency.id, code=Competency.code,
                    name=(localized_column(Competency, "name", language), Competency.code),
                    category=(category, Competency.code))


def _input_from(form: CompetencyForm) -> CompetencyInput:
    return CompetencyInput(
        code=form.code.data, category=CompetencyCategory(form.category.data),
        name_en=form.name_en.data or "", name_ja=form.name_ja.data or "",
        description_en=form.description_en.data or "",
        description_ja=form.description_ja.data or "",
        levels_en=[form[f"level{n}_en"].data or "" for n in LEVELS],
        levels_ja=[form[f"level{n}_ja"].data or "" for n in LEVELS],
    )


def _detail_url(competency: Competency) -> str:
    return url_for("competencies.detail", competency_id=competency.id)


@bp.route("/")
@signed_in
def index():
    is_manager = current_user.has_role(*MANAGERS)
    filters = {
        "search": request.args.get("q", "").strip(),
        "category": request.args.get("category", ""),
        "include_archived": is_manager and request.args.get("archived") == "1",
    }
    sorts = _sorts(current_language())
    sort = sorts.read(request.args)
    page = paginate(sorts.apply(competency_query(**filters), sort))
    return render_template(
        "competencies/index.html", page=page, filters=filters, sort=sort,
        categories=CATEGORY_LABELS, is_manager=is_manager,
    )


@bp.route("/<int:competency_id>")
@signed_in
def detail(competency_id: int):
    """Everyone reads the competency; managers also see who changed what, and when."""
    competency = ensure_found(db.session.get(Competency, competency_id))
    is_manager = current_user.has_role(*MANAGERS)
    return render_template(
        "competencies/detail.html", competency=competency, categories=CATEGORY_LABELS,
        is_manager=is_manager, confirm_form=ConfirmForm(),
        history=history(competency) if is_manager else None,
        audit_labels=AUDIT_LABELS, audit_values=AUDIT_VALUES,
    )


@bp.route("/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def new():
    form = CompetencyForm()
    if form.validate_on_submit() and (done := submit(
        lambda: create_competency(_input_from(form), actor=current_user),
        success=lambda competency: _("Competency %(code)s created.", code=competency.code),
        redirect_to=_detail_url, form=form,
    )):
        return done
    return render_template("competencies/form.html", form=form, competency=None)


@bp.route("/<int:competency_id>/edit", methods=["GET", "POST"])
@roles(*MANAGERS)
def edit(competency_id: int):
    competency = ensure_found(db.session.get(Competency, competency_id))
    form = CompetencyForm(obj=competency)
    if request.method == "GET":
        for level in competency.levels:
            form[f"level{level.level}_en"].data = level.description_en
            form[f"level{level.level}_ja"].data = level.description_ja
    if form.validate_on_submit() and (done := submit(
        lambda: update_competency(competency, _input_from(form),
                                  version=form.loaded_version, actor=current_user),
        success=lambda saved: _("Changes to %(code)s saved.", code=saved.code),
        redirect_to=_detail_url, form=form,
    )):
        return done
    return render_template("competencies/form.html", form=form, competency=competency)


@bp.route("/<int:competency_id>/archive", methods=["GET", "POST"])
@roles(*MANAGERS)
def archive(competency_id: int):
    """GET asks for confirmation; POST archives (hidden from new work, history kept)."""
    competency = ensure_found(db.session.get(Competency, competency_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        return submit(
            lambda: set_archived(competency, True, actor=current_user),
            success=_("%(code)s is archived.", code=competency.code),
            redirect_to=url_for("competencies.index"),
        ) or redirect(_detail_url(competency))
    return render_template("competencies/confirm_archive.html", form=form, competency=competency)


@bp.route("/<int:competency_id>/restore", methods=["POST"])
@roles(*MANAGERS)
def restore(competency_id: int):
    competency = ensure_found(db.session.get(Competency, competency_id))
    if ConfirmForm().validate_on_submit():
        submit(lambda: set_archived(competency, False, actor=current_user),
               success=_("%(code)s is active again.", code=competency.code),
               redirect_to=_detail_url(competency))
    return redirect(_detail_url(competency))


@bp.route("/import", methods=["GET", "POST"])
@roles(*MANAGERS)
def import_starter_set():
    form = ImportArchetypeForm()
    if form.validate_on_submit() and (done := submit(
        lambda: import_archetype(form.archetype.data, actor=current_user),
        success=lambda result: _(
            "%(created)s competencies imported; %(present)s were already present.",
            created=len(result.created), present=len(result.already_present)),
        redirect_to=url_for("competencies.index"),
    )):
        return done
    return render_template(
        "competencies/import.html", archetypes=ARCHETYPES.values(), form=form,
        categories=CATEGORY_LABELS,
    )


@bp.route("/catalogue.pdf")
@signed_in
def catalogue_pdf():
    context = catalogue_context()
    return pdf_response("competencies/catalogue_pdf.html", _("competency-catalogue") + ".pdf",
                        **context)
