// Keep the clause when switching language: the language menu's links lead to the same page in the
// other language; this adds the current #clause, so that the other language opens at the same clause.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[hreflang].md-select__link");
  if (!link || !window.location.hash) return;
  var url = new URL(link.getAttribute("href"), window.location.href);
  url.hash = window.location.hash;
  link.setAttribute("href", url.href);
});
