/* The admin's content forms, edited in five languages side by side (django-modeltranslation's tabs).
   - The language switch it adds above the form gets a name screen readers can announce.
   - "View on site" opens the public page in the language of the tab being edited, not always in Czech. */
(function () {
  "use strict";
  var LANGUAGE_PREFIX = /^\/[a-z]{2}\//;

  function languageOf(text) {
    var code = (text || "").trim().toLowerCase();
    return /^[a-z]{2}$/.test(code) ? code : null;
  }

  function pointViewOnSite(code) {
    if (!code) return;
    document.querySelectorAll("a.viewsitelink").forEach(function (link) {
      var url = new URL(link.getAttribute("href"), window.location.href);
      if (LANGUAGE_PREFIX.test(url.pathname)) {
        url.pathname = url.pathname.replace(LANGUAGE_PREFIX, "/" + code + "/");
        link.setAttribute("href", url.pathname + url.search + url.hash);
        link.setAttribute("hreflang", code);
      }
    });
  }

  function nameTheSwitch(select) {
    if (select.labels && select.labels.length) return;
    var label = document.createElement("label");
    label.htmlFor = select.id;
    label.className = "translation-switch__label";
    label.textContent = typeof gettext === "function" ? gettext("Language of the texts") : "Language";
    select.parentNode.insertBefore(label, select);
  }

  function start() {
    var select = document.getElementById("modeltranslation-main-switch");
    if (select) {
      nameTheSwitch(select);
      select.addEventListener("change", function () {
        pointViewOnSite(languageOf(select.options[select.selectedIndex].text));
      });
    }
    document.addEventListener("click", function (event) {
      var tab = event.target.closest && event.target.closest(".ui-tabs-nav a");
      if (tab) pointViewOnSite(languageOf(tab.textContent));
    });
  }

  // modeltranslation builds its tabs and switch when the document is ready (jQuery); run after it.
  window.addEventListener("load", start);
})();
