// Puts back what someone typed into a form that could not be saved (their session had ended, or the
// form's security token was stale). The server kept it (scrutiny/typed_work.py) and sends it here as JSON.
(function () {
  "use strict";
  var source = document.getElementById("restored-form-data");
  if (!source) return;
  var fields = JSON.parse(source.textContent);
  var forms = Array.prototype.filter.call(document.querySelectorAll("main form[method=post]"), function (form) {
    return Object.keys(fields).some(function (name) { return form.elements.namedItem(name); });
  });
  var form = forms[0];
  if (!form) return;
  Object.keys(fields).forEach(function (name) {
    var values = fields[name];
    Array.prototype.forEach.call(form.querySelectorAll("[name]"), function (element) {
      if (element.name !== name || element.type === "file" || element.type === "password") return;
      if (element.type === "checkbox" || element.type === "radio") {
        element.checked = values.indexOf(element.value) !== -1;
      } else if (element.tagName === "SELECT") {
        Array.prototype.forEach.call(element.options, function (option) { option.selected = values.indexOf(option.value) !== -1; });
      } else {
        element.value = values[0];
      }
    });
  });
})();
