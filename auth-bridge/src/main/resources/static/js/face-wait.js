// The desktop page of a QR face login: asks the bridge every two seconds where the login is, tells
// the person in the live region (#status), and continues when the phone's face check passed. The
// texts come from the page (message bundles), so this file holds no words of its own. No inline
// script anywhere: the bridge's Content-Security-Policy allows scripts from its own origin only.
(function () {
  'use strict';
  var status = document.getElementById('status');
  var again = document.getElementById('again');
  var txn = status.getAttribute('data-txn');
  var shown = 'open';
  var FINAL = ['failed', 'cancelled', 'mismatched', 'stopped', 'expired', 'unknown'];

  function text(s) {
    var li = document.querySelector('#status-texts [data-status="' + s + '"]');
    return li ? li.textContent : '';
  }

  function show(s) {
    if (s === shown) { return; }
    shown = s;
    status.textContent = text(s);
    if (FINAL.indexOf(s) >= 0) { again.hidden = false; }
  }

  function poll() {
    fetch('/login/yuexinqian/status?txn=' + encodeURIComponent(txn), {credentials: 'same-origin'})
      .then(function (r) { return r.json(); })
      .then(function (s) {
        show(s.status);
        if (s.status === 'verified' && s['continue']) { window.location = s['continue']; return; }
        if (FINAL.indexOf(s.status) >= 0) { return; }
        setTimeout(poll, 2000);
      })
      .catch(function () { setTimeout(poll, 4000); });
  }
  setTimeout(poll, 2000);
})();
