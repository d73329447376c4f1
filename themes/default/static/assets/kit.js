/*
 * kit.js: small helpers the self-assessment (assess.js) and the team page
 * (team.js) share: making elements, prototype-free maps, confirmation
 * panels, saving a file, reading one, and names safe for a file.
 *
 * Every map keyed by something read from the page, the storage or a file
 * (question ids, cycles, ratings, names) is made by map(), with no
 * prototype, so an id spelt "constructor" or a cycle spelt "__proto__" is
 * data like any other.
 *
 * ES5, no dependencies, loaded as a file after words.js.
 */
(function () {
  'use strict';

  var words = window.workbookWords;
  if (!words || !document.querySelectorAll || !Object.create || !Array.prototype.forEach) { return; }
  var t = words.t;

  function all(sel, el) { return Array.prototype.slice.call((el || document).querySelectorAll(sel)); }
  function one(sel, el) { return (el || document).querySelector(sel); }
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function map() { return Object.create(null); }
  function isObject(v) { return v !== null && typeof v === 'object' && !(v instanceof Array); }
  function split(s) { return (s || '').split(' ').filter(function (x) { return x !== ''; }); }
  function show(el, yes) { if (yes) { el.removeAttribute('hidden'); } else { el.setAttribute('hidden', ''); } }
  function empty(el) { while (el.firstChild) { el.removeChild(el.firstChild); } }
  function squash(s) { return (s || '').replace(/\s+/g, ' ').replace(/^ | $/g, ''); }

  // h makes an element: h('p', {className: 'x', text: 'Hello'}, [children]).
  function h(tag, props, children) {
    var el = document.createElement(tag);
    var k;
    for (k in props) {
      if (own(props, k) && props[k] !== null && props[k] !== undefined && props[k] !== false) {
        if (k === 'text') { el.textContent = props[k]; } else if (k === 'className') { el.className = props[k]; } else { el.setAttribute(k, props[k] === true ? '' : props[k]); }
      }
    }
    add(el, children);
    return el;
  }
  function add(el, children) {
    if (children === null || children === undefined) { return el; }
    (children instanceof Array ? children : [children]).forEach(function (c) {
      if (c === null || c === undefined) { return; }
      if (c instanceof Array) { add(el, c); return; }
      el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return el;
  }

  // cut shortens text from a file (an id, a cycle, a name) to name it in
  // a message, never splitting a character made of two UTF-16 units.
  function cut(s, most) {
    most = most || 60;
    if (s.length <= most) { return s; }
    var end = most - 1;
    var c = s.charCodeAt(end - 1);
    if (c >= 0xD800 && c <= 0xDBFF) { end--; }
    return s.slice(0, end) + '…';
  }

  // kind names the kind of a value from a file, as the program's messages
  // do: "text", "a number", "a list"…
  function kind(v) {
    if (v === null) { return t('file.kind.null'); }
    if (v instanceof Array) { return t('file.kind.list'); }
    switch (typeof v) {
    case 'string': return t('file.kind.text');
    case 'number': return t('file.kind.number');
    case 'boolean': return t('file.kind.boolean');
    case 'object': return t('file.kind.object');
    }
    return t('file.kind.nothing');
  }

  // quoted is text from a file as a message shows it: in double quotes,
  // escaped and cut short, so no file can make a message huge.
  function quoted(s) { return JSON.stringify(cut(s, 41)); }

  // shown is any value from a file as a message can show it.
  function shown(v) {
    if (typeof v === 'string') { return quoted(v); }
    if (typeof v === 'number' || typeof v === 'boolean' || v === null) { return String(v); }
    return kind(v);
  }

  // dateText writes an ISO time as a date in the page's language, or '':
  // as the PDFs do, from the strings file's [date] words (browsers know
  // the month names of few languages), on this device's calendar. A page
  // without those words falls back to the browser's own.
  function dateText(iso) {
    if (typeof iso !== 'string' || !iso) { return ''; }
    var d = new Date(iso);
    if (isNaN(d.getTime())) { return ''; }
    var months = words.t('date.months').split(/\s*,\s*/);
    var format = words.t('date.format');
    if (months.length === 12 && format.charAt(0) !== '[') {
      // Text, not numbers: t would put digit groups in a year (2,026).
      return words.t('date.format', {day: String(d.getDate()), month: months[d.getMonth()], year: String(d.getFullYear())});
    }
    try {
      return d.toLocaleDateString(words.lang, {day: 'numeric', month: 'long', year: 'numeric'});
    } catch (e) {
      return d.toDateString();
    }
  }

  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  }

  // safeName turns a person's or a team's name into part of a file name
  // every system accepts: no characters Windows, macOS or Linux refuse or
  // treat specially, no spaces, no dots, lower case, at most 40 units;
  // letters of any script stay.
  function safeName(s) {
    var out = String(s || '').toLowerCase()
      .replace(/[\u0000-\u0020\u007f-\u00a0\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff\\\/:*?"<>|.,;'`!@#$%^&=+~\[\]{}()]+/g, '-')
      .replace(/-+/g, '-').replace(/^-|-$/g, '');
    out = cut(out, 41).replace(/…$/, '').replace(/-$/, '');
    return out;
  }

  // download hands text to the browser as a file to save.
  function download(name, type, text) {
    var blob = new Blob([text], {type: type});
    if (window.navigator.msSaveOrOpenBlob) {
      window.navigator.msSaveOrOpenBlob(blob, name);
      return;
    }
    var url = window.URL.createObjectURL(blob);
    var a = h('a', {href: url, download: name, hidden: true});
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    window.setTimeout(function () { window.URL.revokeObjectURL(url); }, 60000);
  }

  // canDownload reports whether this browser can save a file the page makes.
  function canDownload() {
    return !!(window.Blob && (window.navigator.msSaveOrOpenBlob || (window.URL && window.URL.createObjectURL)));
  }

  // readText reads a chosen file as text (UTF-8, or UTF-16 with a byte
  // order mark, as the program reads it) and calls done(text) or
  // failed(why). A file over limit bytes is not read at all.
  function readText(file, limit, done, failed) {
    if (file.size > limit) {
      failed(t('file.too_big', {file: cut(file.name), size: (file.size / 1048576).toFixed(1)}));
      return;
    }
    if (!window.FileReader) {
      failed(t('file.no_reader'));
      return;
    }
    var reader = new FileReader();
    reader.onload = function () { done(String(reader.result)); };
    reader.onerror = function () { failed(t('file.unreadable', {file: cut(file.name)})); };
    reader.readAsText(file, 'utf-8');
  }

  // openStorage returns localStorage if this browser lets the page read
  // it, else null (turned off, or a file:// page in some browsers).
  function openStorage(probe) {
    try {
      var s = window.localStorage;
      if (s) { s.getItem(probe); }
      return s || null;
    } catch (e) {
      return null;
    }
  }

  function isQuota(e) {
    return !!e && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014);
  }

  // storageProblem says in plain words why a write failed.
  function storageProblem(ls, e) {
    if (!ls) { return t('storage.blocked'); }
    if (isQuota(e)) { return t('storage.full'); }
    return t('storage.refused', {error: (e && e.name) || t('storage.unknown')});
  }

  // readJSON reads a JSON value saved in the storage, or null.
  function readJSON(ls, key) {
    if (!ls) { return null; }
    try {
      return JSON.parse(ls.getItem(key));
    } catch (e) {
      return null; // not ours to read
    }
  }

  // openPanel fills a panel under the control that opened it, shows it and
  // moves focus to it, so keyboard and screen reader users land on the
  // question it asks. closePanel hides it and puts focus back.
  function openPanel(panel, opener, content) {
    empty(panel);
    add(panel, content);
    show(panel, true);
    if (opener.hasAttribute('aria-expanded')) { opener.setAttribute('aria-expanded', 'true'); }
    panel.focus();
  }
  function closePanel(panel, opener) {
    empty(panel);
    show(panel, false);
    if (opener.hasAttribute('aria-expanded')) { opener.setAttribute('aria-expanded', 'false'); }
    opener.focus();
  }
  function button(text, className, onClick) {
    var b = h('button', {type: 'button', className: 'button' + (className ? ' ' + className : ''), text: text});
    b.addEventListener('click', onClick);
    return b;
  }
  function buttons(list) { return h('p', {className: 'assess-buttons'}, list); }

  // cell is a responsive table cell: its column's heading repeated for
  // the narrow layout, hidden from screen readers, which read the header.
  function cell(heading, content, className) {
    return h('td', {className: className}, [h('span', {className: 'table-responsive__heading', 'aria-hidden': 'true', text: heading + ' '}), content]);
  }

  window.workbookKit = {
    all: all, one: one, own: own, map: map, isObject: isObject, split: split, show: show, empty: empty, squash: squash,
    h: h, add: add, cut: cut, kind: kind, quoted: quoted, shown: shown, dateText: dateText, today: today, safeName: safeName,
    download: download, canDownload: canDownload, readText: readText,
    openStorage: openStorage, storageProblem: storageProblem, readJSON: readJSON,
    openPanel: openPanel, closePanel: closePanel, button: button, buttons: buttons, cell: cell
  };
})();
