// After a refused submit, move the focus to the error summary so that screen readers announce it
// and keyboard users start from the list of links to the fields.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
});
