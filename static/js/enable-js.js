// Lets GOV.UK Frontend's components style themselves for JavaScript before they initialise.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
