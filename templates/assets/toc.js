// "On this page": marks the link of the section being read. The links work without this script;
// it only sets aria-current, which the stylesheet shows without moving anything.
(function () {
  var toc = document.querySelector(".page-toc");
  if (!toc || !("IntersectionObserver" in window)) return;
  var links = Array.prototype.slice.call(toc.querySelectorAll("a[href^='#']"));
  var headings = links.map(function (a) { return document.getElementById(decodeURIComponent(a.hash.slice(1))); });
  var current = null;

  // The section being read is the last one whose heading has passed a line a quarter down the window.
  function update() {
    var line = window.innerHeight / 4;
    var link = null;
    for (var i = 0; i < headings.length; i++) {
      if (headings[i] && headings[i].getBoundingClientRect().top <= line) link = links[i];
    }
    if (link === current) return;
    if (current) current.removeAttribute("aria-current");
    if (link) link.setAttribute("aria-current", "location");
    current = link;
  }

  // A heading crossing that line is the only thing that changes the answer: the observer's box ends
  // there, so it reports exactly those crossings, with no work on every scroll event.
  var observer = new IntersectionObserver(update, { rootMargin: "0px 0px -75% 0px" });
  headings.forEach(function (h) { if (h) observer.observe(h); });
  update();
})();
