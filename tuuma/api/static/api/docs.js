// Swagger UI's own markup, mended for screen readers once it has drawn:
// operation groups and the schemas are read as level 2 under the page's <h1>, and the
// block describing the API, outside Swagger's <main>, becomes a named region.
(function () {
  "use strict";
  var labels = document.getElementById("swagger-ui").dataset;
  function mend() {
    document.querySelectorAll("h3.opblock-tag:not([aria-level]), section.models > h4:not([aria-level])").forEach(function (h) {
      h.setAttribute("role", "heading");
      h.setAttribute("aria-level", "2");
    });
    document.querySelectorAll(".swagger-ui .information-container:not([role]), .swagger-ui .scheme-container:not([role])").forEach(function (block) {
      block.setAttribute("role", "region");
      block.setAttribute("aria-label", block.classList.contains("information-container") ? labels.infoLabel : labels.serversLabel);
    });
  }
  new MutationObserver(mend).observe(document.documentElement, { childList: true, subtree: true });
})();
