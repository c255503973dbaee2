// Shows only the fields of the chosen schedule on the promise form: the weekday boxes for
// "On days I choose", the date for "Once", neither for "Every day". Without this script every
// field shows with a hint, and the server ignores the fields of a schedule not chosen.
// Hidden fields are also disabled, so they are not posted. Focus stays on the schedule the
// person chose; the fields that appear come next in the tab order, so nothing is announced.
(function () {
  "use strict";

  function setUp(form) {
    var radios = form.querySelectorAll('input[name="schedule"]');
    var groups = form.querySelectorAll("[data-for-schedule]");
    if (!radios.length || !groups.length) {
      return;
    }

    function chosen() {
      for (var i = 0; i < radios.length; i += 1) {
        if (radios[i].checked) {
          return radios[i].value;
        }
      }
      return "";
    }

    function show() {
      var schedule = chosen();
      groups.forEach(function (group) {
        var shown = group.getAttribute("data-for-schedule") === schedule;
        group.hidden = !shown;
        group.querySelectorAll("input, select, textarea").forEach(function (field) {
          field.disabled = !shown;
        });
      });
    }

    // The "only for …" hints are for the page without this script.
    form.querySelectorAll("[data-for-schedule] .helptext").forEach(function (hint) {
      hint.hidden = true;
    });
    radios.forEach(function (radio) {
      radio.addEventListener("change", show);
    });
    show();
  }

  function start() {
    document.querySelectorAll("form[data-schedule-form]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
