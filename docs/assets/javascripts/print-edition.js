// The printed page ends with its permalink: the address it was opened at (without search terms).
(function () {
  var permalink = document.querySelector(".print-edition .permalink");
  if (permalink) permalink.textContent = location.href.split("?")[0].split("#")[0];
})();
