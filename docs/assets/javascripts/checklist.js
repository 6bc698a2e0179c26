// The victim identification checklist (Annex 1). The rules come from the page, as JSON made from
// data/screening.yml by trafiklex/queries/screening_rules.py, and are evaluated here exactly as that module
// evaluates them (tests/screening_cases.yml is run against both).
//
// Private by design: nothing typed or ticked leaves the page or is kept. No request, no cookie, no
// storage of any kind, no change to the address or the history; the form never submits (its method
// is "dialog" and submission is cancelled), its text fields have no name, and it is emptied when the
// page is left.
(function () {
  var tool = document.querySelector(".checklist-tool");
  if (!tool) return;
  var form = tool.querySelector("form.checklist");
  var page = JSON.parse(tool.querySelector("script.checklist-rules").textContent);
  var model = page.rules;
  var words = page.words;
  var COUNTER = "may_not";

  // --- the rules: the same steps as trafiklex/queries/screening_rules.py -----------------------------------

  function routing(given) {
    var order = model.questions.map(function (q) { return q.id; });
    var outcomes = [];
    var skipped = {};
    var pending = {};
    model.routing.forEach(function (rule) {
      var hit = rule.if_any_of.some(function (q) { return (given[q] || []).indexOf(rule.answer) >= 0; });
      var allAnswered = rule.if_any_of.every(function (q) { return given.hasOwnProperty(q); });
      var next = hit ? rule.goto : allAnswered ? rule.otherwise : null;
      var between = order.slice(order.indexOf(rule.goto), order.indexOf(rule.otherwise));
      if (next === rule.otherwise) between.forEach(function (q) { skipped[q] = true; });
      else if (next === null) between.forEach(function (q) { pending[q] = true; });
      outcomes.push({after: rule.after, next: next});
    });
    return {outcomes: outcomes, skipped: skipped, pending: pending};
  }

  function determine(parts, ageGroup) {
    if (ageGroup === null) return {status: "incomplete", requires: [], missing: []};
    var requires = model.requires[ageGroup];
    var missing = requires.filter(function (letter) { return parts[letter].indicative.length === 0; });
    var status = "incomplete";
    if (missing.length === 0) status = "met";
    else if (missing.some(function (letter) { return parts[letter].complete; })) status = "not_met";
    return {status: status, requires: requires, missing: missing};
  }

  function evaluate(given, ageGroup) {
    var route = routing(given);
    var parts = {};
    model.parts.forEach(function (letter) { parts[letter] = {indicative: [], counter: [], answered: 0, applicable: 0}; });
    model.questions.forEach(function (question) {
      if (route.skipped[question.id] || question.values.length === 0) return;
      var part = parts[question.part];
      part.applicable += 1;
      var values = given[question.id] || [];
      if (values.length === 0 || route.pending[question.id]) return;
      part.answered += 1;
      var hits = values.filter(function (v) { return question.indicative.indexOf(v) >= 0; });
      if (hits.length) {
        part[question.strength === COUNTER ? "counter" : "indicative"].push(
          {question: question.id, answers: hits, strength: question.strength});
      }
    });
    model.parts.forEach(function (letter) { parts[letter].complete = parts[letter].answered === parts[letter].applicable; });
    return {ageGroup: ageGroup, parts: parts, routing: route.outcomes, skipped: route.skipped,
            determination: determine(parts, ageGroup)};
  }

  // --- reading the form ---------------------------------------------------------------------------

  function answers() {
    var given = {};
    model.questions.forEach(function (question) {
      var inputs = form.querySelectorAll('input[name="' + question.id + '"]');
      var values = [];
      Array.prototype.forEach.call(inputs, function (input) { if (input.checked) values.push(input.value); });
      if (values.length) given[question.id] = values;
    });
    return given;
  }

  function ageGroup() {
    var checked = form.querySelector('input[name="age_group"]:checked');
    return checked ? checked.value : null;
  }

  // --- showing the result -------------------------------------------------------------------------

  var questions = {};
  model.questions.forEach(function (q) { questions[q.id] = q; });

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return values.hasOwnProperty(key) ? values[key] : all; });
  }

  function list(items) {
    if (items.length < 2) return items.join("");
    return items.slice(0, -1).join(", ") + " " + words.and + " " + items[items.length - 1];
  }

  function sections(key, letters) {
    return fill(words[key][letters.length === 1 ? "one" : "many"], {x: list(letters)});
  }

  function codes(items) {
    return items.map(function (i) { return i.question + ":" + i.strength; }).join(" ");
  }

  function named(items) {
    return items.map(function (i) {
      return fill(words.question, {n: questions[i.question].num}) + " (" + page.strengths[i.strength] + ")";
    }).join(", ");
  }

  function statusText(result) {
    var d = result.determination;
    if (result.ageGroup === null) return words.status_age;
    var group = words.group[result.ageGroup];
    if (d.status === "met") return fill(words.status_met, {group: group, sections: sections("each_of", d.requires)});
    if (d.status === "not_met") {
      var answered = d.missing.filter(function (letter) { return result.parts[letter].complete; });
      return fill(words.status_not_met, {group: group, sections: sections("sections", answered)});
    }
    return fill(words.status_incomplete, {sections: sections("in_sections", d.missing)});
  }

  function partText(result, letter) {
    var part = result.parts[letter];
    var text = [];
    if (part.indicative.length) text.push(fill(words.part_indicative, {list: named(part.indicative)}));
    else text.push(part.complete ? words.part_none_complete : words.part_none);
    if (part.counter.length) text.push(fill(words.part_counter, {list: named(part.counter)}));
    text.push(fill(words.part_answered, {n: part.answered, total: part.applicable}));
    if (result.ageGroup !== null && model.requires[result.ageGroup].indexOf(letter) < 0) {
      text.push(fill(words.part_not_required, {group: words.group[result.ageGroup]}));
    }
    return text.join(" ");
  }

  function showQuestions(result) {
    var found = {};
    model.parts.forEach(function (letter) {
      result.parts[letter].indicative.forEach(function (i) { found[i.question] = ["indicative", i.strength]; });
      result.parts[letter].counter.forEach(function (i) { found[i.question] = ["counter", i.strength]; });
    });
    Array.prototype.forEach.call(form.querySelectorAll("fieldset.checklist-question"), function (fieldset) {
      var id = fieldset.dataset.question;
      var mark = fieldset.querySelector(".checklist-mark");
      var skipped = result.skipped[id] === true;
      fieldset.disabled = skipped;
      if (skipped) {
        var rule = model.routing.filter(function (r) { return r.goto === id; })[0];
        fieldset.dataset.state = "skipped";
        mark.textContent = fill(words.mark_skipped, {questions: page.routing_questions[rule.after]});
      } else if (found[id]) {
        fieldset.dataset.state = found[id][0];
        mark.textContent = fill(words["mark_" + found[id][0]], {strength: page.strengths[found[id][1]], part: fieldset.dataset.part});
      } else {
        fieldset.dataset.state = "";
        mark.textContent = "";
      }
    });
    result.routing.forEach(function (outcome) {
      var line = form.querySelector('.checklist-next[data-after="' + outcome.after + '"]');
      var rule = model.routing.filter(function (r) { return r.after === outcome.after; })[0];
      if (outcome.next === null) line.textContent = "";
      else if (outcome.next === rule.otherwise) {
        line.textContent = fill(words.next_skipping, {n: questions[outcome.next].num, skipped: questions[rule.goto].num});
      } else line.textContent = fill(words.next, {n: questions[outcome.next].num});
    });
  }

  function showResult(result) {
    model.parts.forEach(function (letter) {
      var item = form.querySelector('.checklist-part-result[data-part="' + letter + '"]');
      item.dataset.indicative = codes(result.parts[letter].indicative);
      item.dataset.counter = codes(result.parts[letter].counter);
      item.dataset.complete = String(result.parts[letter].complete);
      item.querySelector(".checklist-part-text").textContent = partText(result, letter);
    });
    var status = form.querySelector(".checklist-determination");
    var d = result.determination;
    status.dataset.status = d.status;
    status.dataset.missing = d.missing.join(" ");
    status.dataset.ageGroup = result.ageGroup || "";
    status.dataset.next = result.routing.map(function (r) { return r.after + "=" + (r.next || ""); }).join(" ");
    status.textContent = statusText(result);
    Array.prototype.forEach.call(form.querySelectorAll(".checklist-steps"), function (steps) {
      steps.hidden = !(d.status === "met" && steps.dataset.ageGroup === result.ageGroup);
    });
    form.querySelector(".checklist-child-reading").hidden = result.ageGroup !== "child";
    showSummary(result);
  }

  // The one-line summary that stays in view on a phone (screens.css): the number of indicative
  // answers in each section and the result in a word or two. The full result, which the live region
  // announces, is below it; the summary says nothing of its own to a screen reader.
  function showSummary(result) {
    var summary = form.querySelector(".checklist-summary");
    var d = result.determination;
    var status = result.ageGroup === null ? "age" : d.status;
    summary.dataset.status = status;
    summary.querySelector(".checklist-summary-status").textContent = page.summary.status[status];
    summary.querySelector(".checklist-summary-parts").textContent = fill(page.summary.parts, {
      parts: model.parts.map(function (letter) {
        return fill(page.summary.part, {letter: letter, n: result.parts[letter].indicative.length});
      }).join(" · ")
    });
  }

  function routingText(result) {
    return result.routing.map(function (outcome) {
      return form.querySelector('.checklist-next[data-after="' + outcome.after + '"]').textContent;
    }).join(" ");
  }

  var announcer = tool.querySelector(".checklist-announce");
  var shown = {};  // what was last shown: a change is announced only when it changes one of these

  // Announced (politely) after an answer: only what the answer changed — the indicative answers of
  // its section, the routing (a question skipped or not), the result. Moving through the options
  // of a question with the arrow keys, where nothing of these changes, says nothing.
  function update(changed) {
    var result = evaluate(answers(), ageGroup());
    showQuestions(result);
    showResult(result);
    var now = {routing: routingText(result), status: statusText(result)};
    model.parts.forEach(function (letter) {
      now[letter] = codes(result.parts[letter].indicative) + "|" + codes(result.parts[letter].counter);
    });
    var said = [];
    if (changed !== undefined) {
      var part = changed && changed.closest("[data-part]");
      if (part && now[part.dataset.part] !== shown[part.dataset.part]) {
        said.push(page.parts[part.dataset.part] + ": " + partText(result, part.dataset.part));
      }
      if (now.routing !== shown.routing && now.routing) said.push(now.routing);
      if (now.status !== shown.status) said.push(now.status);
      if (said.length) announcer.textContent = said.join(" ");
    }
    shown = now;
  }

  // --- events -------------------------------------------------------------------------------------

  form.addEventListener("change", function (event) {
    if (event.target.type === "radio" || event.target.type === "checkbox") update(event.target);
  });
  form.addEventListener("change", function (event) {
    // un-ticking "Other" (or choosing another single answer) empties the line of who it was
    var choice = event.target.closest(".checklist-question");
    var text = choice && choice.querySelector("input.checklist-other");
    var box = text && choice.querySelector('input[value="other"]');
    if (box && !box.checked && text.value) text.value = "";
  });
  form.addEventListener("input", function (event) {
    // typing who "Other" was ticks "Other"; emptying the line un-ticks it
    if (!event.target.classList.contains("checklist-other")) return;
    var box = event.target.parentNode.querySelector('input[value="other"]');
    var typed = event.target.value.trim() !== "";
    if (box.checked !== typed) {
      box.checked = typed;
      update(box);
    }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.querySelector(".checklist-clear").addEventListener("click", function () {
    form.reset();
    update();
    announcer.textContent = words.cleared;
    form.querySelector('input[name="age_group"]').focus();
  });
  // leaving the page empties the form, so that going back to it shows nothing typed or ticked
  window.addEventListener("pagehide", function () { form.reset(); });
  window.addEventListener("pageshow", function (event) { if (event.persisted) update(); });

  form.hidden = false;
  update();
})();
