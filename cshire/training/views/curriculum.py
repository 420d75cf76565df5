"""Curricula: the managers' pages (curricula, modules, order, archive) and the new
hire's lesson page, with the one dispatcher from a plan's module to its page."""

from flask import abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from cshire.audit import history
from cshire.auth.access import ensure_allowed, ensure_found, roles, signed_in
from cshire.auth.models import MANAGERS
from cshire.auth.services import organisation_zone
from cshire.competencies.services import active_competencies
from cshire.extensions import db
from cshire.forms import ConfirmForm
from cshire.i18n import localized
from cshire.pagination import paginate
from cshire.submit import submit
from cshire.training.forms.curriculum import CurriculumForm, ModuleForm
from cshire.training.messages import (
    MODULE_AUDIT_LABELS,
    MODULE_KIND_LABELS,
    PROGRESS_STATUS_LABELS,
    TrainingError,
)
from cshire.training.models.curriculum import Curriculum, ModuleKind, TrainingModule
from cshire.training.models.enrolments import Enrolment
from cshire.training.rules.progress import due_on
from cshire.training.services.access import can_view_enrolment
from cshire.training.services.curriculum import (
    CurriculumInput,
    ModuleInput,
    create_curriculum,
    create_module,
    curricula_query,
    journeys,
    load_curriculum,
    load_module,
    mark_read,
    module_counts,
    module_on_plan,
    move_module,
    outline,
    set_module_archived,
    stage_is_open,
    update_curriculum,
    update_module,
)
from cshire.training.services.progress import new_hire_today, progress_by_module
from cshire.training.services.quizzes import live_questions
from cshire.training.views.blueprint import bp

# Where each kind of module is worked on; all take enrolment_id and module_id.
MODULE_ENDPOINTS = {
    ModuleKind.LESSON: "training.lesson",
    ModuleKind.QUIZ: "training.quiz",
    ModuleKind.ASSIGNMENT: "training.assignment",
    ModuleKind.SANDBOX: "training.sandbox",
}


# ---------------------------------------------------------------- curricula


def _curriculum_url(curriculum: Curriculum) -> str:
    return url_for("training.curriculum_detail", curriculum_id=curriculum.id)


def _curriculum_form(curriculum: Curriculum | None = None) -> CurriculumForm:
    form = CurriculumForm(obj=curriculum)
    form.journey_id.choices = [(None, "—")] + [(j.id, localized(j, "name")) for j in journeys()]
    return form


def _curriculum_input(form: CurriculumForm) -> CurriculumInput:
    return CurriculumInput(name_en=form.name_en.data or "", name_ja=form.name_ja.data or "",
                           description_en=form.description_en.data or "",
                           description_ja=form.description_ja.data or "",
                           journey_id=form.journey_id.data)


@bp.route("/curricula")
@roles(*MANAGERS)
def curricula():
    page = paginate(curricula_query())
    return render_template("training/curriculum_index.html", page=page,
                           counts=module_counts(page.items))


