/* Autosave of an interviewer's draft scorecard (cshire).
 *
 * Progressive enhancement: without this script the "Save draft" button saves.
 * With it, the form is posted (its fields and CSRF token, as FormData) to the URL
 * in data-autosave-url a few seconds after the last change, at least every 20 s
 * while the interviewer keeps typing, and when the page is hidden or closed. The
 * server answers JSON with the new version number, which replaces the hidden
 * "version" field so the next save (automatic or explicit) is not taken for a
 * stale one. A 409 (saved elsewhere, or already submitted) stops autosaving and
 * shows the server's message; the input stays on the page for an explicit save.
 * A 422 (an answer that cannot be stored as it is: nothing was saved) shows the
 * message and autosaving goes on with the next change, once the answer is fixed.
 * The status line says where the input stands: saved, saving, not saved yet (a
 * change waits for its save) or why a save failed; its data-state ("saved",
 * "saving", "unsaved", "failed") carries the same for the style sheet.
 * Every text shown comes from the server, already translated.
 */
(function () {
  "use strict";
  var form = document.getElementById("scorecard-form");
  if (!form || !form.dataset.autosaveUrl || !window.fetch || !window.FormData) {
    return;
  }
  var statusLine = document.getElementById("autosave-status");
  var version = document.getElementById("version");
  var IDLE_MS = 3000;
  var MAX_WAIT_MS = 20000;
  var dirty = false;
  var saving = false;
  var stopped = false;
  var idleTimer = null;
  var lastSave = Date.now();
  var waitingSubmit = false;
  var submitter = null;

  function show(text, state) {
    if (statusLine && text) {
      statusLine.textContent = text;
      statusLine.dataset.state = state;
    }
  }

  function finishPendingSubmit() {
    // The user pressed a button while an autosave was under way: send the form
    // now, carrying the version number that save returned.
    if (waitingSubmit) {
      waitingSubmit = false;
      stopped = true;
      if (submitter && form.requestSubmit) {
        form.requestSubmit(submitter);
      } else {
        form.submit();
      }
    }
  }

  function save(keepalive) {
    if (!dirty || saving || stopped) {
      return;
    }
    saving = true;
    dirty = false;
    lastSave = Date.now();
    show(form.dataset.msgSaving, "saving");
    var body = new FormData(form);
    body.delete("action");
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "application/json" },
      keepalive: Boolean(keepalive)
    }).then(function (response) {
      return response.json().then(function (data) {
        return { ok: response.ok && data.ok, status: response.status, data: data };
      });
    }).then(function (result) {
      saving = false;
      if (result.ok) {
        version.value = String(result.data.version);
        // A change made while this save was under way is not in it.
        show(dirty ? form.dataset.msgUnsaved : result.data.message,
             dirty ? "unsaved" : "saved");
      } else {
        stopped = result.status !== 422;
        show(result.data.message || form.dataset.msgError, "failed");
      }
      finishPendingSubmit();
      if (dirty && !stopped) {
        schedule();
      }
    }).catch(function () {
      saving = false;
      dirty = true;
      show(form.dataset.msgError, "failed");
      finishPendingSubmit();
    });
  }

  function schedule() {
    if (idleTimer) {
      window.clearTimeout(idleTimer);
    }
    var wait = Date.now() - lastSave > MAX_WAIT_MS ? 0 : IDLE_MS;
    idleTimer = window.setTimeout(function () { save(false); }, wait);
  }

  function changed() {
    dirty = true;
    if (!saving && !stopped) {
      show(form.dataset.msgUnsaved, "unsaved");
    }
    schedule();
  }

  if (form.dataset.inSync === "1") {
    show(form.dataset.msgSaved, "saved");  // the page shows the stored draft
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function (event) {
    if (idleTimer) {
      window.clearTimeout(idleTimer);
    }
    if (saving) {
      event.preventDefault();
      waitingSubmit = true;
      submitter = event.submitter || null;
      return;
    }
    stopped = true;  // the explicit save or submit takes over
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      save(true);
    }
  });
  window.addEventListener("pagehide", function () { save(true); });
}());
