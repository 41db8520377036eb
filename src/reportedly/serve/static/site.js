// reportedly's pages work without this script; it only shows an attribution's details (the
// list beside the text) as a tooltip by a mark under the pointer or the keyboard focus.
"use strict";

(function () {
  const tooltip = document.createElement("div");
  tooltip.className = "tooltip";
  tooltip.id = "attribution-tooltip";
  tooltip.setAttribute("role", "tooltip");
  tooltip.hidden = true;

  // The details element a mark describes itself by (aria-describedby: the list's entry).
  function detailsOf(mark) {
    const id = mark.getAttribute("aria-describedby");
    return id ? document.getElementById(id) : null;
  }

  function show(mark) {
    const details = detailsOf(mark);
    if (!details) {
      return;
    }
    // A copy of the server's escaped entry: no text is ever parsed as HTML here.
    tooltip.replaceChildren(...Array.from(details.childNodes, (child) => child.cloneNode(true)));
    tooltip.className = "tooltip " + Array.from(details.classList).filter((name) => name.startsWith("speaker-")).join(" ");
    tooltip.dataset.attribution = mark.dataset.attribution;
    tooltip.hidden = false;
    const box = mark.getBoundingClientRect();
    tooltip.style.left = `${window.scrollX + box.left}px`;
    tooltip.style.top = `${window.scrollY + box.bottom + 6}px`;
  }

  function hide() {
    tooltip.hidden = true;
  }

  function markAt(target) {
    return target instanceof Element ? target.closest("mark[data-attribution]") : null;
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.body.append(tooltip);
    // The native title tooltip would show beside this one.
    for (const mark of document.querySelectorAll("mark[data-attribution][title]")) {
      mark.dataset.title = mark.title;
      mark.removeAttribute("title");
    }
    document.addEventListener("mouseover", (event) => {
      const mark = markAt(event.target);
      if (mark) {
        show(mark);
      } else if (!tooltip.contains(event.target)) {
        hide();
      }
    });
    document.addEventListener("focusin", (event) => {
      const mark = markAt(event.target);
      if (mark) {
        show(mark);
      } else {
        hide();
      }
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        hide();
      }
    });
  });
})();
