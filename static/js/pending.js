// While one of your posts is being checked, ask every few seconds whether it is done,
// and reload the page once it is, so you see it published or held without pressing anything.
(function () {
  var pending = document.querySelectorAll("[data-pending-url]");
  if (!pending.length) { return; }
  var tries = 0;
  function check() {
    tries += 1;
    Promise.all(Array.prototype.map.call(pending, function (el) {
      return fetch(el.getAttribute("data-pending-url"), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : { status: "pending" }; });
    })).then(function (states) {
      if (states.some(function (s) { return s.status !== "pending"; })) { window.location.reload(); }
      else if (tries < 40) { window.setTimeout(check, 3000); }
    }).catch(function () { if (tries < 40) { window.setTimeout(check, 5000); } });
  }
  window.setTimeout(check, 1500);
})();
