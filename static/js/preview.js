// While a member writes, show a moment after they stop typing what the filter will do with
// their text. Without JavaScript the "Bekijk eerst" button does the same with a page reload.
(function () {
  var forms = document.querySelectorAll("form[data-preview-url]");
  Array.prototype.forEach.call(forms, function (form) {
    var target = form.querySelector("[data-preview]");
    var timer = null;
    var sent = 0;
    function update() {
      var data = new FormData(form);
      data.delete("voorbeeld");
      if (!String(data.get("text") || "").trim() && !String(data.get("title") || "").trim()) { target.innerHTML = ""; return; }
      var mine = ++sent;
      fetch(form.getAttribute("data-preview-url"), {
        method: "POST", body: data, credentials: "same-origin", headers: { "X-Requested-With": "fetch" }
      }).then(function (r) { return r.ok ? r.text() : null; }).then(function (html) {
        if (html !== null && mine === sent) { target.innerHTML = html; }
      }).catch(function () { /* the button still works */ });
    }
    form.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 700);
    });
  });
})();
