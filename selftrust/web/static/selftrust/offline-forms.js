// Words written without a connection are never silently dropped.
//
// When a form is sent while the device is offline (or the service worker finds the network
// gone), the page and every word in it stay; a polite live region says so; the form is sent
// by itself once the connection is back, or with "Send now". While offline, a copy of the
// form's fields is also kept in sessionStorage (this tab only), under the page's address, so
// that a reload, or a step to another page, doesn't lose them: the next time the page opens
// they go back into the form, and the copy is cleared once the form is sent.
//
// Separate from the autosave of drafts to the server (drafts/save-as-you-type.js), which goes
// on as before whenever there is a connection.
(function () {
  "use strict";
  var PREFIX = "selftrust:unsent:";
  var KEY = PREFIX + window.location.pathname + window.location.search;
  var HELD = "You're offline. Your words are safe on this page; we'll send them when you're back online.";
  var STILL_OFFLINE = "Still offline. Your words are safe on this page; we'll send them as soon as the connection is back.";
  var SENDING = "You're back online. Sending your words now…";
  // A form with nothing filled in (a button, like "Delete"): not sent later by itself, since
  // the person may no longer want it when the connection is back.
  var NOT_SENT = "You're offline, so this couldn't be sent. Try again when you're back online.";
  var RESTORED = "We put back the words you hadn't sent yet. Nothing has been sent; send them when you're ready.";
  var TEXT_TYPES = ["text", "search", "email", "tel", "url", "number", "date", "time", "datetime-local", "month", "week", "range", "color"];
  var forms = [];
  var held = null; // { form, submitter } waiting for a connection
  var lastSent = null; // { form, submitter, at }: sent online; the worker may report it failed
  var retryIn = 0;
  var retryTimer = null;

  function storage() {
    try {
      return window.sessionStorage;
    } catch (e) {
      return null;
    }
  }

  function isHtmxSubmitted(form) {
    var verb = ["hx-post", "hx-put", "hx-patch", "hx-delete", "hx-get"].some(function (name) {
      return form.hasAttribute(name);
    });
    var trigger = form.getAttribute("hx-trigger");
    return verb && (!trigger || /\bsubmit\b/.test(trigger));
  }

  // Forms sent as a page: not passphrases or files (never kept or sent later), not the ones
  // htmx sends itself (they stay on the page anyway), not GET searches.
  function tracked(form) {
    if ((form.getAttribute("method") || "get").toLowerCase() !== "post") return false;
    if (form.hasAttribute("data-offline-forms-off") || isHtmxSubmitted(form)) return false;
    return !form.querySelector("input[type=password], input[type=file]");
  }

  function keptField(field) {
    if (!field.name || field.disabled) return false;
    if (field.tagName === "TEXTAREA" || field.tagName === "SELECT") return true;
    if (field.tagName !== "INPUT") return false;
    var type = (field.getAttribute("type") || "text").toLowerCase();
    return type === "checkbox" || type === "radio" || TEXT_TYPES.indexOf(type) !== -1;
  }

  function fieldsOf(form) {
    var fields = [];
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!keptField(field)) return;
      if ((field.type === "checkbox" || field.type === "radio") && !field.checked) return;
      if (field.tagName === "SELECT") {
        Array.prototype.forEach.call(field.selectedOptions, function (option) {
          fields.push([field.name, option.value]);
        });
        return;
      }
      fields.push([field.name, field.value]);
    });
    return fields;
  }

  function snapshot() {
    var store = storage();
    if (!store) return;
    var kept = forms.filter(function (entry) {
      return entry.words && (entry.edited || (held && held.form === entry.form));
    }).map(function (entry) {
      var action = actionOf(entry.form);
      return { action: action, nth: sameAction(action).indexOf(entry), fields: fieldsOf(entry.form) };
    });
    if (!kept.length) return;
    try {
      store.setItem(KEY, JSON.stringify({ forms: kept }));
    } catch (e) { /* storage full: the words are still on the page */ }
  }

  // A copy finds its form again by where it is sent and, among forms sent there, by order:
  // not by its place among all the page's forms, which shifts when the page opens with a form
  // more (a draft kept on the server adds a "Discard" form above it).
  function actionOf(form) {
    return form.getAttribute("action") || "";
  }

  function sameAction(action) {
    return forms.filter(function (entry) { return actionOf(entry.form) === action; });
  }

  function forget() {
    var store = storage();
    if (store) store.removeItem(KEY);
  }

  function restore() {
    var store = storage();
    var saved = null;
    try {
      saved = store && JSON.parse(store.getItem(KEY) || "null");
    } catch (e) {
      saved = null;
    }
    if (!saved || !saved.forms) return;
    saved.forms.forEach(function (copy) {
      var entry = sameAction(copy.action || "")[copy.nth || 0];
      if (!entry) return;
      putBack(entry.form, copy.fields);
      entry.edited = true;
      say(entry, RESTORED);
      entry.clear.hidden = false;
    });
  }

  function putBack(form, fields) {
    var values = {};
    fields.forEach(function (pair) { (values[pair[0]] = values[pair[0]] || []).push(pair[1]); });
    var seen = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!keptField(field)) return;
      var wanted = values[field.name] || [];
      var before = field.type === "checkbox" || field.type === "radio" ? field.checked : field.value;
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = wanted.indexOf(field.value) !== -1;
      } else if (field.tagName === "SELECT") {
        Array.prototype.forEach.call(field.options, function (option) {
          option.selected = wanted.indexOf(option.value) !== -1;
        });
      } else {
        var nth = seen[field.name] || 0;
        seen[field.name] = nth + 1;
        if (nth < wanted.length) field.value = wanted[nth];
      }
      var after = field.type === "checkbox" || field.type === "radio" ? field.checked : field.value;
      // Tell the page's other scripts (the draft autosave among them) the field changed.
      if (after !== before) field.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  function say(entry, words) {
    var status = notice(entry);
    // Emptied first, so the same words twice are read out twice.
    status.textContent = "";
    setTimeout(function () { status.textContent = words; }, 50);
  }

  function entryFor(form) {
    for (var i = 0; i < forms.length; i++) if (forms[i].form === form) return forms[i];
    return null;
  }

  function hold(entry, submitter) {
    if (!entry.words) {
      say(entry, NOT_SENT);
      return;
    }
    held = { form: entry.form, submitter: submitter || null };
    snapshot();
    say(entry, HELD);
    entry.sendNow.hidden = false;
    // The browser says it is online, but the server couldn't be reached (or the connection
    // came back a moment before it worked): try again by itself, less and less often.
    if (navigator.onLine) {
      retryIn = Math.min(retryIn ? retryIn * 2 : 3000, 60000);
      clearTimeout(retryTimer);
      retryTimer = setTimeout(sendHeld, retryIn);
    }
  }

  function sendHeld() {
    clearTimeout(retryTimer);
    if (!held) return;
    var entry = entryFor(held.form);
    if (!navigator.onLine) {
      say(entry, STILL_OFFLINE);
      return;
    }
    var form = held.form;
    var submitter = held.submitter && held.submitter.isConnected ? held.submitter : null;
    held = null;
    say(entry, SENDING);
    entry.sendNow.hidden = true;
    if (form.requestSubmit) form.requestSubmit(submitter);
    else form.submit();
  }

  // The notice after the form: made at once for a form with words, so its live region is in
  // the page before anything is said; for a button's form, only when needed (an empty one
  // would still take room beside it, in the navigation for instance).
  function notice(entry) {
    if (entry.status) return entry.status;
    var form = entry.form;
    var box = document.createElement("div");
    box.className = "offline-notice";
    entry.status = document.createElement("p");
    entry.status.className = "offline-status";
    entry.status.setAttribute("role", "status");
    box.appendChild(entry.status);
    if (entry.words) {
      entry.sendNow = document.createElement("button");
      entry.sendNow.type = "button";
      entry.sendNow.className = "secondary";
      entry.sendNow.textContent = "Send now";
      entry.sendNow.hidden = true;
      entry.sendNow.addEventListener("click", sendHeld);
      entry.clear = document.createElement("button");
      entry.clear.type = "button";
      entry.clear.className = "link-button";
      entry.clear.textContent = "Clear the words put back";
      entry.clear.hidden = true;
      entry.clear.addEventListener("click", function () {
        forget();
        form.reset();
        entry.edited = false;
        entry.clear.hidden = true;
        say(entry, "Cleared. The form is as it was when the page opened.");
      });
      box.appendChild(entry.sendNow);
      box.appendChild(entry.clear);
    }
    form.insertAdjacentElement("afterend", box);
    return entry.status;
  }

  function setUp(form) {
    var entry = { form: form, edited: false, words: Array.prototype.some.call(form.elements, keptField) };
    if (entry.words) notice(entry);
    function edited() {
      entry.edited = true;
      if (!navigator.onLine || held) snapshot();
    }
    form.addEventListener("input", edited);
    form.addEventListener("change", edited);
    forms.push(entry);
  }

  // Listening on the document runs after the form's own listeners, so a form that stopped
  // its own sending (a check of its own) is left alone.
  document.addEventListener("submit", function (event) {
    if (event.defaultPrevented) return;
    var entry = entryFor(event.target);
    if (navigator.onLine) {
      // Sent: the words are on their way (if the network fails on the way, the service
      // worker keeps this page and says so below). Any copy kept for this page goes.
      forget();
      if (entry) lastSent = { form: entry.form, submitter: event.submitter || null, at: Date.now() };
      return;
    }
    if (!entry) return;
    event.preventDefault();
    hold(entry, event.submitter);
  });

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (!event.data || event.data.type !== "selftrust:form-not-sent") return;
      if (!lastSent || Date.now() - lastSent.at > 60000) return;
      var entry = entryFor(lastSent.form);
      var submitter = lastSent.submitter;
      lastSent = null;
      if (entry) hold(entry, submitter);
    });
  }

  window.addEventListener("online", sendHeld);
  window.addEventListener("offline", snapshot);
  window.addEventListener("pagehide", function () {
    if (!navigator.onLine || held) snapshot();
  });

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form"), function (form) {
      if (tracked(form)) setUp(form);
    });
    restore();
  });
})();
