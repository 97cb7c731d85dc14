// Live preview only (never published): reload after a good rebuild, show a failed one's errors.
(function () {
  var seen = null;
  var box = null;
  function show(error) {
    if (!error) { if (box) { box.remove(); box = null; } return; }
    if (!box) {
      box = document.createElement("pre");
      box.className = "preview-error";
      box.setAttribute("role", "alert");
      document.body.appendChild(box);
    }
    box.textContent = "Not published: the last edit failed verification. This page is the last good build.\n\n" + error;
  }
  function poll() {
    fetch("/__preview/status", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (seen !== null && s.generation !== seen) { location.reload(); return; }
        seen = s.generation;
        show(s.error);
      })
      .catch(function () { /* server restarting */ })
      .then(function () { setTimeout(poll, 400); });
  }
  poll();
})();
