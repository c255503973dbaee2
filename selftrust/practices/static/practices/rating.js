// Rating sliders (0 to 10, practices/widgets/rating.html): the number beside each slider, a
// meaningful aria-valuetext ("7 of 10", "0 of 10, calm"), and the "Save my rating" box, which
// the first touch of the slider ticks (unticking it leaves the rating out). Without this
// script the slider still works and the box is ticked by hand; the number shows on the entry
// once it is saved.
(function () {
  "use strict";
  var KEYS = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"];

  function setUp(rating) {
    var slider = rating.querySelector("input[type=range]");
    var box = rating.querySelector(".rating-keep input[type=checkbox]");
    var shown = rating.querySelector("output");
    if (!slider || !box || !shown) return;
    var notRated = rating.getAttribute("data-not-rated");

    function spoken(value) {
      var words = "";
      if (value === rating.getAttribute("data-low")) words = rating.getAttribute("data-low-words");
      if (value === rating.getAttribute("data-high")) words = rating.getAttribute("data-high-words");
      return value + " of " + rating.getAttribute("data-high") + (words ? ", " + words : "");
    }

    function show() {
      var rated = box.checked;
      rating.classList.toggle("is-unrated", !rated);
      shown.textContent = rated ? slider.value : notRated;
      slider.setAttribute("aria-valuetext", rated ? spoken(slider.value) : notRated);
    }

    // Any touch counts as choosing, even one that leaves the slider where it stood (the
    // middle is a number too): a press on it, a key that moves it, a move.
    function chosen() {
      if (!box.checked) {
        box.checked = true;
        // As a tick by hand would: the draft is kept, the re-rating hints follow.
        box.dispatchEvent(new Event("input", { bubbles: true }));
        box.dispatchEvent(new Event("change", { bubbles: true }));
      }
      show();
    }
    slider.addEventListener("input", chosen);
    slider.addEventListener("change", chosen);
    slider.addEventListener("pointerdown", chosen);
    slider.addEventListener("keydown", function (event) {
      if (KEYS.indexOf(event.key) !== -1) chosen();
    });
    box.addEventListener("change", show);
    show();
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-rating]"), setUp);
  });
})();
