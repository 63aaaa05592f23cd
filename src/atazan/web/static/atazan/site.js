// Behaviour the pages need beyond htmx, kept in a file so that the Content-Security-Policy allows scripts from this
// site only ('self', no 'unsafe-inline'): an inline <script> or an on…= attribute in a template would not run.

// A <select data-autosubmit> submits its form when a value is chosen (the interface language switch); without
// JavaScript the form's own button does the same.
document.addEventListener("change", function (event) {
  var field = event.target;
  if (field instanceof HTMLSelectElement && field.hasAttribute("data-autosubmit") && field.form) {
    field.form.submit();
  }
});

// Phones (issue 15): every table scrolls sideways inside its own container, never the page. The container is a
// focusable region named after the table (its caption or the heading before it) so that a keyboard can scroll it.
function atazanTablesScroll(root) {
  (root || document).querySelectorAll("main table").forEach(function (table) {
    var parent = table.parentElement;
    if (!parent || parent.classList.contains("table-scroll")) {
      return;
    }
    var box = document.createElement("div");
    box.className = "table-scroll";
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "region");
    var caption = table.querySelector("caption");
    var heading = caption ? null : table.closest("section, article, main").querySelector("h1, h2, h3");
    var name = (caption || heading || {}).textContent;
    box.setAttribute("aria-label", (name || document.title).trim().slice(0, 120));
    parent.insertBefore(box, table);
    box.appendChild(table);
  });
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", function () { atazanTablesScroll(); });
} else {
  atazanTablesScroll();
}
document.addEventListener("htmx:afterSwap", function (event) { atazanTablesScroll(event.target); });
