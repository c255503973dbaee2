// Guided forms: on narrow screens, one step (or question) per screen with Back and Next;
// on wide screens everything at once. Without JS every step shows on one page.
//   <form data-stepper-form data-step-noun="Step"> … <fieldset data-step> … </fieldset>
//   <p data-step-progress></p>  <div data-stepper hidden><button data-step-back> <button data-step-next></div>
(function () {
  "use strict";
  var NARROW = "(max-width: 40rem)";

  function setUp(form) {
    var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
    var progress = form.querySelector("[data-step-progress]");
    var stepper = form.querySelector("[data-stepper]");
    var back = form.querySelector("[data-step-back]");
    var next = form.querySelector("[data-step-next]");
    var noun = form.getAttribute("data-step-noun") || "Step";
    var current = 0;
    var stepping = false;
    if (!steps.length || !stepper) return;

    function firstOpen() {
      // Resume at the first step with an error, else the first one not yet answered.
      for (var i = 0; i < steps.length; i++) {
        if (steps[i].querySelector(".errorlist")) return i;
      }
      // A step is answered by anything in it: a tick, a choice or words. (A safety plan's
      // part with people to tick and a box to write in is answered by either.)
      for (var j = 0; j < steps.length; j++) {
        var choices = steps[j].querySelectorAll("input[type=radio], input[type=checkbox]");
        var texts = steps[j].querySelectorAll("input[type=text], input[type=number], textarea");
        if (!choices.length && !texts.length) continue;
        var chosen = steps[j].querySelector("input[type=radio]:checked, input[type=checkbox]:checked");
        var written = Array.prototype.some.call(texts, function (t) { return t.value; });
        if (!chosen && !written) return j;
      }
      return 0;
    }

    function show(index, moveFocus) {
      current = Math.max(0, Math.min(steps.length - 1, index));
      steps.forEach(function (step, i) { step.hidden = stepping && i !== current; });
      back.disabled = current === 0;
      next.hidden = current === steps.length - 1;
      // Lets the page make Save the main button only once the last step is reached.
      form.classList.toggle("step-last", !stepping || current === steps.length - 1);
      if (progress) progress.textContent = noun + " " + (current + 1) + " of " + steps.length;
      if (moveFocus) {
        var legend = steps[current].querySelector("legend");
        if (legend) { legend.setAttribute("tabindex", "-1"); legend.focus(); }
      }
    }

    function layout() {
      stepping = window.matchMedia(NARROW).matches && steps.length > 1;
      form.classList.toggle("stepping", stepping);
      stepper.hidden = !stepping;
      if (stepping) { show(current, false); } else {
        steps.forEach(function (step) { step.hidden = false; });
        form.classList.add("step-last");
        if (progress) progress.textContent = "";
      }
    }

    // Enter in a one-line box moves on to the next step, as it would in a wizard, rather
    // than sending the whole form from its first screen.
    form.addEventListener("keydown", function (event) {
      var target = event.target;
      if (!stepping || event.key !== "Enter" || current === steps.length - 1) return;
      if (target.tagName !== "INPUT" || /^(button|submit|checkbox|radio)$/.test(target.type)) return;
      event.preventDefault();
      show(current + 1, true);
    });

    // A link to a field (the error summary's) opens the step it is in and focuses it.
    form.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
      var target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (!target) return;
      event.preventDefault();
      for (var i = 0; i < steps.length; i++) {
        if (stepping && steps[i].contains(target)) show(i, false);
      }
      var field = target.matches("input, select, textarea")
        ? target
        : target.querySelector("input:not([type=hidden]), select, textarea");
      (field || target).focus();
    });

    back.addEventListener("click", function () { show(current - 1, true); });
    next.addEventListener("click", function () { show(current + 1, true); });
    current = firstOpen();
    layout();
    window.matchMedia(NARROW).addEventListener("change", layout);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-stepper-form]").forEach(setUp);
  });
})();
