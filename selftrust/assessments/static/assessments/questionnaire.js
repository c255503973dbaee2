// The safety response the moment the safety item (PHQ-9 item 9) is answered above 0, before
// the rest of the questionnaire. Without JS the result page carries it.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("[data-questionnaire]");
    var panel = form && form.querySelector("[data-safety-panel]");
    if (!panel) return;
    var choice = form.querySelector("[data-safety-choice]");
    var itemName = panel.closest("[data-step]").querySelector("input").name;
    form.addEventListener("change", function (event) {
      if (event.target.name !== itemName) return;
      var alert = parseInt(event.target.value, 10) > 0;
      panel.hidden = !alert;
      if (choice) choice.hidden = !alert;
      if (alert) panel.querySelector("h2").focus();
    });
  });
})();
