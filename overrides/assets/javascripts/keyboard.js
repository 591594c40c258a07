// Material opens its menu and search with <label>s, which a keyboard cannot reach. Make them real buttons:
// focusable, named, with their state, and opened with Enter or Space.
(function () {
  var names = {__drawer: "Menu", __search: "Search"};
  document.querySelectorAll('.md-header label.md-header__button[for="__drawer"], .md-header label.md-header__button[for="__search"]')
    .forEach(function (label) {
      var toggle = document.getElementById(label.htmlFor);
      if (!toggle) return;
      label.tabIndex = 0;
      label.setAttribute("role", "button");
      label.setAttribute("aria-label", names[label.htmlFor]);
      var showState = function () { label.setAttribute("aria-expanded", String(toggle.checked)); };
      showState();
      toggle.addEventListener("change", showState);
      label.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        toggle.checked = !toggle.checked;
        toggle.dispatchEvent(new Event("change", {bubbles: true}));
        showState();
        if (toggle.checked && label.htmlFor === "__drawer") {
          var first = document.querySelector(".md-sidebar--primary a[href]");
          if (first) first.focus();
        }
      });
    });
  // Tabbing out of the search box closes its results, which would otherwise cover the page.
  document.addEventListener("focusin", function (event) {
    var search = document.getElementById("__search");
    if (search && search.checked && !event.target.closest(".md-search, label[for='__search']")) {
      search.checked = false;
      search.dispatchEvent(new Event("change", {bubbles: true}));
    }
  });
  // Escape closes an open menu and returns focus to its button, and hides an open tooltip (WCAG 1.4.13).
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      document.querySelectorAll(".md-tooltip2--active").forEach(function (tooltip) {
        tooltip.classList.remove("md-tooltip2--active");
      });
    }
    var drawer = document.getElementById("__drawer");
    if (event.key === "Escape" && drawer && drawer.checked) {
      drawer.checked = false;
      drawer.dispatchEvent(new Event("change", {bubbles: true}));
      var button = document.querySelector('.md-header label[for="__drawer"]');
      if (button) button.focus();
    }
  });
})();
