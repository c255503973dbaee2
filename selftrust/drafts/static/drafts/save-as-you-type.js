// Drafts that never get lost, for every form with data-autosave="<its draft URL>", and every box
// with it inside a form (Today's notes: several on one page, each its own draft).
// htmx posts to that URL as the person types (debounced, see the element's hx-trigger); this
// adds a last save when the page is hidden or closed, which htmx can't do, so a closed tab or a
// phone locking mid-sentence keeps the words. Without this script, htmx still saves as the
// person types; without either, a failed submission still keeps everything.
// Listening on the document, not on each form, also covers forms htmx puts on the page later.
(function () {
  "use strict";
  // For each autosaving element: each edit bumps `typed`; `saved` is the edit the server last
  // confirmed. A beacon is only needed while they differ, even if a request is on its way.
  var states = new WeakMap();
  // Forms being saved for real: a late draft would bring back what was just saved (the server
  // clears the draft when it saves the form).
  var submitting = new WeakSet();

  function stateOf(element) {
    var state = states.get(element);
    if (!state) {
      state = { typed: 0, sent: 0, saved: 0 };
      states.set(element, state);
    }
    return state;
  }
  function formOf(element) { return element.tagName === "FORM" ? element : element.form; }
  function autosaving(element) {
    return element && element.closest ? element.closest("[data-autosave]") : null;
  }
  function statusFor(element) {
    var form = formOf(element);
    var own = form && form.querySelector("[data-draft-status]");
    if (own) return own;
    // A page with one autosaving form may show its status outside it.
    var all = document.querySelectorAll("[data-autosave]");
    return all.length === 1 ? document.querySelector("[data-draft-status]") : null;
  }
  function edited(event) {
    var element = autosaving(event.target);
    if (element) stateOf(element).typed += 1;
  }

  document.addEventListener("input", edited);
  document.addEventListener("change", edited);
  document.addEventListener("submit", function (event) { submitting.add(event.target); }, true);
  document.addEventListener("htmx:beforeRequest", function (event) {
    var element = event.detail.elt;
    if (!element || !element.hasAttribute || !element.hasAttribute("data-autosave")) return;
    var form = formOf(element);
    if (form && submitting.has(form)) { event.preventDefault(); return; }
    var state = stateOf(element);
    state.sent = state.typed;
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var element = event.detail.elt;
    if (!element || !element.hasAttribute || !element.hasAttribute("data-autosave")) return;
    var state = stateOf(element);
    var status = statusFor(element);
    if (event.detail.successful) {
      state.saved = Math.max(state.saved, state.sent);
      if (status) status.textContent = "Draft kept safe.";
    } else if (status) {
      status.textContent = "Couldn't reach the server; your words are still on this page.";
    }
  });

  function saveNow() {
    if (!navigator.sendBeacon) return;
    document.querySelectorAll("[data-autosave]").forEach(function (element) {
      var state = states.get(element);
      var form = formOf(element);
      if (!state || state.typed === state.saved || !form || submitting.has(form)) return;
      if (navigator.sendBeacon(element.getAttribute("data-autosave"), new FormData(form))) {
        state.saved = state.typed;
      }
    });
  }
  window.addEventListener("pagehide", saveNow);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") saveNow();
  });
})();
