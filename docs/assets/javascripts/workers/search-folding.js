/*
 * The site's search worker: Material's own worker (named in this script's URL, ?material=…), with
 * the query prepared before Material sees it. Material turns every query word into a prefix query
 * ("word*"), and lunr does not run prefix queries through the index pipeline, so the query is folded
 * here the way the index was: case and diacritics (qeverisë → qeverise, MPÇS → mpcs). Function
 * words and single letters are dropped (as prefixes, "a*" or "and*" would match almost everything),
 * and a language's lunr plugin may prepare each word further (lunr.sq.prepareWord: Albanian
 * endings). Nothing leaves the browser.
 */
(function () {
  var SETUP = 0, QUERY = 2;
  var language = "en";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function prepare(query) {
    var lunr = self.lunr;
    var plugin = lunr[language] || lunr;
    var stopWordFilter = plugin.stopWordFilter || lunr.stopWordFilter;
    return fold(query).split(/\s+/).filter(function (word) {
      if (!word || /[+\-~^*:"]/.test(word)) return !!word;            // lunr query syntax: as typed
      if (word.length === 1 && !/\d/.test(word)) return false;        // a single letter
      return stopWordFilter(new lunr.Token(word)) !== undefined;      // not a function word
    }).map(function (word) {
      return plugin.prepareWord && !/[+\-~^*:"]/.test(word) ? plugin.prepareWord(word) : word;
    }).join(" ");
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!message) return;
    if (message.type === SETUP && message.data && message.data.config)
      language = message.data.config.lang[0];
    if (message.type === QUERY && typeof message.data === "string" && self.lunr)
      message.data = prepare(message.data);
  });

  // In a real worker this script's address is self.location; from file://, where the iframe-worker
  // shim runs it in an iframe (whose address is about:blank), it is the script element's.
  var own = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : self.location.href;
  var material = new URL(own).searchParams.get("material").split("?")[0];
  importScripts(new URL(material, own).href);
})();
