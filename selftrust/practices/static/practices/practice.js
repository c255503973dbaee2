// Practice forms: the thought record's re-rating hints, worksheet follow-up questions, and the
// steps of a guided exercise.
// (Saving drafts as the person types is drafts/save-as-you-type.js, shared by every form.)
(function () {
  "use strict";
  // A rating (widgets/rating.html) as a number, or "" while its "Save my rating" box is
  // unticked (not rated).
  function ratingOf(form, name) {
    var slider = form.elements[name];
    var rated = form.elements[name + "_rated"];
    if (!slider || (rated && !rated.checked)) return "";
    return slider.value;
  }

  // Thought record, re-rating: each slider says what was rated before ("Anxious, 7 before"),
  // and a feeling row stays out of the way until that feeling has been named.
  document.addEventListener("DOMContentLoaded", function () {
    var rows = document.querySelectorAll("[data-rerate]");
    if (!rows.length) return;
    var form = rows[0].closest("form");
    function update() {
      Array.prototype.forEach.call(rows, function (row) {
        var feeling = row.getAttribute("data-feeling");
        var select = feeling ? form.elements[feeling] : null;
        var before = ratingOf(form, row.getAttribute("data-before"));
        var input = row.querySelector("input[type=range]") || row.querySelector("input");
        var rated = input.type === "range" ? ratingOf(form, input.name) : input.value;
        var hint = row.querySelector("[data-rerate-hint]");
        var name = select && select.value ? select.options[select.selectedIndex].text : "";
        if (select) {
          row.hidden = !name && !rated && !row.querySelector(".errorlist");
        }
        var parts = [];
        if (name) parts.push(name);
        if (before !== "") parts.push(before + " before");
        hint.textContent = parts.length ? parts.join(", ") + "." : "";
        hint.hidden = !parts.length;
        var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
          return id && id !== hint.id;
        });
        if (parts.length) described.push(hint.id);
        if (described.length) input.setAttribute("aria-describedby", described.join(" "));
        else input.removeAttribute("aria-describedby");
      });
    }
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    update();
  });

  // Follow-up questions (a worksheet field's shown_if): shown once the answer they follow
  // calls for them, and always while they hold words or a message. Without this script
  // they simply stay visible, and their labels say when they apply.
  document.addEventListener("DOMContentLoaded", function () {
    var followUps = document.querySelectorAll("[data-shown-if]");
    if (!followUps.length) return;
    var form = followUps[0].closest("form");
    function update() {
      Array.prototype.forEach.call(followUps, function (box) {
        var answer = form.elements[box.getAttribute("data-shown-if")];
        var wanted = box.getAttribute("data-shown-values").split(" ");
        var field = box.querySelector("textarea, input");
        var holdsWords = field && field.value.trim() !== "";
        box.hidden = !(answer && wanted.indexOf(answer.value) !== -1) && !holdsWords &&
          !box.querySelector(".errorlist");
      });
    }
    form.addEventListener("change", update);
    update();
  });

  // A guided exercise (grounding): only the chosen exercise's steps, or the first one's
  // before a choice is made, and they follow the choice as it changes. Without this script
  // every exercise's steps stay on the page, the chosen one first.
  document.addEventListener("DOMContentLoaded", function () {
    var guide = document.querySelector("[data-guide]");
    if (!guide) return;
    var form = guide.closest("form");
    var exercises = Array.prototype.slice.call(guide.querySelectorAll("[data-exercise]"));
    var othersHeading = guide.querySelector("[data-guide-others-heading]");
    if (!form || !exercises.length) return;
    function slugOf(exercise) { return exercise.getAttribute("data-exercise"); }
    function update() {
      var choice = form.elements[guide.getAttribute("data-guide")];
      var chosen = choice ? choice.value : "";
      if (!exercises.some(function (exercise) { return slugOf(exercise) === chosen; })) {
        chosen = slugOf(exercises[0]);
      }
      exercises.forEach(function (exercise) { exercise.hidden = slugOf(exercise) !== chosen; });
      if (othersHeading) othersHeading.hidden = true;
    }
    form.addEventListener("change", update);
    update();
  });
})();
