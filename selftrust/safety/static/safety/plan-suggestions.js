// The safety plan form: "Add" puts a suggestion from the person's own practice on a new line
// of that part of the plan, where they can change or remove it before saving. Without this
// script the suggestions are shown as text to copy, and nothing is ever added for them.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-suggestions-for]"), function (box) {
    var textarea = document.getElementById(box.getAttribute("data-suggestions-for"));
    if (!textarea) return;
    Array.prototype.forEach.call(box.querySelectorAll("[data-add-line]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var line = button.getAttribute("data-add-line");
        var text = textarea.value.replace(/\s+$/, "");
        textarea.value = text ? text + "\n" + line : line;
        // The form's autosave listens for input: the addition is kept like typing.
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
        button.disabled = true;
        button.textContent = "Added";
      });
    });
  });
});
