// Preview only (never in the published site): list the current build errors over the page, as Vite and Hugo do.
// The preview writes /_preview/errors.json after every build; the page reloads after every build.
(function () {
  "use strict";
  fetch("/_preview/errors.json", { cache: "no-store" })
    .then(function (response) { return response.ok ? response.json() : { errors: [], warnings: [] }; })
    .then(function (state) {
      if (!state.errors.length) { return; }
      var panel = document.createElement("section");
      panel.id = "preview-errors";
      panel.setAttribute("role", "alert");
      panel.setAttribute("aria-labelledby", "preview-errors-title");
      panel.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:10000;" +
        "background:#fff;color:#000;border-top:4px solid #b00020;padding:1rem;font:16px/1.5 system-ui,sans-serif;" +
        "box-shadow:0 -4px 16px rgba(0,0,0,.3)";
      var title = document.createElement("h2");
      title.id = "preview-errors-title";
      title.style.cssText = "margin:0 0 .5rem;font-size:1rem;line-height:1.4;color:#b00020";
      title.textContent = "The last save has " + state.errors.length + (state.errors.length === 1 ? " error" : " errors") +
        ". This page is the last good build. Fix the lines below and save.";
      var list = document.createElement("ul");
      list.style.cssText = "margin:0;padding-left:1.2rem;font-family:ui-monospace,monospace;white-space:pre-wrap";
      state.errors.forEach(function (line) {
        var item = document.createElement("li");
        item.textContent = line;
        list.appendChild(item);
      });
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "Hide until the next save";
      close.style.cssText = "margin-top:.75rem;font:inherit;padding:.25rem .75rem";
      close.addEventListener("click", function () { panel.remove(); });
      panel.append(title, list, close);
      document.body.appendChild(panel);
    })
    .catch(function () { /* no error list: nothing to show */ });
})();
