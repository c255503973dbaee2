// The phone header's Menu (base.html): a <details>, so it opens and closes without this file.
// This adds what a disclosure button is expected to do besides: aria-expanded kept true to
// what is shown, Escape closes it (and gives focus back to "Menu"), and a tap or focus
// elsewhere on the page closes it, so an open menu never sits over what the person went to.
(function () {
  "use strict";

  function setUp(menu) {
    var summary = menu.querySelector("summary");
    if (!summary) return;

    function sync() { summary.setAttribute("aria-expanded", menu.open ? "true" : "false"); }
    function close() { if (menu.open) menu.open = false; }

    sync();
    menu.addEventListener("toggle", sync);

    // Listened for on the menu itself, so it runs before Leave quickly's listener on the
    // document: an Escape that closes the menu is marked used and never counts towards the
    // two that leave (leave-quickly.js ignores presses that something used).
    menu.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" && event.key !== "Esc") return;
      if (!menu.open || event.isComposing) return;
      event.preventDefault();
      close();
      summary.focus();
    });

    document.addEventListener("click", function (event) {
      if (!menu.contains(event.target)) close();
    });
    document.addEventListener("focusin", function (event) {
      if (!menu.contains(event.target)) close();
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("details[data-site-menu]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
