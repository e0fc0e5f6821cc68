// The timeout warning: two minutes before the idle sign-out, a dialog offers "Stay signed in".
// Static (the content security policy allows no inline script); the server says how long is left.
(function () {
  "use strict";
  var box = document.getElementById("session-timeout");
  if (!box || !window.fetch) return;
  var form = box.querySelector("form");
  var button = form.querySelector("button");
  var countdown = box.querySelector(".session-timeout__countdown");
  var lead = Number(box.getAttribute("data-warning-seconds")) * 1000;
  var deadline, warnTimer, endTimer, ticker, returnFocus;

  function schedule(secondsLeft) {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    clearInterval(ticker);
    deadline = Date.now() + secondsLeft * 1000;
    warnTimer = setTimeout(warn, Math.max(secondsLeft * 1000 - lead, 0));
    endTimer = setTimeout(end, secondsLeft * 1000);
  }

  function words(seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    var parts = [];
    if (minutes) parts.push(minutes + (minutes === 1 ? " minute" : " minutes"));
    if (rest || !minutes) parts.push(rest + (rest === 1 ? " second" : " seconds"));
    return parts.join(" ");
  }

  function update() {
    countdown.textContent = words(Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));
  }

  function warn() {
    returnFocus = document.activeElement;
    box.hidden = false;
    update();
    ticker = setInterval(update, 1000);
    button.focus();
  }

  function close() {
    box.hidden = true;
    clearInterval(ticker);
    if (returnFocus && returnFocus.focus) returnFocus.focus();
  }

  function end() {
    // A page with a form stays, so nothing typed is lost: saving it after the sign-out keeps the
    // typing and asks for a sign-in. Other pages go to the sign-in page (the server signs out).
    if (document.querySelector("main form[method=post]")) {
      countdown.textContent = "0 seconds";
      box.querySelector("#session-timeout-heading").textContent = "You have been signed out";
      box.querySelector("#session-timeout-text").textContent =
        "What you typed is still on the page. Save it when you are ready: you will be asked to sign in, and it will be kept.";
      button.textContent = "Continue";
      form.onsubmit = function (event) { event.preventDefault(); close(); };
      return;
    }
    window.location.assign(window.location.pathname + window.location.search);
  }

  form.addEventListener("submit", function (event) {
    if (form.onsubmit) return;
    event.preventDefault();
    fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin", headers: {"Accept": "application/json"}
    }).then(function (response) {
      if (!response.ok) throw new Error("not signed in");
      return response.json();
    }).then(function (data) {
      close();
      schedule(data.idle_seconds);
    }).catch(end);
  });

  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); button.click(); }
    if (event.key === "Tab") { event.preventDefault(); button.focus(); }  // the dialog's one control keeps focus
  });

  schedule(Number(box.getAttribute("data-seconds-left")));
})();
