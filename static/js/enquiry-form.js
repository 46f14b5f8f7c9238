// Enquiry form enhancements; the form works the same without them.
(function () {
  "use strict";
  // GOV.UK pattern: after a failed submit, focus the error summary so screen readers announce it.
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
    // A summary link focuses its field (a plain fragment link only scrolls).
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var field = document.getElementById(link.getAttribute("href").slice(1));
      if (!field) return;
      event.preventDefault();
      var container = field.closest("fieldset") || field.closest(".mb-3") || field;
      container.scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }
  // One click sends one enquiry (the server also ignores a repeat).
  document.querySelectorAll("form.enquiry-form").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("[data-prevent-double-click]");
      if (!button) return;
      window.setTimeout(function () { button.disabled = true; }, 0);
    });
  });
  // Coming back with the browser's Back button shows a usable form again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("[data-prevent-double-click]").forEach(function (button) { button.disabled = false; });
  });
})();
