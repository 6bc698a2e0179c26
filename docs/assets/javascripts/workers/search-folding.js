/*
 * The site's search worker: Material's own worker (named in this script's URL, ?material=…), with
 * the query prepared before Material sees it. Material turns every query word into a prefix query
 * ("word*"), and lunr does not run prefix queries through the index pipeline, so the query is folded
 * here the way the index was: case and diacritics (qeverisë → qeverise, MPÇS → mpcs). Function
 * words and single letters are dropped (as prefixes, "a*" or "and*" would match almost everything);
 * a number of one or two digits ("Annex 1", "neni 5") is looked up as that number, not as a prefix ("1*" would
 * match 110/1, 128/b's rows and every date); and each word may be prepared further for its
 * language: Albanian endings (lunr.sq.prepareWord), English plurals (englishWord).
 *
 * The English index folds diacritics too (names and Albanian words are printed in the English text:
 * Vlorë, Policisë): lunr's English trimmer, which would cut "Vlorë" to "vlor", is replaced by one
 * that folds and trims the way lunr.sq does. Nothing leaves the browser.
 */
(function () {
  var SETUP = 0, QUERY = 2;
  var language = "en";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // a plural to its singular, "shelters" → "shelter", "agencies" → "agenc", "boxes" → "box": the
  // prefix then finds both (the index is not stemmed; -ing and -ed are kept, they narrow the topic)
  function englishWord(word) {
    if (!/^[a-z]+$/.test(word)) return word;
    var rules = [[/ies$/, ""], [/(ss|x|z|ch|sh)es$/, "$1"], [/([^su])s$/, "$1"]];
    for (var i = 0; i < rules.length; i++) {
      var shorter = word.replace(rules[i][0], rules[i][1]);
      if (shorter !== word) return shorter.length >= 4 ? shorter : word;
    }
    return word;
  }
  var PREPARE_WORD = {en: englishWord};

  // lunr() puts lunr.trimmer first in an English index's pipeline; this one folds as well
  function useFoldingTrimmer(lunr) {
    if (lunr.trimmer.label === "foldingTrimmer") return;
    var foldingTrimmer = function (token) {
      return token.update(function (text) {
        return fold(text).replace(/^[^\p{L}\p{N}]+/u, "").replace(/[^\p{L}\p{N}]+$/u, "");
      });
    };
    lunr.Pipeline.registerFunction(foldingTrimmer, "foldingTrimmer");
    lunr.trimmer = foldingTrimmer;
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
      if (/[+\-~^*:"]/.test(word)) return word;
      if (/^\d{1,2}$/.test(word)) return word + "^1";                 // a small number: that number, no prefix
      var prepareWord = plugin.prepareWord || PREPARE_WORD[language];
      return prepareWord ? prepareWord(word) : word;
    }).join(" ");
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!message) return;
    if (message.type === SETUP && message.data && message.data.config) {
      language = message.data.config.lang[0];
      if (self.lunr) useFoldingTrimmer(self.lunr);  // before Material builds the index
    }
    if (message.type === QUERY && typeof message.data === "string" && self.lunr)
      message.data = prepare(message.data);
  });

  // In a real worker this script's address is self.location; from file://, where the iframe-worker
  // shim runs it in an iframe (whose address is about:blank), it is the script element's.
  var own = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : self.location.href;
  var material = new URL(own).searchParams.get("material").split("?")[0];
  importScripts(new URL(material, own).href);
})();
