// Moderation: reveal a blurred text on request, and decide with one key (p, r, e, s, o, t).
(function () {
  var review = document.querySelector("[data-mod-review]");
  if (!review) { return; }
  var unblur = review.querySelector("[data-mod-unblur]");
  function reveal() {
    var text = review.querySelector("[data-mod-blur]");
    if (text) { text.classList.remove("mod-blurred"); }
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
