// A form marked data-submit-once is sent once: its button is disabled as it goes, so a second press
// (or an impatient double click) cannot send the same confirmation again.
for (const form of document.querySelectorAll("form[data-submit-once]")) {
  form.addEventListener("submit", (event) => {
    if (form.dataset.submitted) {
      event.preventDefault();
      return;
    }
    form.dataset.submitted = "true";
    // The submission goes ahead: a disabled button only leaves its own name out, and these have none.
    for (const button of form.querySelectorAll("button[type=submit]")) {
      button.disabled = true;
      button.setAttribute("aria-disabled", "true");
    }
  });
}
