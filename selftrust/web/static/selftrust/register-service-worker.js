// Registers Selftrust's service worker (/sw.js), which keeps Ground me now, Get help now and
// a calm offline page on this device for when the network is not there. Without it (an old
// browser, or a page not served over HTTPS) everything works as before, online only.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) return;
  var url = script.getAttribute("data-service-worker");
  var scope = script.getAttribute("data-scope") || "/";
  function register() {
    navigator.serviceWorker.register(url, { scope: scope }).catch(function () {
      // Not allowed here (no HTTPS) or not reachable: the pages simply aren't kept.
    });
  }
  // After the page has loaded, so keeping copies never slows what the person came for.
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
