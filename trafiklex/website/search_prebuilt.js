// The lunr index of one language's search, built at build time by the site's own search worker
// (trafiklex/website/search_prebuilt.py runs this with Node.js): the worker the browser runs
// (assets/javascripts/workers/search-folding.js, which imports Material's worker, which imports
// lunr.sq), run here under a small stand-in for a worker's globals, is given the index as the browser
// would give it (Material's SETUP message); the lunr index its Search builds is caught as lunr's
// Builder returns it, and written in the compact form search-folding.js makes it from again: the
// terms in lunr's order, and for each field one text of every document's vector (documents
// separated by ";", numbers by ","): each term's number (as the difference from the one before it)
// and its score ×1000 (lunr rounds scores to three decimals). (A text, not arrays: the browser
// parses and hands it to the worker as one string; by field: the same field of like documents is
// alike, and so compresses best.)
// Anything unexpected (a document added twice, an inverted index that the vectors do not give
// exactly) stops with a message: the browser must get the very index it would have built.
//
// usage: node search_prebuilt.js SITE/assets/javascripts/workers < search_index.json > prebuilt.json
"use strict";
const fs = require("fs");
const path = require("path");
const url = require("url");
const vm = require("vm");

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main() {
  const workers = process.argv[2];
  const index = JSON.parse(fs.readFileSync(0, "utf8"));
  const material = fs.readdirSync(workers).filter(name => /^search\.\w+\.min\.js$/.test(name));
  if (material.length !== 1) fail(`${workers}: the theme's search worker is not one file: ${material.join(", ") || "none found"}`);
  const own = url.pathToFileURL(path.join(workers, "search-folding.js")).href;
  const listeners = [], posted = [];
  Object.assign(globalThis, {
    self: globalThis,
    location: {href: `${own}?material=${material[0]}`},
    addEventListener: (type, listener) => { if (type === "message") listeners.push(listener); },
    postMessage: message => posted.push(message),
    importScripts: (...addresses) => {
      for (const address of addresses) {
        const file = url.fileURLToPath(new URL(address, globalThis.location.href));
        vm.runInThisContext(fs.readFileSync(file, "utf8"), {filename: file});
      }
    },
  });
  globalThis.importScripts("search-folding.js");
  const lunr = globalThis.lunr;
  if (!lunr || !lunr.Builder) fail(`${workers}: the search worker did not load lunr`);
  let built = null;
  const build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () { return built = build.call(this); };
  const event = {data: {type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}}};
  for (const listener of listeners) await listener(event);
  if (!built || !posted.length || posted[posted.length - 1].type !== 1) fail("the search worker did not build an index");

  const fields = built.fields, refs = index.docs.map(doc => doc.location);
  if (new Set(refs).size !== refs.length) fail("the search index has two documents with one location");
  const terms = [];
  for (const term in built.invertedIndex) terms[built.invertedIndex[term]._index] = term;
  const vectors = fields.map(() => []), postings = Object.create(null), order = [];
  for (const ref of refs)
    fields.forEach((field, f) => {
      const key = `${field}/${ref}`, elements = built.fieldVectors[key].elements, packed = [];
      order.push(key);
      for (let i = 0, previous = 0; i < elements.length; i += 2) {
        const score = Math.round(elements[i + 1] * 1000);
        if (score / 1000 !== elements[i + 1] || score < 0 || score > 2 ** 31 - 1)
          fail(`${key}: a score that is not a positive number of three decimals: ${elements[i + 1]}`);
        packed.push(elements[i] - previous, score);
        previous = elements[i];
        const termField = `${terms[elements[i]]}/${field}`;
        (postings[termField] = postings[termField] || []).push(ref);
      }
      vectors[f].push(packed.join(","));
    });
  if (Object.keys(built.fieldVectors).join("\n") !== order.join("\n"))
    fail("the index's vectors are not in the order of the documents and fields");
  for (const term of terms)
    for (const field of fields)
      if (Object.keys(built.invertedIndex[term][field]).join("\n") !== (postings[`${term}/${field}`] || []).join("\n"))
        fail(`the inverted index of ${JSON.stringify(term)} in ${field} is not what the vectors give`);
  process.stdout.write(JSON.stringify({lunr: lunr.version, fields, terms, vectors: vectors.map(docs => docs.join(";"))}));
}

main().catch(error => fail(error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)));