@bp.route("/curricula/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def curriculum_new():
    form = _curriculum_form()
    if form.validate_on_submit() and (done := submit(
        lambda: create_curriculum(_curriculum_input(form), actor=current_user),
        success=lambda c: _("Curriculum “%(name)s” created.", name=localized(c, "name")),
        redirect_to=_curriculum_url, form=form,
    )):
        return done
    return render_template("training/curriculum_form.html", form=form, curriculum=None)


@bp.route("/curricula/<int:curriculum_id>/edit", methods=["GET", "POST"])
@roles(*MANAGERS)
def curriculum_edit(curriculum_id: int):
    curriculum = ensure_found(load_curriculum(curriculum_id))
    form = _curriculum_form(curriculum)
    if form.validate_on_submit() and (done := submit(
        lambda: update_curriculum(curriculum, _curriculum_input(form),
                                  version=form.loaded_version, actor=current_user),
        success=_("Curriculum saved."), redirect_to=_curriculum_url, form=form,
    )):
        return done
    return render_template("training/curriculum_form.html", form=form, curriculum=curriculum)


@bp.route("/curricula/<int:curriculum_id>")
@roles(*MANAGERS)
def curriculum_detail(curriculum_id: int):
    """The modules under their journey stages, in order; archived ones apart."""
    curriculum = ensure_found(load_curriculum(curriculum_id))
    return render_template(
        "training/curriculum_detail.html", curriculum=curriculum, outline=outline(curriculum),
        kinds=MODULE_KIND_LABELS, confirm_form=ConfirmForm(), history=history(curriculum),
        audit_labels=MODULE_AUDIT_LABELS)


# ------------------------------------------------------------------ modules


def _module_url(module: TrainingModule) -> str:
    return url_for("training.module_detail", module_id=module.id)


def _module_form(curriculum: Curriculum, module: TrainingModule | None = None) -> ModuleForm:
    form = ModuleForm(obj=module)
    form.stage_id.choices = [(None, "—")] + [
        (s.id, f"{s.position}. {localized(s, 'name')}") for s in curriculum.journey.stages]
    competencies = active_competencies()
    linked = [c for c in (module.competencies if module else []) if c not in competencies]
    form.competency_ids.choices = [(c.id, f"{localized(c, 'name')} ({c.code})")
                                   for c in [*competencies, *linked]]
    if request.method == "GET" and module is not None:
        form.competency_ids.data = [c.id for c in module.competencies]
    elif request.method == "GET":
        form.stage_id.data = request.args.get("stage", type=int)
    return form


def _module_input(form: ModuleForm) -> ModuleInput:
    return ModuleInput(
        kind=form.kind.data or "", stage_id=form.stage_id.data,
        title_en=form.title_en.data or "", title_ja=form.title_ja.data or "",
        body_en=form.body_en.data or "", body_ja=form.body_ja.data or "",
        due_days=form.due_days.data, required=form.required.data,
        competency_ids=tuple(form.competency_ids.data or ()),
        pass_mark=form.pass_mark.data, max_attempts=form.max_attempts.data,
        sandbox_url=form.sandbox_url.data or "")


def _saving(form: ModuleForm) -> bool:
    """A valid submit that is not the Preview button (which only shows the text)."""
    return form.validate_on_submit() and "preview" not in request.form


def _module_form_page(form: ModuleForm, curriculum: Curriculum,
                      module: TrainingModule | None):
    previewing = request.method == "POST" and "preview" in request.form
    preview_button = Markup('<button type="submit" name="preview" value="1" '
                            'class="secondary">{}</button>').format(_("Preview text"))
    return render_template("training/curriculum_module_form.html", form=form,
                           curriculum=curriculum, module=module, previewing=previewing,
                           preview_button=preview_button)


@bp.route("/curricula/<int:curriculum_id>/modules/new", methods=["GET", "POST"])
@roles(*MANAGERS)
def module_new(curriculum_id: int):
    curriculum = ensure_found(load_curriculum(curriculum_id))
    form = _module_form(curriculum)
    if _saving(form) and (done := submit(
        lambda: create_module(curriculum, _module_input(form), actor=current_user),
        success=lambda m: _("Module “%(title)s” added.", title=localized(m, "title")),
        redirect_to=_module_url, form=form,
    )):
        return done
    return _module_form_page(form, curriculum, None)


@bp.route("/modules/<int:module_id>/edit", methods=["GET", "POST"])
@roles(*MANAGERS)
def module_edit(module_id: int):
    module = ensure_found(load_module(module_id))
    form = _module_form(module.curriculum, module)
    if _saving(form) and (done := submit(
        lambda: update_module(module, _module_input(form), version=form.loaded_version,
                              actor=current_user),
        success=_("Module saved."), redirect_to=_module_url, form=form,
    )):
        return done
    return _module_form_page(form, module.curriculum, module)


@bp.route("/modules/<int:module_id>")
@roles(*MANAGERS)
def module_detail(module_id: int):
    """The module as managers see it: its text, settings, questions and history."""
    module = ensure_found(load_module(module_id))
    questions = live_questions(module) if module.kind == ModuleKind.QUIZ else []
    return render_template(
        "training/curriculum_module.html", module=module, questions=questions,
        kinds=MODULE_KIND_LABELS, confirm_form=ConfirmForm(), history=history(module),
        audit_labels=MODULE_AUDIT_LABELS)


@bp.route("/modules/<int:module_id>/archive", methods=["GET", "POST"])
@roles(*MANAGERS)
def module_archive(module_id: int):
    """GET asks for confirmation; POST archives (off every plan, results kept)."""
    module = ensure_found(load_module(module_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        return submit(
            lambda: set_module_archived(module, True, actor=current_user),
            success=_("“%(title)s” is archived; its results are kept.",
                      title=localized(module, "title")),
            redirect_to=_curriculum_url(module.curriculum),
        ) or redirect(_module_url(module))
    return render_template("training/curriculum_confirm_archive.html", form=form,
                           module=module, kinds=MODULE_KIND_LABELS)


@bp.route("/modules/<int:module_id>/restore", methods=["POST"])
@roles(*MANAGERS)
def module_restore(module_id: int):
    module = ensure_found(load_module(module_id))
    if ConfirmForm().validate_on_submit():
        submit(lambda: set_module_archived(module, False, actor=current_user),
               success=_("“%(title)s” is back in the curriculum.",
                         title=localized(module, "title")),
               redirect_to=_module_url(module))
    return redirect(_module_url(module))


@bp.route("/modules/<int:module_id>/move", methods=["POST"])
@roles(*MANAGERS)
def module_move(module_id: int):
    """Up or down within its stage (``direction`` of the button pressed)."""
    module = ensure_found(load_module(module_id))
    back = _curriculum_url(module.curriculum) + f"#module-{module.id}"
    if ConfirmForm().validate_on_submit():
        submit(lambda: move_module(module, request.form.get("direction") == "up",
                                   actor=current_user), redirect_to=back)
    return redirect(back)


# --------------------------------------------------------- the new hire's side


def enrolment_module(enrolment_id: int, module_id: int) -> tuple[Enrolment, TrainingModule]:
    """The enrolment (403 unless the viewer may see it) and a module on its plan
    (404 otherwise: another curriculum's, or archived and never worked on)."""
    enrolment = ensure_found(db.session.get(Enrolment, enrolment_id))
    ensure_allowed(can_view_enrolment(current_user, enrolment))
    return enrolment, ensure_found(module_on_plan(enrolment, module_id))


def is_new_hire(enrolment: Enrolment) -> bool:
    return enrolment.user_id == current_user.id


def locked_page(enrolment: Enrolment, module: TrainingModule):
    """The new hire's answer for a module of a stage not open yet (403)."""
    return render_template("training/curriculum_locked.html", enrolment=enrolment,
                           module=module, message=TrainingError("stage_locked").message(),
                           plan_url=plan_url(enrolment)), 403


def plan_url(enrolment: Enrolment) -> str:
    """The enrolment's plan page."""
    return url_for("training.enrolment_detail", enrolment_id=enrolment.id)


def module_context(enrolment: Enrolment, module: TrainingModule) -> dict:
    """What every module page of the new hire's side shows in its head."""
    progress = progress_by_module(enrolment).get(module.id)
    due = due_on(enrolment.start_date, module.due_days)
    today = new_hire_today(enrolment, organisation_zone())
    return {"enrolment": enrolment, "module": module, "progress": progress,
            "statuses": PROGRESS_STATUS_LABELS, "due": due,
            "overdue": due < today and (progress is None or progress.status != "passed"),
            "acting": is_new_hire(enrolment), "plan_url": plan_url(enrolment),
            "kinds": MODULE_KIND_LABELS, "confirm_form": ConfirmForm()}


@bp.route("/enrolments/<int:enrolment_id>/modules/<int:module_id>")
@signed_in
def module(enrolment_id: int, module_id: int):
    """A module of the plan: its page is the one of its kind."""
    enrolment, found = enrolment_module(enrolment_id, module_id)
    endpoint = MODULE_ENDPOINTS.get(found.kind)
    if endpoint not in current_app.view_functions:
        abort(404)
    return redirect(url_for(endpoint, enrolment_id=enrolment.id, module_id=found.id))


@bp.route("/enrolments/<int:enrolment_id>/modules/<int:module_id>/lesson")
@signed_in
def lesson(enrolment_id: int, module_id: int):
    enrolment, found = enrolment_module(enrolment_id, module_id)
    if found.kind != ModuleKind.LESSON:
        abort(404)
    if is_new_hire(enrolment) and not stage_is_open(enrolment, found):
        return locked_page(enrolment, found)
    return render_template("training/curriculum_lesson.html",
                           **module_context(enrolment, found))


@bp.route("/enrolments/<int:enrolment_id>/modules/<int:module_id>/lesson/read",
          methods=["POST"])
@signed_in
def lesson_read(enrolment_id: int, module_id: int):
    """Only the new hire marks their lesson as read."""
    enrolment, found = enrolment_module(enrolment_id, module_id)
    ensure_allowed(is_new_hire(enrolment))
    back = url_for("training.lesson", enrolment_id=enrolment.id, module_id=found.id)
    if ConfirmForm().validate_on_submit():
        submit(lambda: mark_read(enrolment, found),
               success=_("Marked as read. Well done!"), redirect_to=back)
    return redirect(back)
