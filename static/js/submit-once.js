// Every form that writes (method="post") is sent once: its buttons are disabled as it goes, so a second
// press or an impatient double click cannot send the same form again. The server refuses a repeat too
// (scrutiny/core/submissions.py); this only spares the wait and the message.
const BUTTONS = "button[type=submit], button:not([type]), input[type=submit]";

function sendOnce(form) {
  form.addEventListener("submit", (event) => {
    if (form.dataset.submitted) {
      event.preventDefault();
      return;
    }
    form.dataset.submitted = "true";
    // A disabled button is left out of what is sent: keep the pressed one's name and value.
    const pressed = event.submitter;
    if (pressed && pressed.name) {
      const kept = document.createElement("input");
      kept.type = "hidden";
      kept.name = pressed.name;
      kept.value = pressed.value;
      kept.dataset.pressedButton = "true";
      form.append(kept);
    }
    for (const button of form.querySelectorAll(BUTTONS)) {
      button.disabled = true;
      button.setAttribute("aria-disabled", "true");
    }
  });
}

for (const form of document.querySelectorAll("form")) {
  // data-submit-many: a form sent by a script of its own, again and again (Stay signed in).
  if (form.method.toLowerCase() === "post" && !form.hasAttribute("data-submit-many")) sendOnce(form);
}

// Back to a page kept by the browser (the back button): its forms can be sent again.
window.addEventListener("pageshow", (event) => {
  if (!event.persisted) return;
  for (const form of document.querySelectorAll("form[data-submitted]")) {
    delete form.dataset.submitted;
    form.querySelectorAll("[data-pressed-button]").forEach((kept) => kept.remove());
    for (const button of form.querySelectorAll(BUTTONS)) {
      button.disabled = false;
      button.removeAttribute("aria-disabled");
    }
  }
});
