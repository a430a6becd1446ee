// Progressive enhancement of the material upload form: sends it with XMLHttpRequest to show upload
// progress. Without JavaScript (or without XHR/FormData) the form posts normally; the server answers
// both the same way (a redirect to the page on success, the page with an error summary otherwise).
(function () {
  'use strict';
  var form = document.getElementById('upload-form');
  if (!form || !window.XMLHttpRequest || !window.FormData) {
    return;
  }
  var progress = document.getElementById('upload-progress');
  var status = document.getElementById('upload-status');
  var button = document.getElementById('upload');
  form.addEventListener('submit', function (event) {
    var xhr = new XMLHttpRequest();
    if (!('upload' in xhr)) {
      return; // no progress events: let the browser post the form
    }
    event.preventDefault();
    button.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        var percent = Math.round((e.loaded / e.total) * 100);
        progress.value = percent;
        status.textContent = percent + '%';
      }
    });
    xhr.addEventListener('load', function () {
      if (xhr.status >= 200 && xhr.status < 300 && xhr.responseURL) {
        // Success: the server redirected to the page showing the new file.
        window.location.assign(xhr.responseURL);
      } else {
        // A refusal comes back as the page with its error summary: show it as the browser would.
        document.open();
        document.write(xhr.responseText);
        document.close();
      }
    });
    xhr.addEventListener('error', function () {
      button.disabled = false;
      progress.hidden = true;
      form.submit(); // network trouble: fall back to a plain post
    });
    xhr.open('POST', form.action);
    xhr.send(new FormData(form));
  });
}());
