// A sheet printed later than the build shows the day it was printed.
window.addEventListener("beforeprint", function () {
  "use strict";
  // In the page's language: 30 November 2026, or 2026년 11월 30일 on a Korean page.
  var locale = document.documentElement.lang === "ko" ? "ko-KR" : "en-GB";
  document.querySelectorAll("time[data-print-date]").forEach(function (element) {
    var today = new Date();
    element.dateTime = today.toISOString().slice(0, 10);
    element.textContent = today.toLocaleDateString(locale, {day: "numeric", month: "long", year: "numeric"});
  });
});
