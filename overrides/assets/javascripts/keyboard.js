// Material opens its menu and search with <label>s, which a keyboard cannot reach. Put real buttons in their
// place: focusable, named, with their state, opened with Enter, Space or a click.
(function () {
  var names = {__drawer: "Menu", __search: "Search"};
  var setToggle = function (toggle, open) {
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change", {bubbles: true}));
  };
  document.querySelectorAll('.md-header label.md-header__button[for="__drawer"], .md-header label.md-header__button[for="__search"]')
    .forEach(function (label) {
      var toggle = document.getElementById(label.htmlFor);
      if (!toggle) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className;
      button.dataset.toggles = label.htmlFor;
      button.innerHTML = label.innerHTML;
      button.setAttribute("aria-label", names[label.htmlFor]);
      var showState = function () { button.setAttribute("aria-expanded", String(toggle.checked)); };
      showState();
      toggle.addEventListener("change", showState);
      button.addEventListener("click", function () {
        setToggle(toggle, !toggle.checked);
        if (toggle.checked && label.htmlFor === "__drawer") {
          var first = document.querySelector(".md-sidebar--primary a[href]");
          if (first) setTimeout(function () { first.focus(); }, 50);
        }
      });
      label.replaceWith(button);
    });
  // Tabbing out of the search box closes its results, which would otherwise cover the page.
  document.addEventListener("focusin", function (event) {
    var search = document.getElementById("__search");
    if (search && search.checked && !event.target.closest(".md-search, [data-toggles='__search']")) {
      setToggle(search, false);
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
      setToggle(drawer, false);
      var button = document.querySelector('.md-header [data-toggles="__drawer"]');
      if (button) button.focus();
    }
  });
})();
