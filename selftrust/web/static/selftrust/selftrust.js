// Small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Signup: suggest the person's own time zone so "today" matches their day.
  function fillTimeZone() {
    var field = document.querySelector("input[name='time_zone'][data-detect]");
    if (field && !field.value) {
      try { field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { /* keep default */ }
    }
  }

  // Ground me now: one grounding step at a time, with next/back.
  function setUpSteps() {
    var list = document.querySelector("[data-steps]");
    if (!list) return;
    var items = Array.prototype.slice.call(list.querySelectorAll("li"));
    var next = document.querySelector("[data-step-next]");
    var back = document.querySelector("[data-step-back]");
    var status = document.querySelector("[data-step-status]");
    var controls = document.querySelector("[data-step-controls]");
    var current = 0;
    controls.hidden = false;
    function show(index) {
      current = Math.max(0, Math.min(items.length - 1, index));
      items.forEach(function (item, i) { item.hidden = i !== current; });
      back.disabled = current === 0;
      next.textContent = current === items.length - 1 ? "Start again" : "Next";
      status.textContent = "Step " + (current + 1) + " of " + items.length;
    }
    next.addEventListener("click", function () { show(current === items.length - 1 ? 0 : current + 1); });
    back.addEventListener("click", function () { show(current - 1); });
    show(0);
  }

  // Paced breathing: about six breaths a minute (4 s in, 6 s out). The circle only
  // moves when the person has not asked for reduced motion; the words always guide.
  function setUpPacer() {
    var pacer = document.querySelector("[data-pacer]");
    if (!pacer) return;
    var circle = pacer.querySelector(".pacer");
    var cue = pacer.querySelector("[data-pacer-cue]");
    var toggle = pacer.querySelector("[data-pacer-toggle]");
    var timer = null;
    toggle.hidden = false;
    function phase(inhale) {
      cue.textContent = inhale ? "Breathe in…" : "…and slowly out";
      timer = setTimeout(function () { phase(!inhale); }, inhale ? 4000 : 6000);
    }
    toggle.addEventListener("click", function () {
      if (timer) {
        clearTimeout(timer); timer = null;
        circle.classList.remove("running");
        cue.textContent = "Paused. Start again whenever you like.";
        toggle.textContent = "Start breathing";
        toggle.setAttribute("aria-pressed", "false");
      } else {
        circle.classList.add("running");
        toggle.textContent = "Pause";
        toggle.setAttribute("aria-pressed", "true");
        phase(true);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    fillTimeZone();
    setUpSteps();
    setUpPacer();
  });
})();
