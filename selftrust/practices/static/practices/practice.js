// Drafts that never get lost. htmx posts the form to its draft URL as the person types
// (debounced, see hx-trigger in the template); this adds a last save when the page is hidden
// or closed, which htmx can't do, so a closed tab or a phone locking mid-sentence keeps it.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-autosave]");
    if (!form) return;
    var url = form.getAttribute("data-autosave");
    // Each edit bumps `typed`; `saved` is the edit the server last confirmed. A beacon is
    // only needed while they differ, even if a request is still on its way.
    var typed = 0;
    var sent = 0;
    var saved = 0;
    var submitting = false;
    var status = document.querySelector("[data-draft-status]");
    function edited() { typed += 1; }
    form.addEventListener("input", edited);
    form.addEventListener("change", edited);
    form.addEventListener("submit", function () { submitting = true; });
    document.body.addEventListener("htmx:beforeRequest", function (event) {
      if (event.detail.elt !== form) return;
      // Once the form is being saved for real, a late draft would bring back what was
      // just saved (the server clears the draft when it saves the entry).
      if (submitting) { event.preventDefault(); return; }
      sent = typed;
    });
    document.body.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail.elt !== form) return;
      if (event.detail.successful) {
        saved = Math.max(saved, sent);
        if (status) status.textContent = "Draft kept safe.";
      } else if (status) {
        status.textContent = "Couldn't reach the server; your words are still on this page.";
      }
    });
    function saveNow() {
      if (typed === saved || submitting || !navigator.sendBeacon) return;
      if (navigator.sendBeacon(url, new FormData(form))) saved = typed;
    }
    window.addEventListener("pagehide", saveNow);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") saveNow();
    });
  });

  // Thought record, re-rating: each box says what was rated before ("Anxious, 70 before"),
  // and a feeling row stays out of the way until that feeling has been named.
  document.addEventListener("DOMContentLoaded", function () {
    var rows = document.querySelectorAll("[data-rerate]");
    if (!rows.length) return;
    var form = rows[0].closest("form");
    function update() {
      Array.prototype.forEach.call(rows, function (row) {
        var feeling = row.getAttribute("data-feeling");
        var select = feeling ? form.elements[feeling] : null;
        var before = form.elements[row.getAttribute("data-before")];
        var input = row.querySelector("input");
        var hint = row.querySelector("[data-rerate-hint]");
        var name = select && select.value ? select.options[select.selectedIndex].text : "";
        if (select) {
          row.hidden = !name && !input.value && !row.querySelector(".errorlist");
        }
        var parts = [];
        if (name) parts.push(name);
        if (before && before.value !== "") parts.push(before.value + " before");
        hint.textContent = parts.length ? parts.join(", ") + "." : "";
        hint.hidden = !parts.length;
        var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
          return id && id !== hint.id;
        });
        if (parts.length) described.push(hint.id);
        if (described.length) input.setAttribute("aria-describedby", described.join(" "));
        else input.removeAttribute("aria-describedby");
      });
    }
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    update();
  });

  // Follow-up questions (a worksheet field's shown_if): shown once the answer they follow
  // calls for them, and always while they hold words or a message. Without this script
  // they simply stay visible, and their labels say when they apply.
  document.addEventListener("DOMContentLoaded", function () {
    var followUps = document.querySelectorAll("[data-shown-if]");
    if (!followUps.length) return;
    var form = followUps[0].closest("form");
    function update() {
      Array.prototype.forEach.call(followUps, function (box) {
        var answer = form.elements[box.getAttribute("data-shown-if")];
        var wanted = box.getAttribute("data-shown-values").split(" ");
        var field = box.querySelector("textarea, input");
        var holdsWords = field && field.value.trim() !== "";
        box.hidden = !(answer && wanted.indexOf(answer.value) !== -1) && !holdsWords &&
          !box.querySelector(".errorlist");
      });
    }
    form.addEventListener("change", update);
    update();
  });
})();
