// The pages kept for when there is no connection (the offline page, and the copy of Get help
// now): a link to the person's own plan when they chose to keep it on this device, and, on
// the offline page, "Try again", done by itself once the connection is back.
(function () {
  "use strict";
  var KEPT_PLAN_CACHE = "selftrust-kept-plan"; // as in keep-plan-on-device.js and sw.js

  function showKeptPlanLinks() {
    var links = document.querySelectorAll("[data-kept-plan-link]");
    if (!links.length || !("caches" in window)) return;
    var href = links[0].querySelector("a").getAttribute("href");
    caches.has(KEPT_PLAN_CACHE).then(function (kept) {
      if (!kept) return undefined;
      return caches.open(KEPT_PLAN_CACHE).then(function (cache) { return cache.match(href); });
    }).then(function (copy) {
      if (!copy) return;
      Array.prototype.forEach.call(links, function (link) { link.hidden = false; });
    }).catch(function () { /* nothing kept to show */ });
  }

  // The browser's "online" can come a moment before the server is reachable (or the server
  // may be what is down): ask quietly, and open the page again only once it answers.
  var PROBE_EVERY_MS = 5000;
  var probing = null;

  function tryAgainWhenReachable() {
    var status = document.querySelector("[data-back-online]");
    function probe() {
      probing = null;
      if (!navigator.onLine) return;
      fetch(window.location.href, { method: "HEAD", cache: "no-store", credentials: "same-origin" })
        .then(function (response) {
          if (response.status >= 500) throw new Error("Not yet");
          if (status) status.textContent = "You're back online. Opening the page again…";
          window.location.reload();
        })
        .catch(function () {
          if (document.visibilityState === "visible") probing = setTimeout(probe, PROBE_EVERY_MS);
        });
    }
    if (!probing) probe();
  }

  function offerToTryAgain() {
    var button = document.querySelector("[data-try-again]");
    // Opened at its own address (not in place of another page), there's nothing to retry.
    if (!button || window.location.pathname === button.getAttribute("data-own-address")) return;
    button.hidden = false;
    button.addEventListener("click", function () { window.location.reload(); });
    window.addEventListener("online", tryAgainWhenReachable);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") tryAgainWhenReachable();
    });
    tryAgainWhenReachable();
  }

  document.addEventListener("DOMContentLoaded", function () {
    showKeptPlanLinks();
    offerToTryAgain();
  });
})();
