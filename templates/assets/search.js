// Offline search, as an ARIA combobox: the field owns a listbox of hits, arrow keys move through
// it (aria-activedescendant), Enter opens a hit, Escape closes the list, "/" elsewhere on the page
// focuses the field, and a status region says how many hits there are.
// The index (search-index.js, written by the build's SearchIndex) is a script, not fetched JSON,
// so it loads from file:// too; it is added on the first focus or keystroke, so it never holds up
// the page. Matching folds case and keeps only letters and digits, in the index and the query
// alike: "ZeRO-3", "zero 3" and "zero3" are the same, as are "all-reduce" and "allreduce", and the
// formula "C = 6ND" answers "6ND" or "6 N D". Every query word must match somewhere; a match in a
// page title outweighs one in a section heading, which outweighs a formula or symbol, which
// outweighs the prose under it.
(function () {
  "use strict";
  var script = document.currentScript;
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  // The form only hosts the field: Enter opens a hit (below), it never submits. This was an
  // inline onsubmit= handler, which the pages' Content-Security-Policy refuses.
  if (input && input.form) input.form.addEventListener("submit", function (e) { e.preventDefault(); });
  if (!script || !input || !list || !status) return;
  var root = script.getAttribute("src").replace(/assets\/search\.js$/, "");
  var SHOWN = 10;
  var TITLE = { p: 40, s: 20, f: 10, g: 10 }; // by kind: page, section, formula, symbol
  var KEYS = 10, PAGE = 6, BODY = 1;
  var KIND = { p: "Chapter", s: "", f: "Formula · ", g: "Symbol · " };
  var LETTER = /[\p{L}\p{N}]/u;
  var entries = null, loading = false, hits = [], active = -1, announce = 0;
  input.disabled = false;

  // The text's letters and digits in lower case, and where each came from in the text.
  function fold(text) {
    var s = [], at = [];
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code < 128) { // most of the text: ASCII, without the regular expression
        if (code >= 65 && code <= 90) code += 32;
        else if (!(code >= 97 && code <= 122 || code >= 48 && code <= 57)) continue;
        s.push(String.fromCharCode(code));
        at.push(i);
        continue;
      }
      var c = text.charAt(i);
      if (!LETTER.test(c)) continue;
      c = c.toLowerCase();
      s.push(c);
      for (var k = 0; k < c.length; k++) at.push(i);
    }
    return { text: text, s: s.join(""), at: at };
  }

  function load() {
    if (entries || loading) return;
    loading = true;
    var s = document.createElement("script");
    s.src = root + "assets/search-index.js";
    s.addEventListener("load", function () {
      var index = window.LLMSI_SEARCH_INDEX;
      var pages = index.pages.map(function (p) { return { url: p[0], title: p[1], f: fold(p[1]) }; });
      entries = index.entries.map(function (e) {
        var page = pages[e[0]];
        return { page: page, kind: e[1], url: page.url + (e[2] ? "#" + e[2] : ""), t: fold(e[3]), k: fold(e[4]), x: fold(e[5]) };
      });
      if (document.activeElement === input) render();
    });
    s.addEventListener("error", function () { loading = false; say("The search index could not be loaded"); });
    document.head.appendChild(s);
  }

  // 3 for a whole word, 2 for a word's start, 1 inside a word, 0 for no match.
  function quality(f, term) {
    var best = 0, tries = 0;
    for (var i = f.s.indexOf(term); i >= 0 && best < 3 && tries < 20; i = f.s.indexOf(term, i + 1), tries++) {
      var start = f.at[i], end = f.at[i + term.length - 1] + 1;
      var q = start > 0 && LETTER.test(f.text.charAt(start - 1)) ? 1
          : end < f.text.length && LETTER.test(f.text.charAt(end)) ? 2 : 3;
      if (q > best) best = q;
    }
    return best;
  }

  function score(e, terms, phrase) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i];
      var s = Math.max(TITLE[e.kind] * quality(e.t, t), KEYS * quality(e.k, t), PAGE * quality(e.page.f, t));
      if (s === 0) s = BODY * quality(e.x, t);
      if (s === 0) return 0;
      total += s;
    }
    if (phrase && e.t.s.indexOf(phrase) >= 0) total += 2 * TITLE[e.kind];
    else if (phrase && e.x.s.indexOf(phrase) >= 0) total += 3 * BODY; // the words side by side
    return total;
  }

  // The text's [start, end) ranges that match a term, within [from, to), merged.
  function ranges(f, terms, from, to) {
    var r = [];
    terms.forEach(function (t) {
      for (var i = f.s.indexOf(t); i >= 0; i = f.s.indexOf(t, i + t.length)) {
        var start = f.at[i], end = f.at[i + t.length - 1] + 1;
        if (start >= from && end <= to) r.push([start, end]);
      }
    });
    r.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    r.forEach(function (x) {
      var last = merged[merged.length - 1];
      if (last && x[0] <= last[1]) last[1] = Math.max(last[1], x[1]);
      else merged.push(x.slice());
    });
    return merged;
  }

  // Appends the text's [from, to) to the element, matches in <mark>; text nodes only, never markup.
  function fill(el, f, terms, from, to) {
    var pos = from;
    ranges(f, terms, from, to).forEach(function (r) {
      if (r[0] > pos) el.appendChild(document.createTextNode(f.text.slice(pos, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = f.text.slice(r[0], r[1]);
      el.appendChild(mark);
      pos = r[1];
    });
    if (pos < to) el.appendChild(document.createTextNode(f.text.slice(pos, to)));
  }

  // About 160 characters of the prose around its first match (its start if nothing matched there).
  function snippet(el, f, terms) {
    var first = f.text.length;
    terms.forEach(function (t) { var i = f.s.indexOf(t); if (i >= 0) first = Math.min(first, f.at[i]); });
    if (first === f.text.length) first = 0;
    var from = Math.max(0, first - 50);
    if (from > 0) from = f.text.indexOf(" ", from) + 1 || from;
    if (from > first) from = first;
    var to = Math.min(f.text.length, from + 160);
    if (to < f.text.length) { var space = f.text.lastIndexOf(" ", to); if (space > first) to = space; }
    if (from > 0) el.appendChild(document.createTextNode("… "));
    fill(el, f, terms, from, to);
    if (to < f.text.length) el.appendChild(document.createTextNode(" …"));
  }

  function span(cls) {
    var s = document.createElement("span");
    s.className = cls;
    return s;
  }

  function say(text) {
    clearTimeout(announce);
    // A moment's pause, so a screen reader hears the count once typing stops, not every keystroke.
    announce = setTimeout(function () { status.textContent = text; }, 300);
  }

  function open(yes) {
    list.hidden = !yes;
    input.setAttribute("aria-expanded", yes ? "true" : "false");
    if (!yes) select(-1);
  }

  function select(i) {
    var options = list.querySelectorAll('[role="option"]');
    if (active >= 0 && options[active]) { options[active].setAttribute("aria-selected", "false"); options[active].classList.remove("active"); }
    active = i >= 0 && i < hits.length ? i : -1;
    if (active < 0) { input.removeAttribute("aria-activedescendant"); return; }
    options[active].setAttribute("aria-selected", "true");
    options[active].classList.add("active");
    input.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({ block: "nearest" });
  }

  function go(i) {
    if (i < 0 || i >= hits.length) return;
    open(false);
    window.location.href = root + hits[i].url;
  }

  function render() {
    var query = input.value.normalize("NFKC");
    var terms = [];
    query.split(/\s+/).forEach(function (w) {
      var t = fold(w).s;
      // A number belongs to the word before it, as folding joins them in the text: "zero 3" is "zero3".
      if (/^[0-9]+$/.test(t) && terms.length > 0) t = terms.pop() + t;
      if (t && terms.indexOf(t) < 0) terms.push(t);
    });
    select(-1);
    while (list.firstChild) list.removeChild(list.firstChild);
    hits = [];
    if (terms.length === 0) { open(false); say(""); return; }
    if (!entries) { load(); say("Loading the search index"); return; }
    var phrase = terms.length > 1 ? terms.join("") : "";
    var scored = [];
    entries.forEach(function (e, i) { var s = score(e, terms, phrase); if (s > 0) scored.push({ s: s, i: i, e: e }); });
    scored.sort(function (a, b) { return b.s - a.s || a.i - b.i; });
    hits = scored.slice(0, SHOWN).map(function (h) { return h.e; });
    var marks = phrase ? terms.concat([phrase]) : terms; // "zero 3" marks "ZeRO-3" whole
    hits.forEach(function (e, i) {
      var li = document.createElement("li");
      li.id = "search-hit-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      var title = span("hit-title");
      fill(title, e.t, marks, 0, e.t.text.length);
      var where = span("hit-page");
      where.textContent = KIND[e.kind] + (e.kind === "p" ? "" : e.page.title);
      li.appendChild(title);
      li.appendChild(where);
      if (e.x.text) { var text = span("hit-snippet"); snippet(text, e.x, marks); li.appendChild(text); }
      list.appendChild(li);
    });
    if (hits.length === 0) {
      var none = document.createElement("li");
      none.setAttribute("role", "option");
      none.setAttribute("aria-disabled", "true");
      none.className = "no-hit";
      none.textContent = "No match";
      list.appendChild(none);
    }
    open(true);
    var n = scored.length;
    say(n === 0 ? "No results" : n + (n === 1 ? " result" : " results") + (n > SHOWN ? ", the first " + SHOWN + " shown" : ""));
  }

  input.addEventListener("focus", function () { load(); if (input.value) render(); });
  input.addEventListener("input", render);
  input.addEventListener("blur", function () { open(false); });
  input.addEventListener("keydown", function (e) {
    var shown = !list.hidden;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!shown) { render(); return; }
      if (hits.length === 0) return;
      var down = e.key === "ArrowDown";
      select(active < 0 ? (down ? 0 : hits.length - 1) : (active + (down ? 1 : hits.length - 1)) % hits.length);
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (shown) go(active >= 0 ? active : 0);
    } else if (e.key === "Escape" && shown) {
      e.preventDefault(); // the list closes and the query stays; a second Escape clears the field
      open(false);
    }
  });
  // Clicks keep the focus in the field (so the list does not close under the pointer) and open the hit.
  list.addEventListener("mousedown", function (e) { e.preventDefault(); });
  list.addEventListener("click", function (e) {
    var option = e.target.closest('[role="option"]');
    if (option && option.id) go(Number(option.id.slice("search-hit-".length)));
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
})();
