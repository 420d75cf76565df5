"""Sign-in, sign-out, password change and the language switch."""

from urllib.parse import urlsplit

from flask import current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from cshire.auth.access import public, signed_in
from cshire.auth.forms import (
    ChangePasswordForm,
    LanguageForm,
    LoginForm,
    PreferencesForm,
    zone_choices,
)
from cshire.auth.models import User
from cshire.auth.services import (
    ThrottlePolicy,
    authenticate,
    change_password,
    organisation_zone,
    set_locale,
    set_timezone,
    sign_out_everywhere,
)
from cshire.auth.views.blueprint import bp
from cshire.forms import ConfirmForm
from cshire.submit import submit


def _safe_next(target: str | None) -> str | None:
    """Only same-site paths: an open redirect would help phishing."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        # A refused sign-in is committed too: it counts towards the lock-out.
        return submit(
            lambda: authenticate(form.email.data, form.password.data, _throttle_policy(),
                                 client=request.remote_addr or "unknown"),
            keep_on_error=True, redirect_to=lambda user: _start_session(user, form),
            success=lambda user: _("Welcome, %(name)s.", name=user.display_name),
        ) or (render_template("auth/login.html", form=form), 401)
    return render_template("auth/login.html", form=form)


def _throttle_policy() -> ThrottlePolicy:
    config = current_app.config
    return ThrottlePolicy(per_address=config["LOGIN_MAX_FAILURES"],
                          per_email=config["LOGIN_MAX_FAILURES_PER_EMAIL"],
                          window_minutes=config["LOGIN_LOCK_MINUTES"])


def _start_session(user: User, form: LoginForm) -> str:
    """Sign the user in (after the commit) and say where to go next."""
    session.clear()  # a fresh session on sign-in (no fixation)
    login_user(user, remember=form.remember.data)
    return _safe_next(request.args.get("next")) or url_for("main.dashboard")


@bp.route("/logout", methods=["POST"])
@signed_in
def logout():
    if ConfirmForm().validate_on_submit():
        return submit(lambda: sign_out_everywhere(current_user),
                      redirect_to=lambda _none: _end_session(),
                      success=_("You are signed out."))
    return redirect(url_for("auth.login"))


def _end_session() -> str:
    logout_user()
    session.clear()
    return url_for("auth.login")


@bp.route("/account/password", methods=["GET", "POST"])
@signed_in
def password():
    form = ChangePasswordForm()
    if form.validate_on_submit() and (done := submit(
        lambda: change_password(current_user, form.current_password.data,
                                form.new_password.data),
        success=_("Your password is changed. You are signed out on every other device."),
        redirect_to=lambda _none: _keep_this_session(),
        form=form,
    )):
        return done
    return render_template("auth/password.html", form=form)


def _keep_this_session() -> str:
    """After a password change the old session id is void: sign this browser in again
    with the new one (other devices stay signed out)."""
    login_user(current_user._get_current_object())
    return url_for("main.dashboard")


@bp.route("/account/preferences", methods=["GET", "POST"])
@signed_in
def preferences():
    form = PreferencesForm(obj=current_user._get_current_object())
    form.timezone.choices = zone_choices(
        _("The organisation's default (%(zone)s)", zone=organisation_zone()))
    if form.validate_on_submit() and (done := submit(
        lambda: set_timezone(current_user, form.timezone.data or None),
        success=_("Your preferences are saved."), redirect_to=url_for("auth.preferences"),
        form=form,
    )):
        return done
    return render_template("auth/preferences.html", form=form)


@bp.route("/language", methods=["POST"])
@public
def language():
    """Switch the UI language; a signed-in user's choice is kept as their preference."""
    form = LanguageForm()
    back = _safe_next(request.form.get("next")) or url_for("main.dashboard")
    if form.validate_on_submit():
        session["language"] = form.language.data
        if current_user.is_authenticated:
            return submit(lambda: set_locale(current_user, form.language.data),
                          redirect_to=back) or redirect(back)
    return redirect(back)
