// "Turn on reminders on this device": asks the browser for permission only when the person
// presses the button, subscribes through the service worker (/sw.js) with this server's
// public key, and gives the subscription to the server. Without JavaScript, or in a browser
// without the Push API, the button stays hidden and the page says so.
(function () {
  "use strict";

  var section = document.getElementById("push-reminders");
  if (!section) return;
  var button = section.querySelector("[data-turn-on-push]");
  var status = section.querySelector("[data-push-status]");
  var unsupported = section.querySelector("[data-push-unsupported]");

  var supported =
    "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
  if (!supported || !button) return;
  unsupported.hidden = true;
  button.hidden = false;

  function say(words) {
    status.textContent = words;
  }

  if (Notification.permission === "denied") {
    say(
      "This browser is set to block notifications from Selftrust. If you'd like reminders " +
        "here, you can allow notifications in the browser's settings for this site."
    );
  }

  function keyBytes(base64url) {
    var padded = base64url + "===".slice((base64url.length + 3) % 4);
    var raw = atob(padded.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function sameKey(buffer, bytes) {
    if (!buffer) return false;
    var have = new Uint8Array(buffer);
    if (have.length !== bytes.length) return false;
    for (var i = 0; i < have.length; i++) if (have[i] !== bytes[i]) return false;
    return true;
  }

  async function registration() {
    var found = await navigator.serviceWorker.getRegistration("/");
    if (!found) found = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
    await navigator.serviceWorker.ready;
    return found;
  }

  async function turnOn() {
    var permission = await Notification.requestPermission();
    if (permission !== "granted") {
      say("No reminders will appear on this device. That's fine; you can change your mind any time.");
      return;
    }
    say("Turning on reminders…");
    var answer = await fetch(section.dataset.keyUrl, { credentials: "same-origin" });
    if (!answer.ok) throw new Error("no key");
    var key = keyBytes((await answer.json()).publicKey);
    var worker = await registration();
    var subscription = await worker.pushManager.getSubscription();
    if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
      // Made for another server key: replace it, or the push service would refuse ours.
      await subscription.unsubscribe();
      subscription = null;
    }
    if (!subscription) {
      subscription = await worker.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: key,
      });
    }
    var saved = await fetch(section.dataset.subscribeUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": section.dataset.csrf },
      body: JSON.stringify(subscription.toJSON()),
    });
    if (!saved.ok) throw new Error("not saved");
    // The page shows the device in its list, and the server's message saying it is on.
    window.location.reload();
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    turnOn()
      .catch(function () {
        say(
          "Something got in the way, so reminders aren't on for this device yet. Nothing " +
            "was changed; you can try again later."
        );
      })
      .finally(function () {
        button.disabled = false;
      });
  });
})();
