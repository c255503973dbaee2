// The lock, in the page: after the idle time the person chose (Settings, Privacy on this
// device), the page hides itself and goes to the lock page at once.
//
// Idle means no pointer, keys, scroll or touch, in any of this browser's tabs of Selftrust
// (they share the time of the last activity in localStorage). Before going, the kept offline
// plan is wiped (keep-plan-on-device.js) and the server is told to lock this session; then
// location.replace, so Back does not show what was here. While the person is active, the
// server hears from the page now and then (still-here), because it counts idle time too and
// locks by itself when no page does (selftrust/accounts/lock.py).
//
// On every page, too: a page brought back by Back after a lock or Leave quickly hides itself
// and goes to the lock; an htmx answer that says "locked" goes to the lock without a trace
// in history; and the lock page itself wipes the kept plan, in case the server locked first.
(function () {
  "use strict";
  var script = document.currentScript;
  function setting(name) { return (script && script.getAttribute(name)) || ""; }
  var signedIn = setting("data-signed-in") === "1";
  var lockAfterMs = (parseInt(setting("data-lock-after"), 10) || 0) * 1000;
  var lockUrl = setting("data-lock");
  var lockNowUrl = setting("data-lock-now");
  var stillHereUrl = setting("data-still-here");
  var csrfToken = setting("data-csrf");

  var MARK = "selftrust:locked-at"; // set by a lock or Leave quickly, in any tab
  var LAST_ACTIVITY = "selftrust:last-activity";
  var CHECK_EVERY_MS = 1000;
  // As often as the server needs to hear, never more than every 5 seconds (lock.py waits
  // 30 seconds past the chosen time before it locks by itself).
  var STILL_HERE_EVERY_MS = Math.min(30000, Math.max(5000, lockAfterMs / 6));
  var loadedAt = Date.now();
  var lastActivity = Date.now();
  var lastShared = 0;
  var lastStillHere = Date.now();
  var locking = false;

  function read(key) {
    try { return parseInt(window.localStorage.getItem(key) || "0", 10) || 0; } catch (e) { return 0; }
  }
  function write(key, value) {
    try { window.localStorage.setItem(key, String(value)); } catch (e) { /* storage off */ }
  }

  function hide() { document.documentElement.classList.add("privacy-hidden"); }

  function wipeOfflinePlan() {
    try {
      if (window.selftrust && typeof window.selftrust.wipeOfflinePlan === "function") {
        window.selftrust.wipeOfflinePlan();
      }
    } catch (e) { /* nothing kept */ }
    try { document.dispatchEvent(new Event("selftrust:wipe-offline-plan")); } catch (e) { /* old browser */ }
  }

  function goToLock() {
    var here = window.location.pathname + window.location.search;
    window.location.replace(lockUrl + "?next=" + encodeURIComponent(here));
  }

  // The CSRF cookie is the freshest token (it changes when someone signs in, maybe in another
  // tab); the page's own is the fallback.
  function currentCsrfToken() {
    var found = document.cookie.split("; ").filter(function (part) { return part.indexOf("csrftoken=") === 0; })[0];
    return found ? decodeURIComponent(found.slice("csrftoken=".length)) : csrfToken;
  }

  function post(url, extra) {
    var body = new FormData();
    body.append("csrfmiddlewaretoken", currentCsrfToken());
    if (extra) body.append(extra, "1");
    return fetch(url, { method: "POST", body: body, credentials: "same-origin", keepalive: true });
  }

  // Hide, wipe, tell the server, then go. The lock page must never wait on the network for
  // long: after 1.5 seconds it goes anyway (and the server locks by itself later).
  function lock() {
    if (locking) return;
    locking = true;
    hide();
    write(MARK, Date.now());
    wipeOfflinePlan();
    var gone = false;
    function go() {
      if (gone) return;
      gone = true;
      goToLock();
    }
    setTimeout(go, 1500);
    try { post(lockNowUrl, "quietly").then(go, go); } catch (e) { go(); }
  }

  // Already locked on the server (another tab, or the server's own count): just go.
  function lockedElsewhere() {
    if (locking) return;
    locking = true;
    hide();
    write(MARK, Date.now());
    wipeOfflinePlan();
    goToLock();
  }

  function idleFor(now) { return now - Math.max(lastActivity, read(LAST_ACTIVITY)); }

  function check() {
    if (!locking && lockAfterMs && idleFor(Date.now()) >= lockAfterMs) lock();
  }

  function stillHere() {
    post(stillHereUrl).then(function (answer) {
      if (answer.headers.get("X-Selftrust-Locked")) lockedElsewhere();
    }, function () { /* offline: the page's own count still holds */ });
  }

  function active() {
    if (locking) return;
    var now = Date.now();
    // A phone woken after a long while: the touch that wakes it must not count first.
    if (idleFor(now) >= lockAfterMs) {
      lock();
      return;
    }
    lastActivity = now;
    if (now - lastShared >= 1000) {
      lastShared = now;
      write(LAST_ACTIVITY, now);
    }
    if (now - lastStillHere >= STILL_HERE_EVERY_MS) {
      lastStillHere = now;
      stillHere();
    }
  }

  var onLockPage = Boolean(document.querySelector("[data-lock-page]"));
  if (onLockPage) {
    wipeOfflinePlan();
    write(MARK, Date.now());
    return;
  }

  // A page of ours brought back by Back (the back/forward cache keeps pages as they were):
  // after a lock or Leave quickly it hides before it shows, and goes to the lock.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted || !signedIn) return;
    if (read(MARK) > loadedAt) {
      locking = false;
      lockedElsewhere();
      return;
    }
    check();
  });

  if (!signedIn) return;

  // Locked or left in another tab: this one hides too.
  window.addEventListener("storage", function (event) {
    if (event.key === MARK && event.newValue) lockedElsewhere();
  });

  // An htmx request answered "locked" (lock_middleware.py): go without a trace in history.
  document.addEventListener("htmx:beforeOnLoad", function (event) {
    var xhr = event.detail && event.detail.xhr;
    if (xhr && xhr.getResponseHeader("X-Selftrust-Locked")) {
      event.preventDefault();
      lockedElsewhere();
    }
  });

  // "Lock now" (the header, Settings): the same as the lock.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !form.hasAttribute || !form.hasAttribute("data-lock-now")) return;
    event.preventDefault();
    lock();
  });

  if (!lockAfterMs) return;

  write(LAST_ACTIVITY, Date.now());
  ["pointerdown", "pointermove", "keydown", "wheel", "touchstart", "scroll"].forEach(function (type) {
    document.addEventListener(type, active, { capture: true, passive: true });
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") check();
  });
  window.addEventListener("focus", check);
  setInterval(check, CHECK_EVERY_MS);
})();
