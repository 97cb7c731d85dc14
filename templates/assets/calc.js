// Calculators and the drills' what-if. The formulas are not here: the page's own script,
// calc/<page>.js, holds functions the build generated from the verified formulas' syntax trees,
// with each input's unit and the value its example gave it. This file only builds the forms.
(function () {
  var C = window.LLMSI_CALC;
  if (!C) return;
  var F = {};
  Object.keys(C.formulas).forEach(function (id) { F[id] = C.formulas[id].fn; });
  var SETS = { gpus: "GPU", models: "Model" };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  // A number for an input field, which the browser must parse back: six significant digits, no
  // trailing zeros, powers of ten as 1.7e10. Results are shown with read() below.
  function show(x) {
    if (typeof x !== "number" || !isFinite(x)) return "n/a";
    var a = Math.abs(x);
    if (a >= 1e7 || (a > 0 && a < 1e-4)) return x.toPrecision(6).replace(/\.?0*e\+?/, "e");
    return String(Number(x.toPrecision(6)));
  }
  // A recomputed result as the page prints its figures (ReaderValue): p significant digits,
  // thousands grouped, a power of ten as × 10²⁵ where the page wrote one (sci) or the number is huge.
  function read(x, p, sci) {
    if (typeof x !== "number" || !isFinite(x)) return "n/a";
    var a = Math.abs(x);
    if (sci || a >= 1e15 || a > 0 && a < 1e-4) {
      var m = x.toExponential(p - 1).replace(/\.?0+e/, "e").split("e");
      return m[1] === "+0" ? m[0] : m[0] + " × 10" + m[1].replace("+", "").replace(/./g, function (c) {
        return "⁰¹²³⁴⁵⁶⁷⁸⁹⁻".charAt("0123456789-".indexOf(c));
      });
    }
    var t = String(Number(x.toPrecision(p))).split(".");
    return t[0].replace(/\B(?=(\d{3})+$)/g, ",") + (t[1] ? "." + t[1] : "");
  }
  function d(key, field) {
    var i = key.indexOf("."), set = C.data[key.slice(0, i)], entry = set && set[key.slice(i + 1)];
    return entry && entry[field] !== undefined ? entry[field] : NaN;
  }
  // A unit picker over [[text, factor], …], the first selected; null for a plain count.
  function unitPicker(units, label, onChange) {
    if (!units || units.length === 0 || units.length === 1 && units[0][0] === "") return null;
    var s = el("select", "calc-unit");
    s.setAttribute("aria-label", label);
    units.forEach(function (u, i) {
      var o = el("option", null, u[0] === "" ? "1" : u[0]);
      o.value = String(i);
      s.appendChild(o);
    });
    s.addEventListener("change", onChange);
    s.factor = function () { return units[Number(s.value)][1]; };
    if (units.length === 1) s.disabled = true;
    return s;
  }
  // A number field holding a quantity in base units, shown in the unit its picker chose.
  function quantity(label, base, units, fallbackFactor, onInput) {
    var wrap = el("span", "calc-q");
    var input = el("input");
    input.type = "number";
    input.step = "any";
    input.setAttribute("aria-label", label);
    var picker = unitPicker(units, "unit of " + label, function () { set(input.base); });
    function factor() { return picker ? picker.factor() : fallbackFactor; }
    function set(b) { input.base = b; input.value = show(b / factor()); }
    input.addEventListener("input", function () { input.base = Number(input.value) * factor(); onInput(); });
    wrap.appendChild(input);
    if (picker) wrap.appendChild(picker);
    set(base);
    return { node: wrap, get: function () { return input.base; }, set: function (b) { set(b); onInput(); } };
  }
  function entryPicker(set, selected, fields, onChange, label) {
    var s = el("select", "calc-pick");
    s.setAttribute("aria-label", label || SETS[set] || set);
    Object.keys(C.data[set]).forEach(function (key) {
      var entry = C.data[set][key];
      if (!fields.every(function (f) { return entry[f] !== undefined; })) return;
      var o = el("option", null, entry.name);
      o.value = key;
      if (key === selected) o.selected = true;
      s.appendChild(o);
    });
    s.addEventListener("change", function () { onChange(s.value); });
    return s;
  }
  function row(form, labelNode, control) {
    var r = el("div", "calc-row");
    var l = el("label");
    l.appendChild(labelNode);
    r.appendChild(l);
    r.appendChild(control);
    form.appendChild(r);
    // The label names the first control inside: a click or a screen reader finds the field.
    var field = control.querySelector ? control.querySelector("input, select") || control : control;
    field.id = field.id || "calc-" + (row.n = (row.n || 0) + 1);
    l.htmlFor = field.id;
  }
  function symbolLabel(name) {
    var s = C.symbols[name], span = el("span");
    span.appendChild(el("code", null, name));
    if (s) span.appendChild(el("span", "calc-meaning", " " + s.m));
    return span;
  }
  function unitsOf(name) { return C.units[C.symbols[name].u]; }

  // Each formula's calculator is a closed "Calculator" until a reader opens it; its form is built
  // then, so a page of many formulas (the appendix has 155) lays out one line each at load. Built
  // on load, the forms made the appendix 18,356 elements and blocked its main thread for 1.1 s.
  function calculator(f, figure) {
    var details = el("details", "calc");
    details.appendChild(el("summary", null, "Calculator"));
    figure.appendChild(details);
    details.addEventListener("toggle", function build() {
      if (!details.open) return;
      details.removeEventListener("toggle", build);
      buildForm(f, details);
    });
  }

  function buildForm(f, details) {
    var form = el("div", "calc-form");
    details.appendChild(form);
    var fields = {}, result = null;
    function compute() {
      var v = {};
      f["in"].forEach(function (n) { v[n] = fields[n].get(); });
      result.set(f.fn(v));
    }
    // One picker per data set the example read its inputs from, filling every input it feeds.
    var bySet = {};
    Object.keys(f.pick).forEach(function (n) {
      var key = f.pick[n], parts = key.split(".");
      (bySet[parts[0]] = bySet[parts[0]] || { key: parts[1], inputs: [] }).inputs.push([n, parts[2]]);
    });
    Object.keys(bySet).forEach(function (set) {
      var p = bySet[set];
      row(form, el("span", null, SETS[set] || set), entryPicker(set, p.key,
        p.inputs.map(function (x) { return x[1]; }), function (key) {
          p.inputs.forEach(function (x) { fields[x[0]].set(C.data[set][key][x[1]]); });
        }));
    });
    f["in"].forEach(function (n) {
      var q = quantity(n, f.ex[n], unitsOf(n), C.symbols[n].f, function () { if (result) compute(); });
      fields[n] = q;
      row(form, symbolLabel(n), q.node);
    });
    var out = el("output", "calc-result");
    var shown = null;
    var picker = unitPicker(unitsOf(f.r), "unit of " + f.r, function () { result.set(shown); });
    result = { set: function (b) { shown = b; var v = b / (picker ? picker.factor() : 1); out.textContent = read(v, 4, Math.abs(v) >= 1e7); } };
    var res = el("span", "calc-q");
    res.appendChild(out);
    if (picker) res.appendChild(picker);
    var label = symbolLabel(f.r);
    label.insertBefore(document.createTextNode("= "), label.firstChild);
    row(form, label, res);
    out.setAttribute("aria-live", "polite");
    compute();
  }

  Object.keys(C.formulas).forEach(function (id) {
    var figure = document.getElementById(id);
    // A formula of a chapter, or its entry in the appendix; a formula a drill only calls has neither here.
    if (figure && (figure.classList.contains("formula") || figure.classList.contains("appendix-entry"))) {
      calculator(C.formulas[id], figure);
    }
  });

  // A drill's what-if: its givens editable, every step of its examples re-run in page order, and
  // its key results (the claims) shown beside the values the page states.
  var W = C.whatif, first = document.querySelector("article figure.example");
  if (!W || !first) return;
  var panel = el("details", "whatif");
  panel.open = true;
  panel.appendChild(el("summary", null, "What if: change the givens"));
  panel.appendChild(el("p", "calc-note", "Every result below is recomputed in your browser from the formulas this page verifies."));
  var form = el("div", "calc-form"), givens = {};
  panel.appendChild(form);
  function rerun() {
    var s = Object.create(null);
    W.steps.forEach(function (st) {
      var v = st.g && givens[st.n] ? givens[st.n]() : st.fn(s, d, F);
      s[st.n] = v;
      if (!st.cell) return;
      if (st.v0 === undefined) st.v0 = v; // the first run is the page's own givens
      st.cell.textContent = read(v / st.f, st.p, st.c.indexOf("× 10") >= 0) + (st.u ? " " + st.u : "");
      st.cell.parentNode.classList.toggle("changed", !(Math.abs(v - st.v0) <= 1e-9 * Math.abs(st.v0)));
    });
  }
  W.givens.forEach(function (g) {
    if (g.set) {
      var pick = entryPicker(g.set, g.key, g.fields, rerun, g.l);
      givens[g.n] = function () { return g.set + "." + pick.value; };
      row(form, el("span", null, g.l), pick);
    } else {
      var units = g.units.length ? g.units : null;
      var q = quantity(g.l, g.v * g.f, units, g.f, rerun);
      givens[g.n] = q.get;
      row(form, el("span", null, g.l), q.node);
    }
  });
  var table = el("table", "whatif-results"), head = el("tr");
  ["result", "stated", "now"].forEach(function (h) { head.appendChild(el("th", null, h)); });
  table.appendChild(el("thead")).appendChild(head);
  var body = table.appendChild(el("tbody")), last = -1;
  W.steps.forEach(function (st) {
    if (st.c == null) return;
    if (st.e !== last) {
      var t = el("tr", "whatif-example"), c = el("th", null, W.titles[st.e]);
      c.colSpan = 3;
      t.appendChild(c);
      body.appendChild(t);
      last = st.e;
    }
    var r = el("tr");
    r.appendChild(el("th", null, st.l));
    r.appendChild(el("td", null, st.c));
    st.cell = r.appendChild(el("td"));
    body.appendChild(r);
  });
  // The box scrolls (both ways on a phone), so a keyboard must be able to reach it; the table inside does not scroll.
  var scroll = el("div", "whatif-scroll");
  scroll.tabIndex = 0;
  scroll.setAttribute("role", "region");
  scroll.setAttribute("aria-label", "What-if results");
  scroll.appendChild(table);
  panel.appendChild(scroll);
  first.parentNode.insertBefore(panel, first.nextSibling);
  rerun();
})();
