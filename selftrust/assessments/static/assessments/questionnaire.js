// Questionnaires on a phone: one question a screen, and choosing an answer moves on.
// Without this script every question shows on one page and the form works as it is; on a wide
// screen every question stays on one page too, as it reads best there.
//
// Moving on: a tap or click on an answer moves to the next question after a short pause, so
// the choice is seen. Arrow keys only move between the answers (as radio buttons always do),
// so someone exploring with the keyboard is never thrown forward; Space (choosing the answer
// that has focus) or Enter moves on, as does Next. Back is there from the second question on.
//
// The safety response: the moment the safety item (PHQ-9 item 9) is answered above 0, the
// crisis resources beside it show, and the questionnaire stays on that question, with focus on
// them, until the person chooses to carry on. Without JS the next page carries them.
(function () {
  "use strict";
  var NARROW = "(max-width: 40rem)";
  var PAUSE_MS = 320;

  function setUp(form) {
    var steps = Array.prototype.slice.call(form.querySelectorAll("[data-question]"));
    var progress = form.querySelector("[data-progress]");
    var back = form.querySelector("[data-step-back]");
    var next = form.querySelector("[data-step-next]");
    var finish = form.querySelector("[data-finish]");
    var panel = form.querySelector("[data-safety-panel]");
    var safetyChoice = form.querySelector("[data-safety-choice]");
    var safetyName = panel ? panel.closest("[data-question]").querySelector("input").name : null;
    var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
    var current = 0;
    var stepping = false;
    var timer = null;
    if (!steps.length || !back || !next || !finish) return;

    function firstOpen() {
      // Resume at the first question with an error, else the first one not yet answered.
      for (var i = 0; i < steps.length; i++) {
        if (steps[i].querySelector(".errorlist")) return i;
      }
      for (var j = 0; j < steps.length; j++) {
        if (!steps[j].querySelector("input:checked")) return j;
      }
      return steps.length - 1;
    }

    function cancelMove() {
      if (timer) { window.clearTimeout(timer); timer = null; }
    }

    function show(index, moveFocus) {
      cancelMove();
      var previous = current;
      current = Math.max(0, Math.min(steps.length - 1, index));
      var last = current === steps.length - 1;
      steps.forEach(function (step, i) { step.hidden = i !== current; });
      back.hidden = current === 0;
      next.hidden = last;
      finish.hidden = !last;
      form.classList.toggle("step-last", last);
      if (progress) progress.textContent = steps[current].getAttribute("data-step-label");
      if (moveFocus) {
        var step = steps[current];
        if (!reducedMotion.matches && previous !== current) {
          step.classList.remove("arriving");
          void step.offsetWidth; // restarts the fade when the same class comes back
          step.classList.add("arriving");
        }
        var legend = step.querySelector("legend");
        legend.setAttribute("tabindex", "-1");
        legend.focus();
        // Keep the count in view above the question when the page had scrolled past it.
        var top = progress || step;
        if (top.getBoundingClientRect().top < 0) top.scrollIntoView({ block: "start" });
      }
    }

    function layout() {
      cancelMove();
      stepping = window.matchMedia(NARROW).matches && steps.length > 1;
      form.classList.toggle("stepping", stepping);
      if (stepping) {
        show(current, false);
      } else {
        steps.forEach(function (step) { step.hidden = false; });
        back.hidden = true;
        next.hidden = true;
        finish.hidden = false;
        form.classList.add("step-last");
        if (progress) progress.textContent = "";
      }
    }

    // After a short pause, so the choice is seen: the next question, or at the end, for the
    // keyboard, See my result.
    function moveOnSoon(byKeyboard) {
      cancelMove();
      if (!stepping) return;
      var from = current;
      timer = window.setTimeout(function () {
        timer = null;
        if (current !== from) return;
        if (from < steps.length - 1) show(from + 1, true);
        else if (byKeyboard) finish.focus();
      }, PAUSE_MS);
    }

    // Returns true when the safety resources are now showing.
    function safetyResponse(radio, focusPanel) {
      if (!panel || radio.name !== safetyName) return false;
      var alert = parseInt(radio.value, 10) > 0;
      panel.hidden = !alert;
      if (safetyChoice) safetyChoice.hidden = !alert;
      if (alert && focusPanel) panel.querySelector("h2").focus();
      return alert;
    }

    // `deliberate`: chosen with a tap, a click, Space or Enter, rather than arrowed onto.
    function chosen(radio, deliberate) {
      if (progress) {
        var label = stepping ? steps[current].getAttribute("data-step-label") : "";
        if (progress.textContent !== label) progress.textContent = label;
      }
      if (safetyResponse(radio, deliberate)) {
        // The questionnaire waits here with the resources until the person carries on. One
        // arrowed onto shows them without taking the focus away mid-choice; the live region
        // says they are there.
        cancelMove();
        if (!deliberate && progress) {
          progress.textContent =
            "Support is shown below the question you just answered, whenever you want it.";
        }
        return;
      }
      if (deliberate) moveOnSoon(intent !== "pointer");
      else cancelMove();
    }

    // How the answer is being chosen: "pointer", "space", "enter", or "keys" (the arrows).
    var intent = "keys";
    var spaceChanged = false;
    form.addEventListener("pointerdown", function () { intent = "pointer"; });
    form.addEventListener("keydown", function (event) {
      var target = event.target;
      intent = event.key === " " ? "space" : event.key === "Enter" ? "enter" : "keys";
      if (intent === "space") spaceChanged = false;
      if (intent !== "enter" || target.type !== "radio" || !stepping) return;
      // Enter would send the whole form from any question; here it chooses and moves on.
      event.preventDefault();
      if (target.checked) chosen(target, true); else target.click();
    });
    form.addEventListener("keyup", function (event) {
      var target = event.target;
      if (event.key !== " " || target.type !== "radio") return;
      // Space on the answer already chosen (arrowed onto) changes nothing, but means "this one".
      window.setTimeout(function () {
        if (!spaceChanged && target.checked) chosen(target, true);
      }, 0);
    });
    // A tap or click, also on the answer already chosen (after Back, say), moves on; the
    // keyboard's choices are followed through "change" (arrow keys click radios too).
    form.addEventListener("click", function (event) {
      var target = event.target;
      if (target.type === "radio" && intent === "pointer") chosen(target, true);
    });
    form.addEventListener("change", function (event) {
      var target = event.target;
      if (target.type !== "radio" || intent === "pointer") return;
      if (intent === "space") spaceChanged = true;
      chosen(target, intent !== "keys");
    });

    back.addEventListener("click", function () { show(current - 1, true); });
    next.addEventListener("click", function () { show(current + 1, true); });
    form.addEventListener("submit", cancelMove);
    current = firstOpen();
    layout();
    window.matchMedia(NARROW).addEventListener("change", layout);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-questionnaire]").forEach(setUp);
  });
})();
