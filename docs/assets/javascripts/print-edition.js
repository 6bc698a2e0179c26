// The page's permanent address, and the printed page's last line that shows it. The address is the
// one the page was opened at, without search terms; but a page opened from the offline copy
// (file://) gives the published address instead (its canonical link, from SITE_URL), unless the
// site was built for this machine only (localhost).
window.pageAddress = function () {
  var canonical = document.querySelector('link[rel="canonical"]');
  if (location.protocol === "file:" && canonical && !/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(canonical.href))
    return canonical.href.split("#")[0];
  return location.href.split("?")[0].split("#")[0];
};

(function () {
  var permalink = document.querySelector(".print-edition .permalink");
  if (permalink) permalink.textContent = window.pageAddress();
})();
