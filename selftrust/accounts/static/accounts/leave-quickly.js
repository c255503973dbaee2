// Leave quickly: the button at the top of every page, or Escape pressed twice within a second.
//
// The page is swapped at once for a plain one (/away/) with location.replace, so this tab's
// Back button keeps no trace of it. At the same moment the server is told, with sendBeacon,
// to lock this session (or, for a person who has no lock, to sign out: views.leave_quickly),
// so that Back, if it reaches an earlier page of ours, shows the lock. The kept offline plan
// is wiped too, as the lock does.
//
// Escape: presses held down (repeats), presses that a part of the page used (defaultPrevented)
// and presses while a dialog is open (the first closes it) don't count. In a text field they
// do: Escape means nothing there, and writing is when someone may walk in.
(function () {
  "use strict";
  var script = document.currentScript;
  var away = script ? script.getAttribute("data-away") : null;
  // lock-when-idle.js reads this too: a page brought back by Back after it hides itself.
  var MARK = "selftrust:locked-at";
  var TWICE_WITHIN_MS = 1000;
  var leaving = false;
  var lastEscape = 0;

  function wipeOfflinePlan() {
    try {
      if (window.selftrust && typeof window.selftrust.wipeOfflinePlan === "function") {
        window.selftrust.wipeOfflinePlan();
      }
    } catch (e) { /* nothing kept */ }
    try { document.dispatchEvent(new Event("selftrust:wipe-offline-plan")); } catch (e) { /* old browser */ }
  }

  function tellTheServer(form) {
    if (!form) return;
    var data = new FormData(form);
    data.append("quietly", "1");
    // The CSRF cookie is the freshest token (it changes when someone signs in, maybe in
    // another tab); the form's own is the fallback.
    var cookie = document.cookie.split("; ").filter(function (part) { return part.indexOf("csrftoken=") === 0; })[0];
    if (cookie) data.set("csrfmiddlewaretoken", decodeURIComponent(cookie.slice("csrftoken=".length)));
    var sent = false;
    try { sent = Boolean(navigator.sendBeacon && navigator.sendBeacon(form.action, data)); } catch (e) { sent = false; }
    if (!sent) {
      try {
        fetch(form.action, { method: "POST", body: data, credentials: "same-origin", keepalive: true })
          .catch(function () { /* offline: nothing more to do */ });
      } catch (e) { /* nothing more to do */ }
    }
  }

  function leave(form) {
    if (leaving || !away) return;
    leaving = true;
    document.documentElement.classList.add("privacy-hidden");
    try { window.localStorage.setItem(MARK, String(Date.now())); } catch (e) { /* storage off */ }
    tellTheServer(form || document.querySelector("form[data-leave-quickly]"));
    wipeOfflinePlan();
    // Offline, the plain page can't be fetched (and the offline page would say "Selftrust"):
    // an empty page instead, the same at a glance.
    window.location.replace(navigator.onLine === false ? "about:blank" : away);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !form.hasAttribute || !form.hasAttribute("data-leave-quickly")) return;
    event.preventDefault();
    leave(form);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    if (event.repeat || event.isComposing || event.defaultPrevented) return;
    if (document.querySelector("dialog[open]")) {
      lastEscape = 0;
      return;
    }
    var now = Date.now();
    if (lastEscape && now - lastEscape <= TWICE_WITHIN_MS) {
      lastEscape = 0;
      leave(null);
    } else {
      lastEscape = now;
    }
  });
})();
