// "Cite this clause": each clause marked at build time with data-cite (its citation, built from the
// data) and data-other (the same clause in each other language) gets a small button, shown on hover
// and on keyboard focus, and always on a screen without hover (screens.css). A click, a tap, Enter or
// Space opens its menu: copy the permalink, copy the citation, copy the standard identifier (data-uri:
// the clause's portion URI, /akn/al/…/~<id>), or open the clause in another language; Escape, a click
// or tap outside it, or the button again closes it. Copies are announced to screen readers. No server,
// nothing stored.
(function () {
  var data = document.getElementById("__words");  // the page's words, from the catalog (overrides/main.html)
  if (!data) return;
  var page = JSON.parse(data.textContent);
  var words = page.cite;
  var clauses = document.querySelectorAll("article [data-cite]");
  if (!clauses.length) return;

  var status = document.createElement("div");
  status.className = "cite-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  var menu = document.createElement("div");
  menu.className = "cite-menu";
  menu.id = "cite-menu";
  menu.setAttribute("role", "menu");
  menu.hidden = true;
  menu.innerHTML =
    '<button type="button" role="menuitem" data-action="link"></button>' +
    '<button type="button" role="menuitem" data-action="citation"></button>' +
    '<button type="button" role="menuitem" data-action="identifier"></button>';
  menu.querySelector('[data-action="link"]').textContent = words.link;
  menu.querySelector('[data-action="citation"]').textContent = words.citation;
  menu.querySelector('[data-action="identifier"]').textContent = words.identifier;
  document.body.appendChild(menu);
  var current = null;  // the button whose menu is open

  function permalink(clause) {
    return window.pageAddress() + "#" + clause.id;  // print-edition.js
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext)
      return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");  // file:// and other insecure contexts
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "cite-copy-area";
    document.body.appendChild(area);
    area.select();
    var done = document.execCommand("copy");
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  function announce(text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function close(returnFocus) {
    if (!current) return;
    menu.hidden = true;
    current.setAttribute("aria-expanded", "false");
    if (returnFocus) current.focus();
    current = null;
  }

  function open(button) {
    var clause = button.cite;
    current = button;
    button.setAttribute("aria-expanded", "true");
    // one item per other language: data-other and data-other-lang list them in the same order
    Array.prototype.forEach.call(menu.querySelectorAll('[data-action="other"]'), function (item) { item.remove(); });
    var links = clause.dataset.other.split(" "), languages = clause.dataset.otherLang.split(" ");
    languages.forEach(function (code, i) {
      var other = document.createElement("a");
      other.setAttribute("role", "menuitem");
      other.dataset.action = "other";
      other.href = links[i];
      other.hreflang = code;
      other.textContent = words.other.replace("{language}", page.language_name[code]);
      menu.appendChild(other);
    });
    menu.setAttribute("aria-label", words.menu + clause.dataset.cite);
    var box = button.getBoundingClientRect();
    menu.style.top = (window.scrollY + box.bottom + 4) + "px";
    menu.style.left = "0px";
    menu.hidden = false;
    // under the button, its right edge at the button's, and inside the screen however narrow
    var room = document.documentElement.clientWidth - menu.offsetWidth - 8;
    menu.style.left = (window.scrollX + Math.max(8, Math.min(box.right - menu.offsetWidth, room))) + "px";
    menu.querySelector("[role=menuitem]").focus();
  }

  Array.prototype.forEach.call(clauses, function (clause) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-button";
    button.textContent = words.cite;
    button.setAttribute("aria-haspopup", "menu");
    button.setAttribute("aria-controls", menu.id);
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-label", words.menu + clause.dataset.cite);
    button.cite = clause;
    var host = clause;
    if (clause.tagName === "TR") host = clause.cells[clause.cells.length - 1];
    if (clause.tagName === "TBODY") host = clause.rows[0].cells[0];
    host.appendChild(button);
    button.addEventListener("click", function (event) {
      event.stopPropagation();
      if (current === button) close(true); else { close(false); open(button); }
    });
  });

  menu.addEventListener("click", function (event) {
    var item = event.target.closest("[data-action]");
    if (!item || !current) return;
    var clause = current.cite;
    if (item.dataset.action === "other") { close(false); return; }
    event.preventDefault();
    var action = item.dataset.action;
    var text = action === "link" ? permalink(clause) : action === "identifier" ? clause.dataset.uri : clause.dataset.cite;
    copy(text).then(function () {
      announce(words["copied_" + action]);
    }, function () { announce(words.failed); });
    close(true);
  });

  menu.addEventListener("keydown", function (event) {
    var items = Array.prototype.slice.call(menu.querySelectorAll("[role=menuitem]"));
    var index = items.indexOf(document.activeElement);
    if (event.key === "Escape") { event.preventDefault(); close(true); }
    else if (event.key === "ArrowDown") { event.preventDefault(); items[(index + 1) % items.length].focus(); }
    else if (event.key === "ArrowUp") { event.preventDefault(); items[(index + items.length - 1) % items.length].focus(); }
    else if (event.key === "Tab") close(true);  // from the button, Tab then goes on to what follows it
  });

  // closed by a click or a tap anywhere else (a tap on some phones sends no click to a plain element,
  // hence pointerdown), and by Escape wherever the focus is (on the button too)
  function outside(event) {
    if (current && !menu.contains(event.target) && !current.contains(event.target)) close(false);
  }
  document.addEventListener("click", outside);
  document.addEventListener("pointerdown", outside);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current && !menu.contains(document.activeElement)) {
      event.preventDefault();
      close(true);
    }
  });
})();
