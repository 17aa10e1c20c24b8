// The proof-of-work widget (ALTCHA, static/vendor/altcha/): its texts come from the page, in its
// language; its worker is a file the site serves (no blob: worker, so the CSP stays 'self'); and a
// form sent before the check is done waits for it instead of going without.
const altcha = globalThis.$altcha;
const strings = document.getElementById("altcha-strings");
if (altcha && strings) {
  altcha.i18n.set(document.documentElement.lang || "nl", JSON.parse(strings.textContent));
  for (const note of document.querySelectorAll("[data-challenge-no-script]")) note.hidden = true;
  for (const widget of document.querySelectorAll("altcha-widget")) {
    const workerUrl = widget.dataset.worker;
    altcha.algorithms.set("PBKDF2/SHA-256", () => new Worker(workerUrl));
    const form = widget.closest("form");
    let waiting = false;
    form?.addEventListener("submit", (event) => {
      const state = typeof widget.getState === "function" ? widget.getState() : "";
      if (waiting || !["unverified", "verifying", "expired"].includes(state)) {
        return; // done, or failed: the form goes (without a proof the server has a budget for that)
      }
      event.preventDefault();
      waiting = true;
      const send = () => {
        widget.removeEventListener("statechange", onChange);
        form.requestSubmit(event.submitter);
        waiting = false;
      };
      const onChange = (change) => {
        if (["verified", "error"].includes(change.detail.state)) send();
      };
      widget.addEventListener("statechange", onChange);
      if (state !== "verifying") widget.verify();
    });
  }
}
