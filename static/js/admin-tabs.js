/* The language tabs of the admin's message and automatic e-mail forms (django-modeltranslation's jQuery UI
   tabs): jQuery UI gives each tab item role="tab" and leaves a link inside it, a control nested in a control
   that screen readers announce twice (axe: nested-interactive). The item keeps the role, the focus and the
   keys; the link inside loses its address once the tabs are built (jQuery UI has read it by then). The
   language switch above the form gets its name here too, whenever modeltranslation builds it (it may do so
   after the page's load event, when admin-translation.js has already looked for it). */
(function () {
  "use strict";
  function tidy() {
    document.querySelectorAll(".ui-tabs-nav li[role=tab] > a[href]").forEach(function (link) {
      link.removeAttribute("href");
      link.removeAttribute("tabindex");
      link.setAttribute("role", "presentation");
    });
    var select = document.getElementById("modeltranslation-main-switch");
    if (select && !(select.labels && select.labels.length) && !select.hasAttribute("aria-label")) {
      select.setAttribute("aria-label", typeof gettext === "function" ? gettext("Language of the texts") : "Language");
    }
  }
  new MutationObserver(tidy).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", tidy);
  window.addEventListener("load", tidy);
})();
