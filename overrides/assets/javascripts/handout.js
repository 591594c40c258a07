// A sheet printed later than the build shows the day it was printed.
window.addEventListener("beforeprint", function () {
  "use strict";
  document.querySelectorAll("time[data-print-date]").forEach(function (element) {
    var today = new Date();
    element.dateTime = today.toISOString().slice(0, 10);
    element.textContent = today.toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric"});
  });
});
