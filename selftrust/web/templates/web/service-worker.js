// Selftrust's service worker, served as /sw.js (selftrust/web/installable_views.py).
//
// It keeps, on this device, what must open without a network: Ground me now, Get help now
// (a copy with the crisis lines only, nothing of the person's), a calm offline page and the
// files they need. Those pages are asked of the network first, so they stay fresh, and come
// from the copy when the network fails. The person's safety plan and trusted people are kept
// only after they tick "Keep my plan on this phone" (keep-plan-on-device.js), in a cache of
// their own that this worker reads but never fills.
"use strict";

const SETTINGS = {% autoescape off %}{{ settings_json }}{% endautoescape %};
const OFFLINE_CACHE = "selftrust-offline-" + SETTINGS.version;
const KEPT_PLAN_CACHE = "selftrust-kept-plan"; // the same name in keep-plan-on-device.js
const WIPE_MESSAGE = "selftrust:wipe-offline-plan";
// A crisis page waits this long for a slow network before its kept copy is shown instead.
const CRISIS_PAGE_PATIENCE_MS = 4000;
// The kept copies are renewed at most this often, besides after the pages in renew_after.
const RENEW_EVERY_MS = 30 * 60 * 1000;
let lastRenewed = 0;

// The copies to keep, and how each is asked for. Ground me now and the offline page are
// asked for with no cookies, so they are the same for everyone. The Get help now copy sends
// them, only so the server knows the person's country; it is rendered without anything else
// of theirs (installable_views.offline_help).
function pagesToKeep() {
  return [
    [SETTINGS.ground, new Request(SETTINGS.ground, { credentials: "omit", referrerPolicy: "no-referrer", cache: "no-store" })],
    [SETTINGS.offline, new Request(SETTINGS.offline, { credentials: "omit", referrerPolicy: "no-referrer", cache: "no-store" })],
    [SETTINGS.offline_help, new Request(SETTINGS.offline_help, { credentials: "same-origin", referrerPolicy: "no-referrer", cache: "no-store" })],
  ];
}

function filesToKeep() {
  return SETTINGS.static.map((url) => [url, new Request(url, { cache: "no-cache" })]);
}

async function keep(cache, entries) {
  await Promise.all(
    entries.map(async ([key, request]) => {
      const response = await fetch(request);
      if (!response.ok || response.redirected) throw new Error("Not kept: " + key);
      await cache.put(key, response);
    })
  );
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    Promise.all([networkOnlyForAutosaves(event), caches.open(OFFLINE_CACHE)])
      .then(([, cache]) => keep(cache, [...pagesToKeep(), ...filesToKeep()]))
      .then(() => self.skipWaiting())
  );
});

// A draft's last save is sent as the page closes (sendBeacon, drafts/save-as-you-type.js).
// Any request in this worker's scope waits for the worker to start, and a worker still starting
// as its page goes away can lose that request: words lost, seen in Chromium. These requests are
// never the worker's business, so they are routed past it (the static routing API; browsers
// without it keep going through the fetch handler below, which leaves them alone).
function networkOnlyForAutosaves(event) {
  if (typeof event.addRoutes !== "function") return Promise.resolve();
  return event
    .addRoutes([
      {
        condition: { urlPattern: new URLPattern({ pathname: SETTINGS.network_only_prefix + "*" }) },
        source: "network",
      },
    ])
    .catch(() => {});
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith("selftrust-offline-") && name !== OFFLINE_CACHE)
          .map((name) => caches.delete(name))
      );
      lastRenewed = Date.now();
      // Look after pages already open, so the first visit is already safe offline.
      await self.clients.claim();
    })()
  );
});

// Another script (the lock, or a page) may ask for the kept plan to go: postMessage({type:
// "selftrust:wipe-offline-plan"}) to this worker does what wipeOfflinePlan() does in a page.
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === WIPE_MESSAGE) {
    event.waitUntil(caches.delete(KEPT_PLAN_CACHE));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    if (request.mode === "navigate" && !SETTINGS.pass_through.includes(url.pathname)) {
      event.respondWith(sendForm(request));
    }
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(openPage(event, url.pathname));
  } else if (SETTINGS.static.includes(url.pathname)) {
    event.respondWith(keptFileOrNetwork(request));
  }
});

