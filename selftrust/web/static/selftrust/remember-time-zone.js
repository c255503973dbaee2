// Remember this browser's time zone in a first-party cookie, so Get help now can guess the
// person's country (and so their crisis lines) before they choose one. Nothing else reads it,
// and nothing leaves the server (see /privacy/).
(function () {
  "use strict";
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  if (!zone) return;
  var value = encodeURIComponent(zone);
  if (document.cookie.split("; ").indexOf("selftrust_tz=" + value) !== -1) return;
  document.cookie = "selftrust_tz=" + value + "; path=/; max-age=31536000; samesite=lax";
})();
