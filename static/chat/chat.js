/* Praatplein chat: the young person's waiting room and conversation, and the volunteer's side.
   Plain JavaScript, no libraries. The server is the source of truth: messages carry ids, a
   reconnect asks for what came after the last id, and unsent messages are resent with the same
   client id (the server stores them once). */
(function () {
  "use strict";
  var root = document.getElementById("chat");
  if (!root || !window.WebSocket) { return; }
  var T = JSON.parse(document.getElementById("chat-texts").textContent);
  var role = root.dataset.role; // young | volunteer | watcher
  var list = root.querySelector("[data-messages]");
  var typingEl = root.querySelector("[data-typing]");
  var connEl = root.querySelector("[data-connection]");
  var queueEl = root.querySelector("[data-queue]");
  var form = root.querySelector("[data-send]");
  var textarea = form && form.querySelector("textarea");
  var sendError = (form && form.querySelector("[data-send-error]")) || { hidden: true, textContent: "" };
  var lastId = 0, seen = {}, outbox = [], socket = null, ended = false, retries = 0, lost = false;
  var typingTimer = null, lastTypingSent = 0;

  function fmt(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_, key) { return values[key]; });
  }
  function newId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
  function isMine(sender) { return role === "young" ? sender === "young" : sender === "volunteer"; }
  function label(sender) { return isMine(sender) ? list.dataset.me : list.dataset.other; }

  function show(status) {
    var previous = root.dataset.status;
    root.dataset.status = status;
    root.querySelectorAll("[data-when]").forEach(function (el) {
      el.hidden = el.dataset.when.split(" ").indexOf(status) === -1;
    });
    var leave = document.querySelector(".chat-leave");
    if (leave) { leave.hidden = status === "ended"; }
    if (status === "active" && previous !== "active" && textarea) { textarea.focus(); }
  }

  function fillMessage(li, sender, text, time, pending) {
    li.className = "chat-message " + (isMine(sender) ? "chat-mine" : "chat-theirs");
    li.textContent = "";
    var who = document.createElement("span");
    who.className = "chat-who";
    who.textContent = label(sender) + (time ? " · " + time : "") + (pending ? " · " + T.sending : "");
    var body = document.createElement("p");
    body.className = "chat-text";
    body.textContent = text;
    li.appendChild(who);
    li.appendChild(body);
    return li;
  }

  function addMessage(m) {
    if (seen[m.id]) { return; }
    seen[m.id] = true;
    lastId = Math.max(lastId, m.id);
    var pending = null;
    if (isMine(m.sender)) {
      outbox = outbox.filter(function (o) {
        if (o.clientId === m.client_id) { pending = o.el; return false; }
        return true;
      });
    }
    if (pending) {
      fillMessage(pending, m.sender, m.text, m.time, false);
    } else {
      list.appendChild(fillMessage(document.createElement("li"), m.sender, m.text, m.time, false));
    }
    if (!isMine(m.sender)) { typingEl.textContent = ""; }
    list.lastElementChild && list.lastElementChild.scrollIntoView({ block: "nearest" });
  }

  function setState(state) {
    if (state.status === "ended") { end(false); return; }
    show(state.status);
    if (!queueEl) { return; }
    if (state.status === "waiting") {
      var wait = state.wait === null ? T.waitUnknown : state.wait <= 1 ? T.waitOne : fmt(T.wait, { n: state.wait });
      queueEl.textContent = fmt(T.position, { n: state.position }) + " " + wait;
    } else if (state.status === "offered") {
      queueEl.textContent = T.offered;
    }
  }

  function end(timedOut) {
    ended = true;
    show("ended");
    var extra = root.querySelector("[data-time-out-text]");
    if (extra && timedOut) { extra.hidden = false; }
    connEl.textContent = T.ended;
    if (form) { form.hidden = true; }
    if (socket) { socket.close(); }
  }

  function showTyping(sender) {
    typingEl.textContent = fmt(T.typing, { who: label(sender) });
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () { typingEl.textContent = ""; }, 5000);
  }

  function refused(msg) {
    // The server refused a message: take it out of the list and back into the box, with the reason.
    var o = null;
    outbox = outbox.filter(function (x) { if (x.clientId === msg.client_id) { o = x; return false; } return true; });
    if (o && textarea) {
      if (o.el && o.el.parentNode) { o.el.parentNode.removeChild(o.el); }
      // Back in the box, before whatever was typed since: nothing typed is lost.
      textarea.value = textarea.value ? o.text + "\n" + textarea.value : o.text;
      sendError.textContent = msg.text;
      sendError.hidden = false;
    } else {
      connEl.textContent = msg.text;
    }
  }

  function send(data) {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(data)); return true; }
    return false;
  }

  function flush() {
    outbox.forEach(function (o) {
      if (!o.sent) { o.sent = send({ type: "message", text: o.text, client_id: o.clientId }); }
    });
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + root.dataset.ws + "?after=" + lastId);
    socket.onopen = function () {
      retries = 0;
      if (lost) { connEl.textContent = T.back; lost = false; }
      outbox.forEach(function (o) { o.sent = false; });
      flush();
    };
    socket.onmessage = function (event) {
      var msg = JSON.parse(event.data);
      if (msg.type === "state") { setState(msg); }
      else if (msg.type === "message") { addMessage(msg); }
      else if (msg.type === "typing") { showTyping(msg.sender); }
      else if (msg.type === "ended") { end(msg.timed_out); }
      else if (msg.type === "error") { refused(msg); }
    };
    socket.onclose = function () {
      if (ended) { return; }
      lost = true;
      connEl.textContent = T.lost;
      setTimeout(connect, Math.min(1000 * Math.pow(2, retries++), 15000));
    };
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = textarea.value.trim();
      if (!text) { return; }
      // Too long: say so and keep the text (a maxlength attribute would cut a paste without a word).
      var max = parseInt(textarea.dataset.maxLength, 10) || 2000;
      if (Array.from(text).length > max) {
        sendError.textContent = fmt(T.tooLong, { n: Array.from(text).length, max: max });
        sendError.hidden = false;
        return;
      }
      sendError.hidden = true;
      var o = { clientId: newId(), text: text, sent: false };
      o.el = fillMessage(document.createElement("li"), role, text, "", true);
      list.appendChild(o.el);
      outbox.push(o);
      textarea.value = "";
      flush();
      textarea.focus();
    });
    textarea.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    textarea.addEventListener("input", function () {
      if (Date.now() - lastTypingSent > 3000) { lastTypingSent = Date.now(); send({ type: "typing" }); }
    });
  }
  if (role === "young") {
    // While waiting, say now and then that this page is still open (and pick up a lapsed offer).
    setInterval(function () {
      var s = root.dataset.status;
      if (s === "waiting" || s === "offered") { send({ type: "refresh" }); }
    }, 30000);
  }
  show(root.dataset.status);
  connect();
})();
