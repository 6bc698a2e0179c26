// An institution's page: its obligations (every table.obligations of the page) filtered by topic, in
// the browser. Without the script the form stays hidden and every obligation is shown. Nothing
// leaves the page and nothing is stored.
(function () {
  function start() {
    var form = document.querySelector("form.topic-filter");
    if (!form) return;
    var rows = Array.prototype.slice.call(document.querySelectorAll("table.obligations tbody tr[data-topics]"));
    var output = form.querySelector("output.shown");
    form.hidden = false;

    function update() {
      var topic = form.elements.topic.value, shown = 0;
      rows.forEach(function (row) {
        var visible = !topic || row.dataset.topics.split(" ").indexOf(topic) >= 0;
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      output.value = output.dataset.template.replace("{n}", shown).replace("{total}", rows.length);
      form.dataset.shown = String(shown);
    }

    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);  // (it comes before the tables)
  else start();
})();
