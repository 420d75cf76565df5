"""Sign-in, sign-out, password change and the language switch."""

from urllib.parse import urlsplit

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from cshire.auth.access import public, signed_in
from cshire.auth.forms import ChangePasswordForm, LanguageForm, LoginForm
from cshire.auth.messages import message_for
from cshire.auth.services import AuthError, ThrottlePolicy, authenticate, change_password
from cshire.auth.views.blueprint import bp
from cshire.extensions import db
from cshire.forms import ConfirmForm


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
        policy = ThrottlePolicy(
            current_app.config["LOGIN_MAX_FAILURES"], current_app.config["LOGIN_LOCK_MINUTES"]
        )
        try:
            user = authenticate(form.email.data, form.password.data, policy)
        except AuthError as error:
            db.session.commit()  # keep the failure count
            flash(message_for(error), "error")
            return render_template("auth/login.html", form=form), 401
        db.session.commit()
        session.clear()  # a fresh session on sign-in (no fixation)
        login_user(user, remember=form.remember.data)
        flash(_("Welcome, %(name)s.", name=user.display_name), "success")
        return redirect(_safe_next(request.args.get("next")) or url_for("main.dashboard"))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@signed_in
def logout():
    if ConfirmForm().validate_on_submit():
        logout_user()
        session.clear()
        flash(_("You are signed out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@signed_in
def password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            change_password(current_user, form.current_password.data, form.new_password.data)
        except AuthError as error:
            flash(message_for(error), "error")
        else:
            db.session.commit()
            flash(_("Your password is changed."), "success")
            return redirect(url_for("main.dashboard"))
    return render_template("auth/password.html", form=form)


@bp.route("/language", methods=["POST"])
@public
def language():
    """Switch the UI language; a signed-in user's choice is kept as their preference."""
    form = LanguageForm()
    if form.validate_on_submit():
        session["language"] = form.language.data
        if current_user.is_authenticated:
            current_user.locale = form.language.data
            db.session.commit()
    return redirect(_safe_next(request.form.get("next")) or url_for("main.dashboard"))
