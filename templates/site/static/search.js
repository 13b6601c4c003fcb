/* protsoc site search: a client-side index (search-<lang>.js sets window.PROTSOC_SEARCH), no
   network, works from file://. Arabic is normalised before matching so that a reader finds a
   word however it is typed: short vowels and other harakat, tatweel, the alef forms (أ إ آ ٱ),
   yeh and alef maksura (ي ى, and the Persian ی), hamza carriers (ؤ ئ), taa marbuta and heh
   (ة ه), keheh (ک); French accents and case too. */
(function () {
  "use strict";

  function normalise(text) {
    return String(text)
      .normalize("NFD")
      .replace(/[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, "")
      .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
      .replace(/[\u0649\u06cc\u0626]/g, "\u064a")
      .replace(/\u0624/g, "\u0648")
      .replace(/\u0629/g, "\u0647")
      .replace(/\u06a9/g, "\u0643")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim();
  }

  function search(index, query) {
    var terms = normalise(query).split(" ").filter(function (t) { return t.length > 0; });
    if (terms.length === 0) { return []; }
    var found = [];
    index.forEach(function (entry) {
      var haystack = entry.n || (entry.n = normalise(entry.t + " " + entry.x));
      var title = entry.nt || (entry.nt = normalise(entry.t));
      if (terms.every(function (t) { return haystack.indexOf(t) !== -1; })) {
        var score = terms.filter(function (t) { return title.indexOf(t) !== -1; }).length;
        found.push({ entry: entry, score: score });
      }
    });
    found.sort(function (a, b) { return b.score - a.score; });
    return found.map(function (f) { return f.entry; });
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { normalise: normalise, search: search };
    return;
  }

  function show() {
    var form = document.getElementById("search-form");
    var input = document.getElementById("q");
    var list = document.getElementById("results");
    var status = document.getElementById("search-status");
    if (!form || !input || !list) { return; }
    var params = new URLSearchParams(window.location.search);
    var query = params.get("q") || "";
    input.value = query;
    list.textContent = "";
    if (!query) { status.textContent = ""; return; }
    var hits = search(window.PROTSOC_SEARCH || [], query);
    status.textContent = (status.getAttribute("data-found") || "") + " " + hits.length;
    hits.slice(0, 200).forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry.u;
      link.textContent = entry.t;  /* text, never HTML: record text is untrusted */
      link.dir = "auto";  /* an Arabic title in a French page reads right to left */
      item.appendChild(link);
      if (entry.k) {
        var kind = document.createElement("span");
        kind.className = "muted";
        kind.textContent = " — " + entry.k;
        item.appendChild(kind);
      }
      list.appendChild(item);
    });
  }

  document.addEventListener("DOMContentLoaded", show);
})();
