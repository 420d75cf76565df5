"""Competency catalogue: everyone reads it; managers and admins shape it."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from cshire.auth.access import ensure_found, roles, signed_in
from cshire.auth.models import MANAGERS
from cshire.competencies.forms import CATEGORY_LABELS, CompetencyForm, ImportArchetypeForm
from cshire.competencies.models import LEVELS, Competency, CompetencyCategory
from cshire.competencies.reports import catalogue_context
from cshire.competencies.services import (
    CompetencyError,
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
from cshire.pagination import paginate
from cshire.pdf import pdf_response

bp = Blueprint("competencies", __name__, url_prefix="/competencies")

MESSAGES = {
    "code_required": _l("Enter a code."),
    "name_required": _l("Enter a name in at least one language."),
    "five_levels": _l("A competency has exactly five levels."),
    "anchor_required": _l("Describe every level in at least one language."),
    "code_taken": _l("The code %(code)s is already used by another competency."),
    "stale": _l("Someone else saved this competency while you were editing. "
                "Your text is still in the form: compare it with the current version, "
                "then save again."),
    "unknown_archetype": _l("There is no such starter set."),
}


def _message(error: CompetencyError) -> str:
    return str(MESSAGES[error.code]) % error.params if error.params else str(MESSAGES[error.code])


def _input_from(form: CompetencyForm) -> CompetencyInput:
    return CompetencyInput(
        code=form.code.data, category=CompetencyCategory(form.category.data),
        name_en=form.name_en.data or "", name_ja=form.name_ja.data or "",
        description_en=form.description_en.data or "",
        description_ja=form.description_ja.data or "",
        levels_en=[form[f"level{n}_en"].data or "" for n in LEVELS],
        levels_ja=[form[f"level{n}_ja"].data or "" for n in LEVELS],
    )


@bp.route("/")
@signed_in
def index():
    is_manager = current_user.has_role(*MANAGERS)
    filters = {
        "search": request.args.get("q", "").strip(),
        "category": request.args.get("category", ""),
        "include_archived": is_manager and request.args.get("archived") == "1",
    }
    page = paginate(competency_query(**filters))
    return render_template(
        "competencies/index.html", page=page, filters=filters,
        categories=CATEGORY_LABELS, is_manager=is_manager,
    )


@bp.route("/<int:competency_id>")
@signed_in
def detail(competency_id: int):
    competency = ensure_found(db.session.get(Competency, competency_id))
    return render_template(
        "competencies/detail.html", competency=competency, categories=CATEGORY_LABELS,
        is_manager=current_user.has_role(*MANAGERS), confirm_form=ConfirmForm(),
    )


@bp.route("/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def new():
    form = CompetencyForm()
    if form.validate_on_submit():
        try:
            competency = create_competency(_input_from(form))
        except CompetencyError as error:
            flash(_message(error), "error")
        else:
            db.session.commit()
            flash(_("Competency %(code)s created.", code=competency.code), "success")
            return redirect(url_for("competencies.detail", competency_id=competency.id))
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
    if form.validate_on_submit():
        try:
            version = int(form.version.data or 0)
            update_competency(competency, _input_from(form), version=version)
        except (CompetencyError, ValueError) as error:
            db.session.rollback()
            flash(_message(error) if isinstance(error, CompetencyError) else _("Reload the page."),
                  "error")
        else:
            db.session.commit()
            flash(_("Changes to %(code)s saved.", code=competency.code), "success")
            return redirect(url_for("competencies.detail", competency_id=competency.id))
    return render_template("competencies/form.html", form=form, competency=competency)


@bp.route("/<int:competency_id>/archive", methods=["GET", "POST"])
@roles(*MANAGERS)
def archive(competency_id: int):
    """GET asks for confirmation; POST archives (hidden from new work, history kept)."""
    competency = ensure_found(db.session.get(Competency, competency_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        set_archived(competency, True)
        db.session.commit()
        flash(_("%(code)s is archived.", code=competency.code), "success")
        return redirect(url_for("competencies.index"))
    return render_template("competencies/confirm_archive.html", form=form, competency=competency)


@bp.route("/<int:competency_id>/restore", methods=["POST"])
@roles(*MANAGERS)
def restore(competency_id: int):
    competency = ensure_found(db.session.get(Competency, competency_id))
    if ConfirmForm().validate_on_submit():
        set_archived(competency, False)
        db.session.commit()
        flash(_("%(code)s is active again.", code=competency.code), "success")
    return redirect(url_for("competencies.detail", competency_id=competency.id))


@bp.route("/import", methods=["GET", "POST"])
@roles(*MANAGERS)
def import_starter_set():
    form = ImportArchetypeForm()
    if form.validate_on_submit():
        try:
            result = import_archetype(form.archetype.data)
        except CompetencyError as error:
            flash(_message(error), "error")
        else:
            db.session.commit()
            flash(_("%(created)s competencies imported; %(present)s were already present.",
                    created=len(result.created), present=len(result.already_present)),
                  "success")
            return redirect(url_for("competencies.index"))
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
