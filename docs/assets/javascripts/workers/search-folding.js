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
 *
 * The lunr index is not built here: the build built it with this very worker (Node.js,
 * trafiklex/website/search_prebuilt.js) and put it in the index's config (`config.prebuilt`: the
 * terms, and for each field each document's vector, the scores ×1000). Material's Search still sets
 * up its lunr builder, but the builder's `add` only keeps the document and its `build` returns the
 * index made from the prebuilt one, as lunr's own `build` would have made it. What a query needs is
 * made when a query first needs it: a term's postings, a document's vectors, and the positions of the
 * words of a field where a query found a word (lunr's metadata, for Material's highlighting) with
 * Material's position table of the field, by the builder's own extractors, tokenizer and pipeline. Results, scores and highlighting are a built index's.
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

  // The index Material's Search is about to build, made from the prebuilt one instead (see above)
  function usePrebuilt(lunr, prebuilt, config, docs) {
    var fields = Object.keys(config.fields);
    var vectors = prebuilt.lunr === lunr.version && prebuilt.fields.join("\n") === fields.join("\n")
      && prebuilt.vectors.length === fields.length
      && prebuilt.vectors.map(function (text) { return decode(text, docs.length, prebuilt.terms.length); });
    if (!vectors || vectors.indexOf(null) >= 0) {
      console.warn("search: the prebuilt index does not fit this worker; building it");
      return;
    }
    var Builder = lunr.Builder.prototype, add = Builder.add, build = Builder.build, added = [];
    Builder.add = function (doc) { added.push(doc); };
    Builder.build = function () {
      Builder.add = add;
      Builder.build = build;
      return prebuiltIndex(lunr, this, prebuilt.terms, vectors, added);
    };
  }

  // A field's vectors, "t,s,t,s;t,s;…" (a document's terms' numbers, each the difference from the one
  // before, and scores ×1000; documents separated by ";"): the numbers (the terms' made whole) and
  // where each document's start; null unless there are `count` documents and `terms` terms
  function decode(text, count, terms) {
    var numbers = new Int32Array((text.length >> 1) + 1), starts = new Int32Array(count + 1);
    for (var i = 0, n = 0, d = 0, value = -1, term = 0; i <= text.length; i++) {
      var c = i < text.length ? text.charCodeAt(i) : 59;
      if (c >= 48 && c <= 57) {
        value = value < 0 ? c - 48 : value * 10 + c - 48;
        continue;
      }
      if (value >= 0) {
        numbers[n] = n % 2 ? value : (term += value);
        if (term >= terms) return null;
        n++;
      }
      value = -1;
      if (c === 59) {
        if (d === count || (n - starts[d]) % 2) return null;
        starts[++d] = n;
        term = 0;
      } else if (c !== 44) return null;
    }
    return d === count ? {numbers: numbers, starts: starts} : null;
  }

  // What lunr's Builder would build from `docs`, from the prebuilt index. Made as a query needs it:
  // a term's postings when a query finds the term, a document's vectors when a query scores it,
  // its words' positions and Material's position tables when a query finds it.
  function prebuiltIndex(lunr, builder, terms, vectors, docs) {
    var fields = Object.keys(builder._fields);
    var refs = docs.map(function (doc) { return doc[builder._ref]; }), number = new Map();
    refs.forEach(function (ref, d) { number.set(ref, d); });
    var having = vectors.map(function (vector) {  // field → the documents having each term, in order
      var numbers = vector.numbers, end = vector.starts[docs.length], starts = new Int32Array(terms.length + 1);
      for (var i = 0; i < end; i += 2) starts[numbers[i] + 1]++;
      for (var t = 0; t < terms.length; t++) starts[t + 1] += starts[t];
      var next = starts.slice(0, terms.length), list = new Int32Array(end >> 1);
      for (var d = 0; d < docs.length; d++)
        for (i = vector.starts[d]; i < vector.starts[d + 1]; i += 2) list[next[numbers[i]]++] = d;
      return {starts: starts, list: list};
    });
    var none = Object.freeze(Object.create(null)), postings = Object.create(null);  // (positions: see query)
    fields.forEach(function (field, f) {
      Object.defineProperty(postings, field, {get: function () {
        var posting = Object.create(null), of = having[f];
        for (var i = of.starts[this._index]; i < of.starts[this._index + 1]; i++) posting[refs[of.list[i]]] = none;
        Object.defineProperty(this, field, {value: posting, writable: true, enumerable: true, configurable: true});
        return posting;
      }});
    });
    var invertedIndex = Object.create(null);
    terms.forEach(function (term, t) {
      invertedIndex[term] = Object.create(postings);
      invertedIndex[term]._index = t;
    });
    var made = Object.create(null), keys = null;
    function vector(key) {  // "field/ref", as lunr.FieldRef writes it
      if (!(key in made)) {
        var cut = key.indexOf("/"), f = fields.indexOf(key.slice(0, cut)), d = number.get(key.slice(cut + 1));
        if (cut < 0 || f < 0 || d === undefined) return undefined;
        var numbers = vectors[f].numbers, start = vectors[f].starts[d], elements = new Array(vectors[f].starts[d + 1] - start);
        for (var i = 0; i < elements.length; i += 2) {
          elements[i] = numbers[start + i];
          elements[i + 1] = numbers[start + i + 1] / 1000;  // (lunr keeps Math.round(score * 1000) / 1000)
        }
        made[key] = new lunr.Vector(elements);
      }
      return made[key];
    }
    var fieldVectors = new Proxy(Object.create(null), {
      get: function (target, key) { return typeof key === "string" ? vector(key) : undefined; },
      has: function (target, key) { return typeof key === "string" && vector(key) !== undefined; },
      ownKeys: function () {  // (in lunr's order: by document, then by field)
        return (keys = keys || [].concat.apply([], refs.map(function (ref) {
          return fields.map(function (field) { return field + "/" + ref; });
        }))).slice();
      },
      getOwnPropertyDescriptor: function (target, key) {
        var found = typeof key === "string" && vector(key);
        return found ? {value: found, writable: true, enumerable: true, configurable: true} : undefined;
      }
    });
    var index = new lunr.Index({
      invertedIndex: invertedIndex, fieldVectors: fieldVectors,
      tokenSet: lunr.TokenSet.fromArray(Object.keys(invertedIndex).sort()),
      fields: Object.keys(builder._fields), pipeline: builder.searchPipeline
    });
    var positions = Object.create(null);  // "ref:field" → term → its positions, as lunr's add keeps them
    function positionsOf(ref, name) {
      var key = ref + ":" + name;
      if (!positions[key]) {
        var of = positions[key] = Object.create(null), doc = docs[number.get(ref)];
        var table = lunr.tokenizer.table, extractor = builder._fields[name].extractor;
        var value = extractor ? extractor(doc) : doc[name];  // (Material's registers the field's position table)
        if (value !== undefined) {
          if (lunr.tokenizer.table === table) lunr.tokenizer.table = [];
          var words = builder.pipeline.run(builder.tokenizer(value, {fields: [name]}));
          for (var w = 0; w < words.length; w++)
            (of[words[w].toString()] = of[words[w].toString()] || []).push(words[w].metadata.position);
        }
        lunr.tokenizer.table = table;
      }
      return positions[key];
    }
    index.query = function (fn) {
      var results = lunr.Index.prototype.query.call(this, fn);
      for (var r = 0; r < results.length; r++) {
        var metadata = results[r].matchData.metadata;
        for (var word in metadata)
          for (var field in metadata[word]) {
            var match = Object.create(null);
            match.position = (positionsOf(results[r].ref, field)[word] || []).slice();
            metadata[word][field] = match;
          }
      }
      return results;
    };
    return index;
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!message) return;
    if (message.type === SETUP && message.data && message.data.config) {
      language = message.data.config.lang[0];
      if (self.lunr) useFoldingTrimmer(self.lunr);  // before Material builds the index
      if (self.lunr && message.data.config.prebuilt)
        usePrebuilt(self.lunr, message.data.config.prebuilt, message.data.config, message.data.docs);
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
