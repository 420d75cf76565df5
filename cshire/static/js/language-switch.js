/* The language switch takes effect as soon as a language is chosen. Without
   JavaScript the form keeps its "Switch" button, so it still works. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var select = document.getElementById("language-select");
  if (select && select.form) {
    select.addEventListener("change", function () { select.form.submit(); });
  }
})();
