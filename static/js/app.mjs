import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();

// Wide tables scroll inside their own box on a phone or tablet, rather than the whole page
// scrolling sideways; a box that does scroll can be reached and scrolled with the keyboard.
for (const table of document.querySelectorAll("main table")) {
  let wrap = table.closest(".table-wrap");
  if (!wrap) {
    wrap = document.createElement("div");
    wrap.className = "table-wrap";
    table.before(wrap);
    wrap.append(table);
  }
  if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
    const caption = table.querySelector("caption");
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", (caption ? caption.textContent.trim() + ", " : "") + "table, scrolls sideways");
    // Said on the page too: a table cut off at the edge of the screen does not show that it goes on.
    const hint = document.createElement("p");
    hint.className = "govuk-body-s table-wrap__hint";
    hint.textContent = "This table is wider than the screen: scroll it sideways to see every column.";
    wrap.before(hint);
  }
}
