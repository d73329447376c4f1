/*
 * Progressive enhancement for the default theme. Every page works without
 * it: this only adds what needs a script. Written as ES5 so older intranet
 * browsers run it, and loaded as a file (never inline) so the site keeps
 * Content-Security-Policy: default-src 'self'.
 */
(function () {
  'use strict';

  // A "Copy link" button beside each "Link to this question", where the
  // browser lets pages write to the clipboard. The plain link stays for
  // everyone else (and for right-click, "Copy link address").
  function addCopyButtons() {
    if (!window.isSecureContext || !navigator.clipboard) {
      return;
    }
    var anchors = document.querySelectorAll('.question__anchor');
    Array.prototype.forEach.call(anchors, function (anchor) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'button-small';
      button.textContent = 'Copy link';
      var status = document.createElement('span');
      status.className = 'question__copied';
      status.setAttribute('role', 'status');
      anchor.parentNode.appendChild(document.createTextNode(' '));
      anchor.parentNode.appendChild(button);
      anchor.parentNode.appendChild(status);
      var timer;
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(anchor.href).then(function () {
          status.textContent = 'Link copied';
        }, function () {
          status.textContent = 'Could not copy: right-click the link and copy its address';
        });
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { status.textContent = ''; }, 4000);
      });
    });
  }

  addCopyButtons();
})();
