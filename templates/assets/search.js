// Offline search over the index the build wrote into search-index.js (a script, not fetched JSON,
// so it also works from file://). Every term must appear; title and symbol hits rank first.
(function () {
  var index = window.LLMSI_SEARCH_INDEX;
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  // The form only hosts the field: Enter opens the first hit (below), it never submits. This was an
  // inline onsubmit= handler, which the pages' Content-Security-Policy refuses.
  if (input && input.form) input.form.addEventListener("submit", function (e) { e.preventDefault(); });
  if (!index || !input || !list) return;
  var root = (document.querySelector('link[rel="stylesheet"]').getAttribute("href") || "").replace(/assets\/guide\.css$/, "");
  input.disabled = false;

  function score(entry, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i], s = 0;
      if (entry.t.toLowerCase().indexOf(t) >= 0) s += 10;
      if (entry.k.toLowerCase().indexOf(t) >= 0) s += 6;
      if (entry.x.toLowerCase().indexOf(t) >= 0) s += 1;
      if (s === 0) return 0;
      total += s;
    }
    return total;
  }

  function render(query) {
    while (list.firstChild) list.removeChild(list.firstChild);
    var terms = query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
    if (terms.length === 0) { list.hidden = true; return; }
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var s = score(index[i], terms);
      if (s > 0) hits.push({ s: s, e: index[i] });
    }
    hits.sort(function (a, b) { return b.s - a.s; });
    hits.slice(0, 12).forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + h.e.u;
      a.textContent = h.e.t;
      var page = document.createElement("span");
      page.className = "hit-page";
      page.textContent = " · " + h.e.p;
      a.appendChild(page);
      li.appendChild(a);
      list.appendChild(li);
    });
    if (hits.length === 0) {
      var none = document.createElement("li");
      none.textContent = "No match";
      none.style.padding = ".4em .7em";
      list.appendChild(none);
    }
    list.hidden = false;
  }

  input.addEventListener("input", function () { render(input.value); });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { input.value = ""; render(""); }
    if (e.key === "Enter") { var first = list.querySelector("a"); if (first) window.location.href = first.href; }
  });
})();
