// Names the search dialog (for screen readers; axe: aria-dialog-name): the theme leaves its dialog
// without a name, so it takes the name of the search box it holds ("Kërko", "Search").
(function () {
  var dialog = document.querySelector('.md-search[role="dialog"]');
  var input = dialog && dialog.querySelector(".md-search__input");
  if (dialog && input && !dialog.hasAttribute("aria-label"))
    dialog.setAttribute("aria-label", input.getAttribute("aria-label") || input.getAttribute("placeholder") || "");
})();
