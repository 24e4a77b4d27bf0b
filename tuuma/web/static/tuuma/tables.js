// A table wider than the page scrolls inside its own region instead of the
// whole page scrolling sideways on a phone. The region is focusable (keyboard
// users can scroll it) and named after the table's caption or the heading
// before it (a group, not a second region, when the same words already name the
// section around it). Tables that templates already put in such a region are
// left alone.
(function () {
  "use strict";
  var counter = 0;

  function labelFor(table) {
    var caption = table.querySelector("caption");
    if (caption && caption.textContent.trim()) return caption;
    var node = table.previousElementSibling;
    while (node && !/^H[1-6]$/.test(node.tagName)) node = node.previousElementSibling;
    return node;
  }

  // Whether a section around the table is already named by the same words.
  function namesAnAncestor(node, text) {
    for (; node && node !== document.body; node = node.parentElement) {
      var ids = (node.getAttribute("aria-labelledby") || "").split(/\s+/);
      for (var i = 0; i < ids.length; i++) {
        var named = ids[i] && document.getElementById(ids[i]);
        if (named && named.textContent.trim() === text) return true;
      }
    }
    return false;
  }

  function wrap(table) {
    var parent = table.parentElement;
    if (!parent || parent.closest(".table-scroll, .scroll, [role=region]")) return;
    var region = document.createElement("div");
    region.className = "table-scroll";
    region.setAttribute("role", "region");
    region.setAttribute("tabindex", "0");
    var label = labelFor(table);
    if (label) {
      if (!label.id) label.id = "table-label-" + (++counter);
      region.setAttribute("aria-labelledby", label.id);
      // A section already named by the same heading is that landmark: a second
      // region of the same name would repeat it, so this one is a named group.
      if (namesAnAncestor(parent, label.textContent.trim())) {
        region.setAttribute("role", "group");
      }
    } else {
      region.setAttribute("aria-label", document.title);
    }
    parent.insertBefore(region, table);
    region.appendChild(table);
  }

  function wrapAll(root) {
    var tables = (root || document).querySelectorAll("main table");
    for (var i = 0; i < tables.length; i++) wrap(tables[i]);
  }

  document.addEventListener("DOMContentLoaded", function () { wrapAll(document); });
  document.addEventListener("htmx:afterSettle", function (event) { wrapAll(event.target); });
})();
