/* Praatplein volunteer console: when the server says something changed, fetch the console's
   state again (server-rendered) and say so to screen readers when a chat is offered. */
(function () {
  "use strict";
  var box = document.querySelector("[data-console]");
  if (!box || !window.WebSocket) { return; }
  var live = document.querySelector("[data-console-live]");
  var T = JSON.parse(document.getElementById("chat-texts").textContent);
  var retries = 0;

  function offers() {
    var el = box.querySelector("[data-offers]");
    return el ? parseInt(el.dataset.offers, 10) : 0;
  }

  function refresh() {
    fetch(box.dataset.url, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        var focused = document.activeElement && box.contains(document.activeElement) ? document.activeElement.id : "";
        var before = offers();
        box.innerHTML = html;
        if (offers() > before) { live.textContent = T.offer; }
        if (focused && document.getElementById(focused)) { document.getElementById(focused).focus(); }
      });
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + box.dataset.ws);
    socket.onopen = function () { if (retries > 0) { refresh(); } retries = 0; };
    socket.onmessage = refresh;
    socket.onclose = function () { setTimeout(connect, Math.min(1000 * Math.pow(2, retries++), 15000)); };
  }
  connect();
})();
