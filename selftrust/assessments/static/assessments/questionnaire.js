// Questionnaires: one question per screen on narrow screens, and the safety response the
// moment the safety item is answered above 0. Without JS every question shows on one page and
// the result page carries the safety response.
(function () {
  "use strict";
  var NARROW = "(max-width: 40rem)";

  function setUp(form) {
    var questions = Array.prototype.slice.call(form.querySelectorAll("[data-question]"));
    var progress = form.querySelector("[data-progress]");
    var stepper = form.querySelector("[data-stepper]");
    var back = form.querySelector("[data-question-back]");
    var next = form.querySelector("[data-question-next]");
    var panel = form.querySelector("[data-safety-panel]");
    var choice = form.querySelector("[data-safety-choice]");
    var current = 0;
    var stepping = false;

    function firstUnanswered() {
      for (var i = 0; i < questions.length; i++) {
        if (!questions[i].querySelector("input:checked")) return i;
      }
      return questions.length - 1;
    }

    function show(index) {
      current = Math.max(0, Math.min(questions.length - 1, index));
      questions.forEach(function (q, i) { q.hidden = stepping && i !== current; });
      back.disabled = current === 0;
      next.hidden = current === questions.length - 1;
      progress.textContent = "Question " + (current + 1) + " of " + questions.length;
    }

    function applyLayout() {
      stepping = window.matchMedia(NARROW).matches;
      form.classList.toggle("stepping", stepping);
      stepper.hidden = !stepping;
      if (stepping) { show(current); } else {
        questions.forEach(function (q) { q.hidden = false; });
        progress.textContent = questions.length + " questions";
      }
    }

    back.addEventListener("click", function () { show(current - 1); questions[current].querySelector("legend").focus(); });
    next.addEventListener("click", function () { show(current + 1); questions[current].querySelector("legend").focus(); });
    questions.forEach(function (q) { q.querySelector("legend").setAttribute("tabindex", "-1"); });

    form.addEventListener("change", function (event) {
      var target = event.target;
      if (panel && target.name === panel.closest("[data-question]").querySelector("input").name) {
        var alert = parseInt(target.value, 10) > 0;
        panel.hidden = !alert;
        if (choice) choice.hidden = !alert;
        if (alert) { panel.querySelector("h2").focus(); }
      }
    });

    current = firstUnanswered();
    applyLayout();
    window.matchMedia(NARROW).addEventListener("change", applyLayout);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("[data-questionnaire]");
    if (form) setUp(form);
  });
})();
