// "Keep my plan on this phone": the person's safety plan and trusted people, kept on this
// device only when they tick it on their safety plan page, so they open without a network;
// and what logging out wipes from this browser.
//
// The copy lives in this browser alone (the cache "selftrust-kept-plan", which the service
// worker reads, and a note in localStorage saying which account kept it); the server is not
// told. It is wiped when they untick the box, when they log out (here, and again by the
// logout answer's Clear-Site-Data), when another account signs in on this browser, and on
// request:
//
//   window.selftrust.wipeOfflinePlan()                       // a Promise, from any page
//   document.dispatchEvent(new Event("selftrust:wipe-offline-plan"))
//   navigator.serviceWorker.controller.postMessage({ type: "selftrust:wipe-offline-plan" })
//
// (The lock, when it comes, calls one of these.)
(function () {
  "use strict";
  var CACHE = "selftrust-kept-plan"; // the same name in sw.js and offline-page.js
  var NOTE = "selftrust:kept-plan";
  var WIPE = "selftrust:wipe-offline-plan";
  var RENEW_EVERY_MS = 60 * 60 * 1000;
  var script = document.currentScript;
  var account = script ? script.getAttribute("data-account") || "" : "";
  var planPages = script ? (script.getAttribute("data-plan-pages") || "").split(" ").filter(Boolean) : [];
  var logoutPath = script ? script.getAttribute("data-logout") : null;
  var syncToggle = function () {}; // set where the page has the checkbox

  function storageWorks() {
    try {
      window.localStorage.setItem(NOTE + ":test", "1");
      window.localStorage.removeItem(NOTE + ":test");
      return true;
    } catch (e) {
      return false;
    }
  }
  var supported = "caches" in window && "serviceWorker" in navigator && storageWorks();

  function keeper() {
    try {
      return JSON.parse(window.localStorage.getItem(NOTE) || "null");
    } catch (e) {
      return null;
    }
  }

  function keptByThisAccount() {
    var note = keeper();
    return Boolean(note && account && note.account === account);
  }

  // Ask for each page as the person sees it now, and keep it only if it really is theirs
  // (not the login page a lapsed session would be sent to) and they still want it kept.
  function keep() {
    return Promise.all(planPages.map(function (path) {
      return fetch(path, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
        if (!response.ok || response.redirected) throw new Error("Not kept: " + path);
        return [path, response];
      });
    })).then(function (answers) {
      if (!keptByThisAccount()) return undefined; // unticked or wiped meanwhile
      return caches.open(CACHE).then(function (cache) {
        return Promise.all(answers.map(function (answer) { return cache.put(answer[0], answer[1]); }));
      });
    }).then(function () {
      var note = keeper();
      if (note && note.account === account) {
        note.renewed = Date.now();
        window.localStorage.setItem(NOTE, JSON.stringify(note));
      }
    });
  }

  function wipe() {
    try { window.localStorage.removeItem(NOTE); } catch (e) { /* nothing kept */ }
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({ type: WIPE });
    }
    if (!("caches" in window)) return Promise.resolve();
    return caches.delete(CACHE).then(function () { return undefined; });
  }

  window.selftrust = window.selftrust || {};
  window.selftrust.wipeOfflinePlan = wipe;
  // Capturing on window hears the event whether it is sent to the document or the window.
  window.addEventListener(WIPE, function () { wipe(); }, true);

  // Words not yet sent (offline-forms.js keeps them in this tab under this prefix).
  var UNSENT_PREFIX = "selftrust:unsent:";
  function forgetUnsentWords() {
    try {
      Object.keys(window.sessionStorage).forEach(function (key) {
        if (key.indexOf(UNSENT_PREFIX) === 0) window.sessionStorage.removeItem(key);
      });
    } catch (e) { /* nothing kept */ }
  }

  // Logging out: nothing of theirs stays in this browser. The kept plan and unsent words go
  // first, then the form is sent (the answer's Clear-Site-Data clears storage and the
  // service worker's copies again in the browser itself).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!logoutPath || !form || form.tagName !== "FORM") return;
    if (new URL(form.action, window.location.href).pathname !== logoutPath) return;
    forgetUnsentWords();
    if (!keeper()) return;
    if (!navigator.onLine) {
      wipe(); // the copy goes now; the page stays, and offline-forms.js says why
      return;
    }
    event.preventDefault();
    var go = function () { form.submit(); };
    var guard = setTimeout(go, 1500); // never keep someone from logging out
    wipe().then(function () { clearTimeout(guard); go(); }, function () { clearTimeout(guard); go(); });
  }, true);

  function setUpToggle() {
    var box = document.querySelector("[data-keep-plan]");
    if (!box || !supported || !account) return;
    var toggle = box.querySelector("[data-keep-plan-toggle]");
    var status = box.querySelector("[data-keep-plan-status]");
    toggle.checked = keptByThisAccount();
    syncToggle = function () { toggle.checked = keptByThisAccount(); };
    box.hidden = false;
    function say(words) { status.textContent = words; }
    toggle.addEventListener("change", function () {
      if (toggle.checked) {
        window.localStorage.setItem(NOTE, JSON.stringify({ account: account, renewed: 0 }));
        say("Keeping your plan on this phone…");
        keep().then(function () {
          say("Your plan is kept on this phone. You can open it here, and from Get help now, without a connection.");
        }, function () {
          wipe();
          toggle.checked = false;
          say("We couldn't keep it on this phone just now. Nothing has changed; you can try again later.");
        });
      } else {
        wipe().then(function () {
          say("Your plan is no longer kept on this phone. The copy here has been removed.");
        });
      }
    });
    // Another tab ticked or unticked it.
    window.addEventListener("storage", function (event) {
      if (event.key === NOTE || event.key === null) toggle.checked = keptByThisAccount();
    });
  }

  // On every page: wipe a plan kept by another account; forget the choice when the copy was
  // wiped from elsewhere (the service worker's message); and, online, keep this account's
  // copy fresh (on the plan pages, where changes land, and otherwise now and then).
  function looksAfterTheCopy() {
    var note = keeper();
    if (!supported || !note) return;
    if (account && note.account !== account) {
      wipe();
      return;
    }
    caches.has(CACHE).then(function (kept) {
      if (!kept && note.renewed) {
        wipe().then(syncToggle);
        return;
      }
      if (!account || !navigator.onLine) return;
      var onPlanPage = planPages.indexOf(window.location.pathname) !== -1;
      if (onPlanPage || Date.now() - (note.renewed || 0) > RENEW_EVERY_MS) {
        keep().catch(function () { /* the copy kept before stays */ });
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpToggle();
    looksAfterTheCopy();
  });
})();
