// While a member writes, show a moment after they stop typing what the filter will do with
// their text. Without JavaScript the "Bekijk eerst" button does the same with a page reload.
(function () {
  var forms = document.querySelectorAll("form[data-preview-url]");
  Array.prototype.forEach.call(forms, function (form) {
    var target = form.querySelector("[data-preview]");
    var timer = null;
    var sent = 0;
    var fields = form.querySelectorAll("[data-max-length]");
    function tooLong() {
      var max = fields.length ? Number(fields[0].getAttribute("data-max-length")) : 0;
      var p = document.createElement("p");
      p.className = "preview-stopped";
      p.textContent = form.getAttribute("data-text-too-long").replace("__MAX__", max.toLocaleString("nl-NL"));
      return p.outerHTML;
    }
    // A counter under each text: how many characters are left, or how many too many.
    Array.prototype.forEach.call(fields, function (field) {
      var max = Number(field.getAttribute("data-max-length"));
      var count = document.createElement("p");
      count.className = "char-count";
      count.id = field.id + "-teller";
      var live = document.createElement("p");
      live.className = "visually-hidden";
      live.setAttribute("aria-live", "polite");
      field.insertAdjacentElement("afterend", count);
      count.insertAdjacentElement("afterend", live);
      field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " " + count.id).trim());
      var band = null;
      function show() {
        var left = max - field.value.length;
        var text = left >= 0
          ? form.getAttribute("data-text-left").replace("__N__", left.toLocaleString("nl-NL"))
          : form.getAttribute("data-text-over").replace("__N__", (-left).toLocaleString("nl-NL"));
        count.textContent = text;
        count.classList.toggle("char-count-over", left < 0);
        // Screen readers hear it only when it matters: near the limit and over it.
        var now = left < 0 ? "over" : left <= 100 ? "near" : "ok";
        if (now !== band && band !== null && now !== "ok") { live.textContent = text; }
        band = now;
      }
      field.addEventListener("input", show);
      show();
    });
    function update() {
      var data = new FormData(form);
      data.delete("voorbeeld");
      if (!String(data.get("text") || "").trim() && !String(data.get("title") || "").trim()) { target.innerHTML = ""; return; }
      var mine = ++sent;
      fetch(form.getAttribute("data-preview-url"), {
        method: "POST", body: data, credentials: "same-origin", headers: { "X-Requested-With": "fetch" }
      }).then(function (r) {
        if (r.status === 413) { return tooLong(); }
        return r.ok ? r.text() : null;
      }).then(function (html) {
        if (html !== null && mine === sent) { target.innerHTML = html; }
      }).catch(function () { /* the button still works */ });
    }
    form.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 700);
    });
  });
})();
