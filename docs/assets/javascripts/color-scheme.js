// The colour scheme follows the system setting (light or dark), now and whenever it changes. The
// schemes are mkdocs.yml's theme.palette, written into the page by overrides/partials/palette.html;
// this script is loaded right after them, at the top of the page, so that a dark system never shows
// the light scheme first. Material's own palette control is not used: it keeps the reader's choice
// in the browser's storage, and this site keeps nothing there.
(function () {
  var options = document.querySelectorAll(".trafiklex-palette [data-md-color-media]");
  var queries = Array.prototype.map.call(options, function (option) {
    return window.matchMedia(option.getAttribute("data-md-color-media"));
  });

  function apply() {
    for (var i = 0; i < options.length; i++) {
      if (!queries[i].matches) continue;
      ["scheme", "primary", "accent"].forEach(function (key) {
        document.body.setAttribute("data-md-color-" + key, options[i].getAttribute("data-md-color-" + key));
      });
      return;
    }
  }

  apply();
  queries.forEach(function (query) { query.addEventListener("change", apply); });
})();
