// Moderation: reveal a blurred text on request, and decide with one key (p, r, e, s, o, t).
(function () {
  var review = document.querySelector("[data-mod-review]");
  if (!review) { return; }
  var unblur = review.querySelector("[data-mod-unblur]");
  function reveal() {
    var text = review.querySelector("[data-mod-blur]");
    if (text) { text.classList.remove("mod-blurred"); }
    review.querySelectorAll("[data-mod-blur-history]").forEach(function (el) { el.classList.remove("mod-blurred"); el.removeAttribute("aria-hidden"); });
    if (unblur) { unblur.setAttribute("aria-expanded", "true"); unblur.hidden = true; }
  }
  if (unblur) { unblur.addEventListener("click", reveal); }
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (event.ctrlKey || event.metaKey || event.altKey || tag === "input" || tag === "textarea" || tag === "select") { return; }
    if (event.key === "t") { reveal(); return; }
    var target = review.querySelector('[data-key="' + event.key + '"]');
    if (!target) { return; }
    event.preventDefault();
    if (event.key === "r") { var select = review.querySelector('[data-mod-form="reject"] select'); if (select) { select.focus(); } return; }
    if (event.key === "o") { var follow = target.form && target.form.querySelector("select"); if (follow) { follow.focus(); } return; }
    target.click();
  });
})();

// The live queue: the server says (over a WebSocket) that an item arrived or changed; the page
// fetches its list again (rendered by the server), updates the counts in the title and the menu,
// and announces a new item, loudly when it is urgent. If the socket cannot connect (a server
// without WebSockets), the page asks every 20 seconds instead; without JavaScript it reloads itself.
(function () {
  var queue = document.querySelector("[data-mod-queue]");
  if (!queue) { return; }
  var list = queue.querySelector("[data-mod-list]");
  var announce = queue.querySelector("[data-mod-announce]");
  var status = queue.querySelector("[data-mod-status]");
  var note = queue.querySelector("[data-mod-live-note]");
  var failures = 0;
  var polling = null;
  var cut = document.title.lastIndexOf(" - ");
  var suffix = cut >= 0 ? document.title.slice(cut) : "";

  function counts() {
    var el = list.querySelector("[data-counts]");
    return el ? { open: +el.dataset.open, urgent: +el.dataset.urgent, escalated: +el.dataset.escalated } : null;
  }

  function showCounts(c) {
    if (!c) { return; }
    var title = queue.dataset.titleOpen + " (" + c.open + ")";
    if (c.urgent) { title = "(" + c.urgent + " " + queue.dataset.textUrgentLabel + ") " + title; }
    document.title = title + suffix;
    var open = queue.querySelector("[data-count-open]");
    if (open) { open.textContent = c.open + (c.urgent ? ", " + c.urgent + " " + queue.dataset.textUrgentLabel : ""); }
    var waiting = c.open + c.escalated;
    var label = queue.dataset.titleOpen + " (" + waiting + (c.urgent ? ", " + c.urgent + " " + queue.dataset.textUrgentLabel : "") + ")";
    document.querySelectorAll("a[href$='/moderatie/'] .menuitem-label, a[href$='/moderatie/'] .sidebar-menu-item__label").forEach(function (el) {
      if (/^Wachtrij|^Queue/.test(el.textContent.trim())) { el.textContent = label; }
    });
  }

  function say(event, row) {
    if (!event || !event.created) { return; }
    var what = row ? (row.querySelector(".mod-reasons") || row).textContent.replace(/\s+/g, " ").trim() : "";
    var board = row ? row.querySelector(".mod-item-link span") : null;
    var text = (event.urgent ? queue.dataset.textUrgent : queue.dataset.textNew) + (what ? ": " + what : "") + (board ? " (" + board.textContent.trim() + ")" : "");
    if (event.urgent) {
      announce.textContent = text;
      announce.classList.add("mod-announce-urgent");
    } else {
      status.textContent = text;
    }
  }

  function refresh(event) {
    fetch(queue.dataset.listUrl, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        var focused = document.activeElement && list.contains(document.activeElement) ? document.activeElement.getAttribute("href") : null;
        list.innerHTML = html;
        if (focused) { var again = list.querySelector('a[href="' + focused + '"]'); if (again) { again.focus(); } }
        var row = event && event.review ? list.querySelector('[data-review="' + event.review + '"]') : null;
        if (row && event.created) { row.classList.add("mod-item-new"); }
        showCounts(counts());
        say(event, row);
      });
  }

  function poll() {
    if (polling) { return; }
    polling = setInterval(function () { refresh(null); }, 20000);
  }

  function connect() {
    if (!window.WebSocket) { poll(); return; }
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + queue.dataset.ws);
    socket.onopen = function () {
      if (failures > 0) { refresh(null); }
      failures = 0;
      if (polling) { clearInterval(polling); polling = null; }
      note.hidden = false;
    };
    socket.onmessage = function (message) {
      var event = null;
      try { event = JSON.parse(message.data); } catch (e) { event = null; }
      refresh(event);
    };
    socket.onclose = function () {
      failures += 1;
      if (failures >= 3) { poll(); }
      setTimeout(connect, Math.min(1000 * Math.pow(2, failures), 30000));
    };
  }
  showCounts(counts());
  connect();
})();
