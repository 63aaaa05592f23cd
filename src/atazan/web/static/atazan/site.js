// Behaviour the pages need beyond htmx, kept in a file so that the Content-Security-Policy allows scripts from this
// site only ('self', no 'unsafe-inline'): an inline <script> or an on…= attribute in a template would not run.

// A <select data-autosubmit> submits its form when a value is chosen (the interface language switch); without
// JavaScript the form's own button does the same.
document.addEventListener("change", function (event) {
  var field = event.target;
  if (field instanceof HTMLSelectElement && field.hasAttribute("data-autosubmit") && field.form) {
    field.form.submit();
  }
});
