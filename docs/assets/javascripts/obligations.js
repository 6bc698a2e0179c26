// The "what is due" table: filter by institution, document/section, deadline and topic, and sort by
// deadline, in the browser. Nothing leaves the page and nothing is stored.
(function () {
  var form = document.querySelector("form.due-filters");
  var table = document.querySelector("table.due");
  if (!form || !table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var output = form.querySelector("output.shown");
  var sortButton = form.querySelector("button.sort-deadline");
  form.hidden = false;

  function matches(row) {
    var institution = form.elements.institution.value;
    var section = form.elements.section.value;
    var deadline = form.elements.deadline.value;
    var topic = form.elements.topic ? form.elements.topic.value : "";
    if (institution && row.dataset.institutions.split(" ").indexOf(institution) < 0) return false;
    if (section && row.dataset.section !== section && row.dataset.section.indexOf(section + ":") !== 0) return false;
    if (deadline && row.dataset.deadline !== deadline) return false;
    if (topic && (row.dataset.topics || "").split(" ").indexOf(topic) < 0) return false;
    return true;
  }

  function update() {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = matches(row);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    var sorted = rows.slice();
    if (sortButton.getAttribute("aria-pressed") === "true") {
      sorted.sort(function (a, b) {
        return a.dataset.sort < b.dataset.sort ? -1 : a.dataset.sort > b.dataset.sort ? 1 : a.dataset.order - b.dataset.order;
      });
    } else {
      sorted.sort(function (a, b) { return a.dataset.order - b.dataset.order; });
    }
    sorted.forEach(function (row) { body.appendChild(row); });
    output.value = output.dataset.template.replace("{n}", shown).replace("{total}", rows.length);
    table.dataset.shown = String(shown);
  }

  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  sortButton.addEventListener("click", function () {
    var pressed = sortButton.getAttribute("aria-pressed") === "true";
    sortButton.setAttribute("aria-pressed", pressed ? "false" : "true");
    update();
  });
  update();
})();