// A form sent as a page (not the autosave's requests): when the network fails, "204 No
// Content" tells the browser to stay on the page, with every word still in the form, and
// the page (offline-forms.js) says so and sends it again once the network is back.
async function sendForm(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const pages = await self.clients.matchAll({ type: "window" });
    pages.forEach((page) => page.postMessage({ type: "selftrust:form-not-sent" }));
    return new Response(null, { status: 204 });
  }
}

async function openPage(event, path) {
  const keptCopy = path === SETTINGS.ground ? SETTINGS.ground : path === SETTINGS.help ? SETTINGS.offline_help : null;
  try {
    const response = await (keptCopy ? withinPatience(fetch(event.request)) : fetch(event.request));
    // A crisis page the server can't make right now (a proxy's 502, a 500): the copy.
    if (keptCopy && response.status >= 500) {
      const copy = await fromCache(OFFLINE_CACHE, keptCopy);
      if (copy) return copy;
    }
    event.waitUntil(renewIfDue(path));
    return response;
  } catch (error) {
    return offlineAnswer(path, keptCopy);
  }
}

function withinPatience(promise) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("The network is too slow")), CRISIS_PAGE_PATIENCE_MS);
    promise.then(
      (response) => { clearTimeout(timer); resolve(response); },
      (error) => { clearTimeout(timer); reject(error); }
    );
  });
}

async function offlineAnswer(path, keptCopy) {
  const answer =
    (keptCopy && (await fromCache(OFFLINE_CACHE, keptCopy))) ||
    (SETTINGS.plan_pages.includes(path) && (await fromCache(KEPT_PLAN_CACHE, path))) ||
    (await fromCache(OFFLINE_CACHE, path)) ||
    (await fromCache(OFFLINE_CACHE, SETTINGS.offline));
  if (answer) return answer;
  return new Response(
    "You're offline right now. Nothing you typed is lost. Calls and texts to a crisis line work without a connection.",
    { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } }
  );
}

async function fromCache(name, key) {
  if (!(await caches.has(name))) return undefined;
  const cache = await caches.open(name);
  return cache.match(key);
}

async function keptFileOrNetwork(request) {
  return (await fromCache(OFFLINE_CACHE, new URL(request.url).pathname)) || fetch(request);
}

// The copies are renewed after a page where the country may have changed, and now and then,
// so that "fresh" holds for the copy too. A failure keeps the copy there is.
async function renewIfDue(path) {
  const due = SETTINGS.renew_after.includes(path) || Date.now() - lastRenewed > RENEW_EVERY_MS;
  if (!due) return;
  lastRenewed = Date.now();
  try {
    await keep(await caches.open(OFFLINE_CACHE), pagesToKeep());
  } catch (error) {
    // Offline again, or the server is busy: the copy kept before stays.
  }
}

// Reminders (selftrust/reminders/push.py): the server sends {title, body, url, tag}, encrypted
// for this browser. One notification per thing (the tag replaces an earlier one); a tap opens
// the page it is about, on this site only.
self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (error) {
    data = {};
  }
  const title = typeof data.title === "string" && data.title ? data.title : "A gentle reminder";
  const body =
    typeof data.body === "string" && data.body ? data.body : "A small promise is waiting for you";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: body,
      tag: typeof data.tag === "string" ? data.tag : "selftrust-reminder",
      data: { url: typeof data.url === "string" ? data.url : "/today/" },
    })
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const wanted = new URL(
    (event.notification.data && event.notification.data.url) || "/today/",
    self.location.origin
  );
  if (wanted.origin !== self.location.origin) return; // only ever our own pages
  event.waitUntil(
    (async () => {
      const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      for (const client of open) {
        if (new URL(client.url).origin === wanted.origin && "focus" in client) {
          await client.focus();
          if ("navigate" in client) {
            try {
              await client.navigate(wanted.href);
            } catch (error) {
              // A page we don't control can't be sent elsewhere; it is in front, at least.
            }
          }
          return;
        }
      }
      await self.clients.openWindow(wanted.href);
    })()
  );
});
