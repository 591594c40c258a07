// "What matters to me": answers are kept in this browser only (localStorage) and never sent anywhere.
// Without this script the form still works: it can be ticked, typed in and printed.
(function () {
  "use strict";
  var form = document.querySelector("form[data-what-matters]");
  if (!form) {
    return;
  }
  var KEY = "mbc-guide:what-matters";
  var status = form.querySelector("[data-status]");
  var ownQuestions = form.querySelector("textarea");
  var ownQuestionsPrint = form.querySelector("[data-own-questions-print]");

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null; // storage blocked: the form still works for this visit
    }
  }

  function fields() {
    return Array.prototype.slice.call(form.querySelectorAll("input, textarea"));
  }

  function collect() {
    var answers = {};
    fields().forEach(function (field) {
      if (field.type === "radio" || field.type === "checkbox") {
        if (field.checked) {
          answers[field.name] = (answers[field.name] || []).concat(field.value);
        }
      } else if (field.value) {
        answers[field.name] = field.value;
      }
    });
    return answers;
  }

  function apply(answers) {
    fields().forEach(function (field) {
      var saved = answers[field.name];
      if (field.type === "radio" || field.type === "checkbox") {
        field.checked = Array.isArray(saved) && saved.indexOf(field.value) !== -1;
      } else {
        field.value = typeof saved === "string" ? saved : "";
      }
    });
  }

  function chosenSubtype() {
    var chosen = form.querySelector("input[name=subtype]:checked");
    return chosen ? chosen.value : null;
  }

  // Only the chosen type's questions show; with none chosen, or "not sure", all of them do.
  function showQuestions() {
    var subtype = chosenSubtype();
    form.querySelectorAll("[data-subtype]").forEach(function (fieldset) {
      fieldset.hidden = Boolean(subtype) && subtype !== "not-sure" && fieldset.dataset.subtype !== subtype;
    });
  }

  function mirrorOwnQuestions() {
    ownQuestionsPrint.textContent = ownQuestions.value;
  }

  function say(message) {
    status.textContent = message;
  }

  function save() {
    var store = storage();
    if (store) {
      store.setItem(KEY, JSON.stringify(collect()));
      say(status.dataset.saved); // the page's words (ui_strings.yaml), in its language
    }
  }

  function restore() {
    var store = storage();
    var saved = null;
    try {
      saved = store && JSON.parse(store.getItem(KEY) || "null");
    } catch (error) {
      saved = null; // unreadable: start with an empty form
    }
    if (saved) {
      apply(saved);
      say(status.dataset.restored);
    }
    var wanted = new URLSearchParams(window.location.search).get("subtype");
    if (!chosenSubtype() && wanted) {
      var radio = form.querySelector("input[name=subtype][value=\"" + CSS.escape(wanted) + "\"]");
      if (radio) {
        radio.checked = true;
      }
    }
  }

  form.addEventListener("change", function () {
    showQuestions();
    save();
  });
  ownQuestions.addEventListener("input", function () {
    mirrorOwnQuestions();
    save();
  });
  form.addEventListener("reset", function (event) {
    event.preventDefault();
    apply({});
    var store = storage();
    if (store) {
      store.removeItem(KEY);
    }
    showQuestions();
    mirrorOwnQuestions();
    say(status.dataset.cleared);
  });
  var printButton = form.querySelector("[data-print]");
  printButton.hidden = false;
  printButton.addEventListener("click", function () {
    window.print();
  });

  restore();
  showQuestions();
  mirrorOwnQuestions();
}());
