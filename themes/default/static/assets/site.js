/*
 * Progressive enhancement for the default theme. Every page works without
 * it: this only adds what needs a script. Written as ES5 so older intranet
 * browsers run it, and loaded as a file (never inline) so the site keeps
 * Content-Security-Policy: default-src 'self'.
 */
(function () {
  'use strict';

  // The page's words for the button ([script.site] of the strings file,
  // in <body data-strings>), English where the page has none.
  var words = {'site.copy': 'Copy link', 'site.copied': 'Link copied',
    'site.copy_failed': 'Could not copy: right-click the link and copy its address'};
  try {
    var given = JSON.parse(document.body.getAttribute('data-strings') || '{}');
    Object.keys(words).forEach(function (k) {
      if (given !== null && typeof given[k] === 'string') { words[k] = given[k]; }
    });
  } catch (e) {
    // unreadable: the English above
  }

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
      button.textContent = words['site.copy'];
      var status = document.createElement('span');
      status.className = 'question__copied';
      status.setAttribute('role', 'status');
      anchor.parentNode.appendChild(document.createTextNode(' '));
      anchor.parentNode.appendChild(button);
      anchor.parentNode.appendChild(status);
      var timer;
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(anchor.href).then(function () {
          status.textContent = words['site.copied'];
        }, function () {
          status.textContent = words['site.copy_failed'];
        });
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { status.textContent = ''; }, 4000);
      });
    });
  }

  addCopyButtons();
})();
