/* Check-in at the door: filter the day's list as you type, mark arrivals without reloading the page.
   Without this file the page still works: the search is a GET form and each button a POST form. */
(function () {
  "use strict";
  var list = document.getElementById("checkin-list");
  var input = document.getElementById("checkin-q");
  var counts = document.getElementById("checkin-counts");
  var empty = document.getElementById("checkin-empty");
  var script = document.currentScript || document.querySelector("script[src$='checkin.js']");
  if (!list || !input || !script) {
    return;
  }
  document.documentElement.classList.add("js");
  var labels = script.dataset;
  var FOLDS = { "ł": "l", "đ": "d", "ø": "o", "ı": "i", "ß": "ss" };

  // "zolc" finds Żółć, "gyorffy" finds Győrffy: no case, no accents.
  function normalise(text) {
    return text
      .toLocaleLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[łđøıß]/g, function (ch) { return FOLDS[ch]; });
  }

  var rows = Array.prototype.slice.call(list.querySelectorAll("[data-search]"));
  rows.forEach(function (row) { row.searchText = normalise(row.dataset.search); });
  var serverQuery = input.value;

  function filter() {
    if (serverQuery && input.value.trim() === "") {
      // The list was filtered by the server (a search sent without JavaScript): fetch the whole day.
      window.location.assign(input.form.action);
      return;
    }
    var terms = normalise(input.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var match = terms.every(function (term) { return row.searchText.indexOf(term) !== -1; });
      row.hidden = !match;
      if (match) { shown += 1; }
    });
    if (empty) {
      empty.hidden = shown > 0;
      if (shown === 0 && terms.length) { empty.textContent = labels.noMatch; }
    }
  }

  var timer = null;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(filter, 120);
  });
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    filter();
    input.blur(); // closes the phone's keyboard, so the list is visible
  });

  function show(form, arrived, arrival) {
    var row = form.closest(".checkin__row");
    var button = form.querySelector("button");
    var name = button.dataset.name || "";
    form.querySelector("input[name=arrived]").value = arrived ? "0" : "1";
    row.classList.toggle("checkin__row--arrived", arrived);
    button.textContent = arrived ? form.dataset.labelUndo : form.dataset.labelArrive;
    button.setAttribute("aria-label", (arrived ? labels.labelUndoName : labels.labelArriveName).replace("%(name)s", name));
    button.classList.toggle("btn-primary", !arrived);
    button.classList.toggle("btn-outline-secondary", arrived);
    var time = row.querySelector("[data-arrival]");
    if (time) { time.textContent = arrival; }
  }

  list.addEventListener("submit", function (event) {
    var form = event.target.closest(".checkin__mark");
    if (!form || !window.fetch) { return; }
    event.preventDefault();
    var button = form.querySelector("button");
    if (button.getAttribute("aria-busy") === "true") { return; }
    button.setAttribute("aria-busy", "true");
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      })
      .then(function (result) {
        if (!result.ok) {
          window.alert(result.data.error || labels.error);
          return;
        }
        show(form, result.data.arrived, result.data.arrival);
        if (counts) { counts.textContent = result.data.counts; }
        if (result.data.arrived && input.value) {
          // Ready for the next person: the search is cleared and the whole day shown again.
          input.value = "";
          filter();
        }
      })
      .catch(function () { window.alert(labels.error); })
      .then(function () { button.removeAttribute("aria-busy"); });
  });
})();
