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
      // A disabled button drops focus to the page; hand it to Next instead.
      if (current === 0 && document.activeElement === back) next.focus();
      back.disabled = current === 0;
      next.textContent = current === items.length - 1 ? "Start again" : "Next";
      status.textContent = "Step " + (current + 1) + " of " + items.length;
      // Focus stays on Next, so the live region also reads out the new step's words.
      var words = Array.prototype.map.call(
        items[current].querySelectorAll("strong, .helptext"),
        function (el) { return el.textContent.replace(/\s+/g, " ").trim(); }
      ).join(" ");
      var detail = document.createElement("span");
      detail.className = "visually-hidden";
      detail.textContent = ": " + words;
      status.appendChild(detail);
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
      } else {
        circle.classList.add("running");
        toggle.textContent = "Pause";
        phase(true);
      }
    });
  }

  // Today: htmx replaces a promise's card after an answer. A live region that is itself
  // replaced is often not read out, so the result is repeated in one region that stays.
  function setUpAnnouncer() {
    var announcer = document.querySelector("[data-announcer]");
    if (!announcer) return;
    document.addEventListener("htmx:afterSettle", function (event) {
      var card = event.target;
      if (!card.matches || !card.matches(".due-item")) return;
      // A kind error comes with role="alert" in the card, which is read out by itself.
      if (card.querySelector(".errorlist")) return;
      var answered = card.querySelector(".answered");
      var text = answered ? answered.textContent.replace(/\s+/g, " ").trim() : "";
      if (!text) return;
      // Emptying first means the same words twice in a row are read out twice.
      announcer.textContent = "";
      setTimeout(function () { announcer.textContent = text; }, 50);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    fillTimeZone();
    setUpSteps();
    setUpPacer();
    setUpAnnouncer();
  });
})();

// "Print or save as PDF": the button only exists when JavaScript can print; the hint
// beside it explains the browser's own Print for everyone else.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-print]");
  if (!buttons.length || !window.print) return;
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-print-hint]"), function (hint) {
    hint.hidden = true;
  });
});

// After saving words that suggest a crisis, the support panel leads the page; moving focus
// to it means a screen reader reads it first, instead of the page around it.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var heading = document.querySelector("#support-after-saving h2");
  if (heading) heading.focus();
});

// A form sent back with a problem, far down a long page (Settings): its error summary, with
// tabindex="-1" and autofocus, takes focus so the page opens where the problem is and a
// screen reader starts there. Browsers do this by themselves for autofocus, even without
// this file; this is for the ones that only honour autofocus on form fields.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var summary = document.querySelector(".error-summary[autofocus]");
  if (summary && document.activeElement !== summary) summary.focus();
});
