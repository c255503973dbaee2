// "Copy them" on the recovery codes page: the button only appears where the browser lets a
// page write to the clipboard (HTTPS or this computer); everyone can still select the codes.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var button = document.querySelector("[data-copy]");
  var list = document.querySelector("[data-codes]");
  var status = document.querySelector("[data-copy-status]");
  if (!button || !list || !navigator.clipboard || !window.isSecureContext) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var codes = Array.prototype.map.call(list.querySelectorAll("code"), function (code) {
      return code.textContent.trim();
    }).join("\n");
    navigator.clipboard.writeText(codes).then(
      function () { status.textContent = "Copied. Paste them somewhere private and safe."; },
      function () { status.textContent = "Copying didn't work here. You can select the codes and copy them yourself."; }
    );
  });
});
