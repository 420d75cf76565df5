/* The scoring form's live parts (cshire): the progress count in the sticky bar and
 * the "why not asked" field that shows only when "Not asked" is chosen.
 *
 * Progressive enhancement: without this script every "why not asked" field stays
 * visible and the count is the one the server rendered (the stored draft). The
 * count's wording comes from the server, translated, with {done} and {total} in it.
 */
(function () {
  "use strict";
  var form = document.getElementById("scorecard-form");
  if (!form) {
    return;
  }
  var NOT_ASKED = "na";
  var questions = form.querySelectorAll("fieldset.question[id^='question-']");
  var progressText = document.getElementById("scoring-progress");
  var progressBar = document.getElementById("scoring-progress-bar");

  function chosen(question) {
    var checked = question.querySelector(".rating-choices input[type=radio]:checked");
    return checked ? checked.value : "";
  }

  function showReason(question) {
    var reason = question.querySelector("[data-not-asked-reason]");
    if (reason) {
      reason.hidden = chosen(question) !== NOT_ASKED;
    }
  }

  function countRated() {
    var done = 0;
    questions.forEach(function (question) {
      if (chosen(question)) {
        done += 1;
      }
    });
    if (progressText && form.dataset.msgProgress) {
      progressText.textContent = form.dataset.msgProgress
        .replace("{done}", String(done)).replace("{total}", String(questions.length));
    }
    if (progressBar) {
      progressBar.value = done;
    }
  }

  questions.forEach(showReason);
  countRated();
  form.addEventListener("change", function (event) {
    var question = event.target.closest("fieldset.question");
    if (question && event.target.type === "radio") {
      showReason(question);
      countRated();
    }
  });
}());
