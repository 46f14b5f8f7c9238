// "This site is also in English" / "本网站有中文版" (templates/includes/language_hint.html).
// Every visitor gets the same cached page with the hint hidden; it is shown here when the
// first of the browser's languages that the site has is the one the hint offers, until the
// visitor dismisses it (remembered in this browser's localStorage, never sent to the server).
(function () {
  "use strict";
  var hint = document.querySelector("[data-language-hint]");
  if (!hint) return;
  var DISMISSED = "tep.languageHint.dismissed";

  function primary(tag) {
    return String(tag || "").toLowerCase().split("-")[0];
  }

  var offered = primary(hint.getAttribute("lang"));
  var current = primary(document.documentElement.getAttribute("lang"));

  function preferred() {
    var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (var i = 0; i < languages.length; i++) {
      var language = primary(languages[i]);
      if (language === offered || language === current) return language;
    }
    return null; // none of the site's languages: no hint (English is no better guess than Chinese)
  }

  function dismissed() {
    try {
      return window.localStorage.getItem(DISMISSED) === "1";
    } catch (error) {
      return false; // storage blocked: the hint can still be dismissed on this page
    }
  }

  if (offered === current || preferred() !== offered || dismissed()) return;
  hint.hidden = false;
  hint.querySelector("button").addEventListener("click", function () {
    var hadFocus = hint.contains(document.activeElement);
    hint.hidden = true;
    try {
      window.localStorage.setItem(DISMISSED, "1");
    } catch (error) {
      // Not remembered: it shows again on the next page.
    }
    // Keyboard users carry on from where the hint was, not from the top of the document.
    var next = document.querySelector(".site-header a");
    if (hadFocus && next) next.focus();
  });
})();
