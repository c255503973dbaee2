// Drafts that never get lost. htmx posts the form to its draft URL as the person types
// (debounced, see hx-trigger in the template); this adds a last save when the page is hidden
// or closed, which htmx can't do, so a closed tab or a phone locking mid-sentence keeps it.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-autosave]");
    if (!form) return;
    var url = form.getAttribute("data-autosave");
    var dirty = false;
    var submitting = false;
    var status = document.querySelector("[data-draft-status]");
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("change", function () { dirty = true; });
    form.addEventListener("submit", function () { submitting = true; });
    document.body.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail.elt !== form) return;
      if (event.detail.successful) {
        dirty = false;
        if (status) status.textContent = "Draft kept safe.";
      } else if (status) {
        status.textContent = "Couldn't reach the server; your words are still on this page.";
      }
    });
    function saveNow() {
      if (!dirty || submitting || !navigator.sendBeacon) return;
      navigator.sendBeacon(url, new FormData(form));
      dirty = false;
    }
    window.addEventListener("pagehide", saveNow);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") saveNow();
    });
  });
})();
