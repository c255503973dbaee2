// Drafts that never get lost, for every form with data-autosave="<its draft URL>".
// htmx posts the form to that URL as the person types (debounced, see the form's hx-trigger);
// this adds a last save when the page is hidden or closed, which htmx can't do, so a closed
// tab or a phone locking mid-sentence keeps the words. Without this script, htmx still saves
// as the person types; without either, a failed submission still keeps everything.
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
      // just saved (the server clears the draft when it saves the form).
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
})();
