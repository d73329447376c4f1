/*
 * assess.js: the in-browser self-assessment of the default theme.
 *
 * On a level page it puts, under each question, boxes for the reader's
 * answer and evidence, a rating (red, amber, green or not rated yet) for
 * the chosen review cycle, and an optional action with its owner and date;
 * and at the end of the page a summary, the action list, answers to
 * questions no longer in the framework, and export, import and delete.
 * partials/assess-*.html hold the page's part (hidden until this runs);
 * this file builds the per-question forms, so pages stay small.
 *
 * Everything stays in the browser's localStorage on this device: the
 * script makes no network request. It is ES5 with feature detection, in
 * one file loaded from the site (never inline), so old intranet browsers
 * run it, it works opened from a folder (file://), and the site keeps
 * Content-Security-Policy: default-src 'self'.
 *
 * Every map keyed by something read from the page, the storage or a file
 * (question ids, cycles, ratings, storage keys) is made by map(), with no
 * prototype, so an id spelt "constructor" or a cycle spelt "__proto__" is
 * data like any other.
 *
 * STORAGE: one localStorage item per question and cycle,
 *   key    "workbook-answers:" + JSON.stringify([framework, level, question, cycle])
 *   value  JSON of a record as below, without "level"
 * where framework is config.toml's id and level the page it was answered
 * on; plus "workbook-settings:" + JSON.stringify([framework]) holding
 * {"cycle": "<the chosen cycle>"}. Answers saved under a question's
 * earlier id (its aliases) or on another level are moved to the question
 * when its page loads, never dropped: if the question already has a
 * different answer for that cycle, both are kept and the other is listed.
 *
 * TWO TABS: the same page may be open in several tabs, which share the
 * storage. Each form remembers, field by field, what it last read from
 * the storage; a save writes only the fields typed into in this tab over
 * what the storage holds now, so it never undoes another tab's work. A
 * field changed in both tabs keeps both texts (this tab's first) and says
 * so; a rating changed in both takes this tab's and says what it
 * replaced. When another tab saves, fields not typed into here show its
 * text at once, and fields typed into here are marked.
 *
 * EXPORT (JSON): the answers format is specified in generator/answers
 * (its package doc). A second answer for the same question and cycle,
 * saved on another level, goes in the export's "kept" list, so that
 * "answers", which has room for one answer per question and cycle, never
 * drops one. On import an answer goes back to the level it names (a
 * missing level is the question's, else this page's); ratings must be on
 * the site's scale.
 *
 * CSV EXPORT: one row per question and cycle with anything saved, for a
 * spreadsheet: UTF-8 with a byte order mark, CRLF line ends, every field
 * in double quotes (quotes doubled), and a ' before any field whose first
 * character other than spaces and line breaks is = + - @ (or their
 * full-width forms), or that starts with a tab or carriage return, so no
 * spreadsheet runs it as a formula. Columns: Framework, Level, Question ID, Question, Review
 * cycle, Rating (the rating's word, or "Not rated"), Answer, Evidence,
 * Action, Owner, By when, Last updated.
 */
(function () {
  'use strict';

  var root = document.getElementById('assess');
  var summary = document.getElementById('assess-summary');
  if (!root || !summary || !window.JSON || !document.querySelectorAll || !window.addEventListener ||
      !Array.prototype.forEach || !Object.keys || !Object.create || !('textContent' in root)) {
    return;
  }

  // ---- Small helpers --------------------------------------------------

  function all(sel, el) { return Array.prototype.slice.call((el || document).querySelectorAll(sel)); }
  function one(sel, el) { return (el || document).querySelector(sel); }
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function map() { return Object.create(null); }
  function isObject(v) { return v !== null && typeof v === 'object' && !(v instanceof Array); }
  function split(s) { return (s || '').split(' ').filter(function (x) { return x !== ''; }); }
  function show(el, yes) { if (yes) { el.removeAttribute('hidden'); } else { el.setAttribute('hidden', ''); } }
  function empty(el) { while (el.firstChild) { el.removeChild(el.firstChild); } }
  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }
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

  // shown is a value from a file as a message can show it: text quoted
  // and cut short, anything else named by its kind, so no file can make
  // a message huge or the page throw while writing it. cut is text from
  // a file (an id, a cycle) cut short to name it in a message.
  function cut(s) { return s.length > 60 ? s.slice(0, 57) + '...' : s; }
  function shown(v) {
    if (typeof v === 'string') { return JSON.stringify(cut(v)); }
    if (typeof v === 'number' || typeof v === 'boolean' || v === null) { return String(v); }
    if (v instanceof Array) { return 'a list'; }
    return typeof v === 'object' ? 'an object' : 'nothing';
  }

  // words joins a list the English way: "a, b and c".
  function words(list) {
    if (list.length < 2) { return list.join(''); }
    return list.slice(0, -1).join(', ') + ' and ' + list[list.length - 1];
  }

  // ---- What the page says about the site ------------------------------

  var framework = root.getAttribute('data-framework');
  var level = root.getAttribute('data-level');
  var title = root.getAttribute('data-title') || framework;
  var levels = split(root.getAttribute('data-levels'));
  var known = map();      // every question id and earlier id → its level
  var knownOrder = map(); // → its place in the framework
  split(root.getAttribute('data-known')).forEach(function (pair, i) {
    var at = pair.lastIndexOf('@');
    known[pair.slice(0, at)] = pair.slice(at + 1);
    knownOrder[pair.slice(0, at)] = i;
  });
  var cycleSelect = document.getElementById('assess-cycle');
  var cycles = all('option', cycleSelect).map(function (o) { return o.value; });
  var ratings = all('th[data-rating]', summary).map(function (th) {
    return {id: th.getAttribute('data-rating'), label: squash(th.textContent)};
  }).filter(function (r) { return r.id !== ''; });
  var scale = map(); // the rating scale's own ids, and "" for not rated
  scale[''] = true;
  ratings.forEach(function (r) { scale[r.id] = true; });
  var questions = all('.assess-slot').map(function (slot) {
    var el = slot.parentNode;
    var text = one('.question__text', el);
    return {
      id: slot.getAttribute('data-question'),
      aliases: split(slot.getAttribute('data-aliases')),
      foundation: slot.getAttribute('data-foundation'),
      focus: slot.getAttribute('data-focus'),
      slot: slot,
      text: squash(text ? text.textContent : ''),
      timer: null
    };
  });
  var byID = map();
  questions.forEach(function (q) { byID[q.id] = q; });
  if (!framework || !level || cycles.length === 0) {
    return;
  }

  // Limits: the largest import read, and the longest text of one field.
  var IMPORT_LIMIT = 5 * 1024 * 1024;
  var TEXT_LIMIT = 100000;
  var SAVE_DELAY = 500; // ms after the last keystroke
  var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var FIELDS = ['answer', 'evidence', 'rating', 'action', 'owner', 'due'];
  var TEXTS = ['answer', 'evidence', 'action', 'owner', 'due'];
  var PREFIX = 'workbook-answers:';
  var SETTINGS = 'workbook-settings:' + JSON.stringify([framework]);

  function onScale(id) { return typeof id === 'string' && own(scale, id); }
  function ratingLabel(id) {
    if (!id) { return 'Not rated'; }
    for (var i = 0; i < ratings.length; i++) {
      if (ratings[i].id === id) { return ratings[i].label; }
    }
    return id;
  }
  function cycleIndex(c) {
    var i = cycles.indexOf(c);
    return i < 0 ? cycles.length : i;
  }

  // ---- Records --------------------------------------------------------

  // record keeps the known text fields of r, each a string.
  function record(r) {
    var out = {};
    FIELDS.concat(['question', 'updated']).forEach(function (f) {
      out[f] = r && typeof r[f] === 'string' ? r[f] : '';
    });
    return out;
  }
  function hasContent(r) { return FIELDS.some(function (f) { return r[f] !== ''; }); }
  function hasText(r) { return TEXTS.some(function (f) { return r[f] !== ''; }); }
  function sameContent(a, b) {
    return FIELDS.every(function (f) { return (a ? a[f] : '') === (b ? b[f] : ''); });
  }

  // ---- Storage --------------------------------------------------------

  // openStorage returns localStorage if this browser lets the page read
  // it, else null (turned off, or a file:// page in some browsers).
  function openStorage() {
    try {
      var s = window.localStorage;
      if (s) { s.getItem(SETTINGS); }
      return s || null;
    } catch (e) {
      return null;
    }
  }

  function isQuota(e) {
    return !!e && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014);
  }

  // problemText says in plain words why a write failed.
  function problemText(e) {
    if (!store.ls) { return 'this browser is not letting the page save anything (storage is turned off or blocked)'; }
    if (isQuota(e)) { return 'the space this browser gives the site is full'; }
    return 'this browser refused to save it (' + ((e && e.name) || 'unknown error') + ')';
  }

  // store mirrors this framework's answers in memory. A write that fails
  // stays in memory, marked unsaved, so the reader can still export it.
  var store = {
    ls: openStorage(),
    entries: map(), // key → {level, qid, cycle, record}
    unsaved: map(), // key → true while the browser has refused it
    key: function (lv, qid, cycle) { return PREFIX + JSON.stringify([framework, lv, qid, cycle]); },
    load: function () {
      var kept = map();
      var k;
      for (k in this.unsaved) { if (own(this.unsaved, k) && this.entries[k]) { kept[k] = this.entries[k]; } }
      this.entries = kept;
      if (!this.ls) { return; }
      for (var i = 0; i < this.ls.length; i++) {
        k = this.ls.key(i);
        if (k === null || k.indexOf(PREFIX) !== 0 || own(kept, k)) { continue; }
        var parts, value;
        try {
          parts = JSON.parse(k.slice(PREFIX.length));
          value = JSON.parse(this.ls.getItem(k));
        } catch (e) {
          continue; // not ours to read; left as it is
        }
        if (parts instanceof Array && parts.length === 4 && parts[0] === framework && isObject(value) &&
            typeof parts[1] === 'string' && typeof parts[2] === 'string' && typeof parts[3] === 'string') {
          this.entries[k] = {level: parts[1], qid: parts[2], cycle: parts[3], record: record(value)};
        }
      }
    },
    get: function (lv, qid, cycle) {
      var e = this.entries[this.key(lv, qid, cycle)];
      return e ? e.record : null;
    },
    // fresh reads one record from the storage itself, as another tab may
    // have left it a moment ago, and updates the copy in memory unless
    // this tab holds a version the browser refused. Null if none.
    fresh: function (lv, qid, cycle) {
      if (!this.ls) { return null; }
      var k = this.key(lv, qid, cycle);
      var r = null;
      try {
        var value = JSON.parse(this.ls.getItem(k));
        if (isObject(value)) { r = record(value); }
      } catch (e) {
        r = null; // not ours to read
      }
      if (!this.unsaved[k]) {
        if (r && hasContent(r)) {
          this.entries[k] = {level: lv, qid: qid, cycle: cycle, record: r};
        } else {
          delete this.entries[k];
        }
      }
      return r;
    },
    // put saves one record typed on this page (an empty one deletes), and
    // returns the error if the browser refused it: then the record stays
    // in memory, marked unsaved, so it is exported and retried.
    put: function (lv, qid, cycle, r) {
      var e = {level: lv, qid: qid, cycle: cycle, record: r};
      var err = this.putMany([e]);
      if (err) { this.remember(e, true); }
      return err;
    },
    // putMany saves records all or nothing: after a refusal it puts back
    // what it had written, so an import or copy is never half done.
    putMany: function (list) {
      var self = this;
      var done = [];
      var failure = null;
      if (!this.ls) { failure = {name: 'unavailable'}; }
      for (var i = 0; i < list.length && !failure; i++) {
        var e = list[i];
        var k = this.key(e.level, e.qid, e.cycle);
        var before = this.ls.getItem(k);
        try {
          if (hasContent(e.record)) { this.ls.setItem(k, JSON.stringify(e.record)); } else { this.ls.removeItem(k); }
          done.push({k: k, before: before});
        } catch (err) {
          failure = err;
        }
      }
      if (failure) {
        // Remove everything written first, so putting back what was there
        // before never needs more space than the storage had.
        done.forEach(function (d) {
          try { self.ls.removeItem(d.k); } catch (ignore) { /* removing frees space */ }
        });
        done.reverse().forEach(function (d) { // the first write of a key knows what it held
          try {
            if (d.before !== null) { self.ls.setItem(d.k, d.before); }
          } catch (ignore) { /* putting back a value that was there before */ }
        });
        return failure;
      }
      list.forEach(function (e) { self.remember(e, false); });
      return null;
    },
    remember: function (e, unsaved) {
      var k = this.key(e.level, e.qid, e.cycle);
      if (hasContent(e.record) || unsaved) {
        this.entries[k] = {level: e.level, qid: e.qid, cycle: e.cycle, record: e.record};
      } else {
        delete this.entries[k];
      }
      if (unsaved) { this.unsaved[k] = true; } else { delete this.unsaved[k]; }
    },
    remove: function (k) {
      if (this.ls) { this.ls.removeItem(k); }
      delete this.entries[k];
      delete this.unsaved[k];
    },
    hasUnsaved: function () { return Object.keys(this.unsaved).length > 0; },
    // sorted lists the entries in framework order: level, question, cycle.
    sorted: function () {
      var self = this;
      return Object.keys(this.entries).map(function (k) { return self.entries[k]; }).sort(function (a, b) {
        var la = levels.indexOf(a.level), lb = levels.indexOf(b.level);
        la = la < 0 ? levels.length : la;
        lb = lb < 0 ? levels.length : lb;
        var qa = own(knownOrder, a.qid) ? knownOrder[a.qid] : Infinity;
        var qb = own(knownOrder, b.qid) ? knownOrder[b.qid] : Infinity;
        return (la - lb) || (a.level < b.level ? -1 : a.level > b.level ? 1 : 0) ||
          (qa === qb ? 0 : qa < qb ? -1 : 1) || (a.qid < b.qid ? -1 : a.qid > b.qid ? 1 : 0) ||
          (cycleIndex(a.cycle) - cycleIndex(b.cycle)) || (a.cycle < b.cycle ? -1 : a.cycle > b.cycle ? 1 : 0);
      });
    }
  };

  // migrate moves answers saved under a question's earlier id, or on
  // another level, to the question on this page, unless the question
  // already has a different answer for that cycle: then both are kept and
  // the other is listed with the answers not shown under a question.
  function migrate() {
    var moves = [];
    var sources = [];
    var claimed = map();
    questions.forEach(function (q) {
      var ids = [q.id].concat(q.aliases);
      store.sorted().forEach(function (e) {
        if (ids.indexOf(e.qid) < 0 || (e.qid === q.id && e.level === level)) { return; }
        var target = store.key(level, q.id, e.cycle);
        var existing = store.get(level, q.id, e.cycle);
        if (existing && sameContent(existing, e.record)) {
          store.remove(store.key(e.level, e.qid, e.cycle)); // the same answer twice
        } else if (!existing && !claimed[target]) {
          claimed[target] = true;
          var r = record(e.record);
          r.question = q.text;
          moves.push({level: level, qid: q.id, cycle: e.cycle, record: r});
          sources.push(store.key(e.level, e.qid, e.cycle));
        }
      });
    });
    if (moves.length && !store.putMany(moves)) {
      sources.forEach(function (k) { store.remove(k); });
    }
  }

  // ---- The chosen review cycle ----------------------------------------

  function savedCycle() {
    try {
      var s = JSON.parse(store.ls.getItem(SETTINGS));
      return isObject(s) && typeof s.cycle === 'string' ? s.cycle : null;
    } catch (e) {
      return null;
    }
  }

  // thisYearsCycle picks a "2025/26" style cycle holding today's date,
  // taking such cycles as NHS financial years (April to March).
  function thisYearsCycle() {
    var d = new Date();
    var y = d.getFullYear() - (d.getMonth() < 3 ? 1 : 0);
    var c = y + '/' + String(y + 1).slice(2);
    return cycles.indexOf(c) >= 0 ? c : null;
  }

  // firstCycle is the cycle to start in: the one the reader chose last
  // time, else this year's, else the latest with answers here, else the first.
  function firstCycle() {
    var c = savedCycle();
    if (c && cycles.indexOf(c) >= 0) { return c; }
    c = thisYearsCycle();
    if (c) { return c; }
    for (var i = cycles.length - 1; i >= 0; i--) {
      if (cycleHasAnswers(cycles[i], hasContent)) { return cycles[i]; }
    }
    return cycles[0];
  }

  function cycleHasAnswers(c, test) {
    return questions.some(function (q) {
      var r = store.get(level, q.id, c);
      return !!r && test(r);
    });
  }

  var cycle = null;

  function chooseCycle(c) {
    flush();
    if (!carryPanel.hasAttribute('hidden')) { // it was about the cycle before
      empty(carryPanel);
      show(carryPanel, false);
      carryButton.setAttribute('aria-expanded', 'false');
    }
    cycle = c;
    cycleSelect.value = c;
    if (store.ls) {
      try { store.ls.setItem(SETTINGS, JSON.stringify({cycle: c})); } catch (e) { /* only a preference */ }
    }
    all('.assess-cycle-name').forEach(function (el) { el.textContent = c; });
    questions.forEach(fillForm);
    refreshSummary();
  }

  // ---- The form under each question -----------------------------------

  function buildForm(q) {
    var p = 'assess--' + q.id + '--';
    function cycleName() { return h('span', {className: 'assess-cycle-name'}); }
    function field(name, label, input, extra) {
      q.fields[name] = input;
      return h('div', {className: 'assess-field' + (extra ? ' ' + extra : '')}, [
        h('label', {className: 'assess__label', 'for': p + name}, label), input]);
    }
    // No box takes more than an import accepts, so every answer typed
    // here can be exported and imported again.
    function box(name, rows) { return h('textarea', {className: 'assess__textarea', id: p + name, name: name, rows: rows, spellcheck: 'true', maxlength: TEXT_LIMIT}); }
    function line(name) { return h('input', {className: 'assess__input', type: 'text', id: p + name, name: name, autocomplete: 'off', maxlength: TEXT_LIMIT}); }

    q.fields = map();
    q.base = record({});
    q.radios = [];
    var choices = ratings.concat([{id: '', label: 'Not rated yet'}]).map(function (r, i) {
      var input = h('input', {className: 'assess-radio__input', type: 'radio', id: p + 'rating-' + i, name: p + 'rating', value: r.id});
      q.radios.push(input);
      return h('div', {className: 'assess-radio' + (r.id ? ' rating--' + r.id : '')}, [
        input,
        h('label', {className: 'assess-radio__label', 'for': p + 'rating-' + i}, [
          r.id ? h('span', {className: 'assess-radio__swatch', 'aria-hidden': 'true'}) : null, r.label])]);
    });
    q.earlier = h('p', {className: 'assess-form__earlier', hidden: true});
    q.status = h('p', {className: 'assess-form__status', role: 'status', 'aria-live': 'polite'});
    q.print = h('div', {className: 'assess-print'});
    // The boxes are a group named by the question, so a screen reader
    // moving from box to box hears which question "Your answer" is for.
    var text = one('.question__text', q.slot.parentNode);
    if (text && !text.id) { text.id = p + 'text'; }
    q.form = h('div', {className: 'assess-form', role: 'group', 'aria-labelledby': text ? text.id : null}, [
      h('p', {className: 'assess-form__heading'}, ['Your answers for ', cycleName()]),
      q.earlier,
      h('div', {className: 'assess-form__fields'}, [
        field('answer', 'Your answer', box('answer', 4)),
        field('evidence', 'Evidence that supports it', box('evidence', 3)),
        h('fieldset', {className: 'assess-rating'}, [
          h('legend', {className: 'assess__label'}, ['Your rating for ', cycleName()]),
          h('div', {className: 'assess-radios'}, choices)]),
        h('fieldset', {className: 'assess-action'}, [
          h('legend', {className: 'assess__label'}, 'Action (optional)'),
          field('action', 'What will you do?', box('action', 2)),
          h('div', {className: 'assess-action__row'}, [
            field('owner', 'Owner', line('owner'), 'assess-field--owner'),
            field('due', 'By when', line('due'), 'assess-field--due')])])]),
      q.status,
      q.print
    ]);
    q.slot.appendChild(q.form);

    q.form.addEventListener('input', function (e) {
      if (e.target.type !== 'radio') { later(q); }
    });
    // change comes when a rating is chosen, and when a box is left after
    // typing: save at once.
    q.form.addEventListener('change', function () { save(q); });
  }

  // readForm is what the form shows. A form with no rating chosen keeps
  // the rating it was filled with, so a rating no longer on the scale is
  // kept until the reader chooses one.
  function readForm(q) {
    var r = record({});
    TEXTS.forEach(function (f) { r[f] = q.fields[f].value; });
    r.rating = q.base.rating;
    q.radios.forEach(function (radio) { if (radio.checked) { r.rating = radio.value; } });
    r.question = q.text;
    return r;
  }

  // setField shows a value in a field, keeping the caret of a box the
  // reader is in where it was.
  function setField(q, f, value) {
    if (f === 'rating') {
      q.radios.forEach(function (radio) { radio.checked = radio.value === value; });
      return;
    }
    var el = q.fields[f];
    if (el.value === value) { return; }
    var focused = document.activeElement === el;
    var from = el.selectionStart, to = el.selectionEnd;
    el.value = value;
    if (focused && typeof from === 'number') {
      try { el.setSelectionRange(Math.min(from, value.length), Math.min(to, value.length)); } catch (e) { /* not a text field */ }
    }
  }

  // fillForm shows the question's answers for the chosen cycle. The form
  // remembers what the storage held (base), field by field: a save writes
  // only the fields that differ from it.
  function fillForm(q) {
    q.base = store.fresh(level, q.id, cycle) || record({});
    var r = store.get(level, q.id, cycle) || record({}); // with a version not yet saved
    FIELDS.forEach(function (f) { setField(q, f, r[f]); });
    q.status.textContent = '';
    q.status.className = 'assess-form__status';
    if (r.rating && !onScale(r.rating)) {
      q.status.textContent = 'Saved rating ' + shown(r.rating) + ' is no longer on the rating scale: choose one.';
    }
    refreshQuestion(q);
  }

  var FIELD_NAMES = {answer: 'your answer', evidence: 'the evidence', rating: 'the rating', action: 'the action', owner: 'the owner', due: 'by when'};

  // both keeps two texts of one field, this tab's first. A text that
  // holds the other already is kept as it is.
  function both(f, mine, theirs) {
    if (mine.indexOf(theirs) >= 0) { return mine; }
    if (theirs.indexOf(mine) >= 0) { return theirs; }
    return mine + (f === 'owner' || f === 'due' ? ' / ' : '\n\n(From another tab:)\n') + theirs;
  }

  // merge puts what this tab changed (mine, against its base) over what
  // the storage holds now (theirs). It returns the record and the fields
  // changed both here and in another tab: of those, texts keep both
  // versions and the rating takes this tab's.
  function merge(q, mine, theirs) {
    var out = record(theirs);
    var clashes = [];
    FIELDS.forEach(function (f) {
      var a = mine[f], b = theirs[f];
      if (a === q.base[f] || a === b) { return; } // not changed here, or changed alike
      if (b === q.base[f]) { out[f] = a; return; } // changed here only
      clashes.push(f);
      out[f] = f === 'rating' || !b ? a : !a ? b : both(f, a, b);
    });
    out.question = q.text;
    return {record: out, clashes: clashes, replaced: theirs.rating};
  }

  // clashText says what a save did with fields changed in two tabs.
  function clashText(m) {
    var texts = m.clashes.filter(function (f) { return f !== 'rating'; }).map(function (f) { return FIELD_NAMES[f]; });
    var out = [];
    if (texts.length) { out.push('Another tab changed ' + words(texts) + ' of this question too: both texts are kept, this tab’s first.'); }
    if (m.clashes.indexOf('rating') >= 0) { out.push('Another tab rated it ' + ratingLabel(m.replaced) + ': your rating replaced that.'); }
    return out.join(' ');
  }

  function later(q) {
    window.clearTimeout(q.timer);
    q.timer = window.setTimeout(function () { save(q); }, SAVE_DELAY);
  }

  function flush() {
    questions.forEach(function (q) { if (q.timer) { save(q); } });
  }

  function save(q) {
    window.clearTimeout(q.timer);
    q.timer = null;
    var k = store.key(level, q.id, cycle);
    var theirs = store.fresh(level, q.id, cycle) || record({});
    var m = merge(q, readForm(q), theirs);
    var r = m.record;
    if (sameContent(r, theirs) && !store.unsaved[k]) { // nothing of this tab's to write
      q.base = theirs;
      FIELDS.forEach(function (f) { setField(q, f, r[f]); });
      return;
    }
    r.updated = new Date().toISOString();
    var err = store.put(level, q.id, cycle, r);
    if (err) {
      q.status.textContent = 'Not saved: ' + problemText(err) + '. Your text is still on this page: export your answers (at the end of the page) before you leave it.';
      q.status.className = 'assess-form__status assess-form__status--problem';
    } else {
      q.base = record(r);
      FIELDS.forEach(function (f) { setField(q, f, r[f]); });
      if (m.clashes.length) {
        q.status.textContent = 'Saved on this device. ' + clashText(m);
        q.status.className = 'assess-form__status assess-form__status--conflict';
      } else {
        q.status.textContent = 'Saved on this device';
        q.status.className = 'assess-form__status assess-form__status--saved';
      }
    }
    showProblem(err);
    refreshQuestion(q);
    refreshSummary();
  }

  // syncForm shows what another tab saved: fields not typed into here
  // take its values; a field typed into here and changed there too is
  // named in the status, and the save keeps both.
  function syncForm(q) {
    var k = store.key(level, q.id, cycle);
    if (store.unsaved[k]) { return; } // this tab's version waits to be saved
    var stored = store.fresh(level, q.id, cycle) || record({});
    var mine = readForm(q);
    var clashes = [];
    FIELDS.forEach(function (f) {
      if (mine[f] === q.base[f]) {
        setField(q, f, stored[f]);
        q.base[f] = stored[f];
      } else if (stored[f] === mine[f]) {
        q.base[f] = stored[f];
      } else if (stored[f] !== q.base[f]) {
        clashes.push(FIELD_NAMES[f]);
      }
    });
    if (clashes.length) {
      q.status.textContent = 'Another tab changed ' + words(clashes) + ' of this question while you were writing here. When this tab saves, nothing is lost: texts written in both are kept, this tab’s first.';
      q.status.className = 'assess-form__status assess-form__status--conflict';
    }
    refreshQuestion(q);
  }

  // showProblem says, at the top of the page, that answers are not being
  // saved; it goes once nothing is left unsaved.
  var problem = one('.assess__problem', root);
  function showProblem(err) {
    if (err) {
      problem.textContent = 'Your answers are not being saved: ' + problemText(err) + '. Export them before you leave this page (see the end of the page), then free some space or ask your IT team.';
    } else if (!store.hasUnsaved()) {
      problem.textContent = '';
    }
  }

  // refreshQuestion updates what a question shows besides its boxes: the
  // ratings of earlier cycles, and the answers as printed.
  function refreshQuestion(q) {
    var earlier = [];
    cycles.slice(0, cycles.indexOf(cycle)).forEach(function (c) {
      var r = store.get(level, q.id, c);
      if (r && r.rating) { earlier.push(ratingLabel(r.rating) + ' in ' + c); }
    });
    q.earlier.textContent = earlier.length ? 'Earlier ratings: ' + earlier.join('; ') + '.' : '';
    show(q.earlier, earlier.length > 0);

    empty(q.print);
    var r = store.get(level, q.id, cycle);
    if (!r || !hasContent(r)) { return; }
    function row(label, text) {
      return text ? h('p', {className: 'assess-print__item'}, [h('strong', {text: label + ': '}), text]) : null;
    }
    var owner = [r.owner ? 'owner ' + r.owner : '', r.due ? 'by ' + r.due : ''].filter(Boolean).join(', ');
    add(q.print, [
      h('p', {className: 'assess-print__heading', text: 'Answers for ' + cycle}),
      row('Rating', ratingLabel(r.rating)),
      row('Answer', r.answer),
      row('Evidence', r.evidence),
      row('Action', r.action + (owner ? (r.action ? ' (' + owner + ')' : owner) : ''))
    ]);
  }

  // ---- Summary, progress, actions, orphans -----------------------------

  // counts gives, for questions qs in cycle c, how many have each rating
  // id ("" for not rated, which includes a rating no longer on the scale).
  function counts(qs, c) {
    var n = map();
    n[''] = 0;
    ratings.forEach(function (r) { n[r.id] = 0; });
    qs.forEach(function (q) {
      var r = store.get(level, q.id, c);
      var id = r && own(n, r.rating) ? r.rating : '';
      n[id]++;
    });
    return n;
  }

  function countList(n) {
    return h('ul', {className: 'assess-counts'}, ratings.concat([{id: '', label: 'Not rated'}]).map(function (r) {
      return h('li', {className: 'assess-counts__item' + (r.id ? ' rating--' + r.id : '') + (n[r.id] ? '' : ' assess-counts__item--none')}, [
        r.id ? h('span', {className: 'assess-radio__swatch', 'aria-hidden': 'true'}) : null,
        r.label + ': ' + n[r.id]]);
    }));
  }

  function refreshSummary() {
    all('[data-cell]', summary).forEach(function (el) {
      var cell = el.getAttribute('data-cell');
      empty(el);
      el.appendChild(countList(counts(questions.filter(function (q) { return q.foundation + '--' + q.focus === cell; }), cycle)));
    });
    refreshProgress();
    refreshActions();
    refreshOrphans();
    summary.className = 'assess-summary part' + (store.sorted().length ? '' : ' assess-summary--empty');
  }

  // cell is a responsive table cell: its column's heading repeated for
  // the narrow layout, hidden from screen readers, which read the header.
  function cell(heading, content) {
    return h('td', {}, [h('span', {className: 'table-responsive__heading', 'aria-hidden': 'true', text: heading + ' '}), content]);
  }

  function refreshProgress() {
    var body = one('.assess-progress tbody', summary);
    empty(body);
    cycles.filter(function (c) { return c === cycle || cycleHasAnswers(c, hasContent); }).forEach(function (c) {
      var n = counts(questions, c);
      add(body, [h('tr', {}, [
        h('th', {scope: 'row', text: c === cycle ? c + ' (chosen)' : c}),
        ratings.concat([{id: '', label: 'Not rated'}]).map(function (r) { return cell(r.label, String(n[r.id])); })])]);
    });
  }

  function refreshActions() {
    var table = one('.assess-actions', summary);
    var body = one('tbody', table);
    empty(body);
    var rows = 0;
    questions.forEach(function (q) {
      cycles.forEach(function (c) {
        var r = store.get(level, q.id, c);
        if (!r || !(r.action || r.owner || r.due)) { return; }
        rows++;
        var name = q.text.length > 90 ? q.text.slice(0, 88) + '…' : q.text;
        add(body, [h('tr', {}, [
          cell('Question', h('a', {href: '#' + q.id, text: name})),
          cell('Review cycle', c), cell('Action', r.action), cell('Owner', r.owner), cell('By when', r.due)])]);
      });
    });
    show(table, rows > 0);
    show(one('.assess-actions-empty', summary), rows === 0);
  }

  // orphans are the answers this page should list because no question
  // shows them: saved here (or on a level that is gone) to a question no
  // longer in the framework, or kept beside a question's newer answer.
  function orphans() {
    return store.sorted().filter(function (e) {
      if (e.level === level && byID[e.qid]) { return false; }
      if (own(known, e.qid)) { return known[e.qid] === level; }
      return e.level === level || levels.indexOf(e.level) < 0;
    });
  }

  function refreshOrphans() {
    var box = one('.assess-orphans', summary);
    var list = one('.assess-orphans__list', box);
    empty(list);
    var groups = map();
    var order = [];
    orphans().forEach(function (e) {
      var g = e.level + ' ' + e.qid;
      if (!groups[g]) { groups[g] = []; order.push(g); }
      groups[g].push(e);
    });
    order.forEach(function (g) {
      var es = groups[g];
      var first = es[0];
      var note = own(known, first.qid) ?
        'An earlier answer to a question on this page, kept because the question has a newer one for the same cycle.' :
        'Saved on the ' + first.level + ' page.';
      add(list, [h('div', {className: 'assess-orphan'}, [
        h('h4', {className: 'assess-orphan__id', text: 'Question ' + first.qid}),
        first.record.question ? h('p', {className: 'assess-orphan__text', text: '“' + first.record.question + '”'}) : null,
        h('p', {className: 'assess-orphan__note', text: note}),
        es.map(function (e) {
          var r = e.record;
          var parts = ['Rating: ' + ratingLabel(r.rating)];
          if (r.answer) { parts.push('Answer: ' + r.answer); }
          if (r.evidence) { parts.push('Evidence: ' + r.evidence); }
          if (r.action) { parts.push('Action: ' + r.action); }
          if (r.owner) { parts.push('Owner: ' + r.owner); }
          if (r.due) { parts.push('By when: ' + r.due); }
          return h('div', {className: 'assess-orphan__cycle'}, [
            h('p', {}, [h('strong', {text: e.cycle})]),
            parts.map(function (t) { return h('p', {className: 'assess-orphan__item', text: t}); })]);
        })])]);
    });
    show(box, order.length > 0);
  }

  // ---- Confirmation panels --------------------------------------------

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

  // ---- Carry answers forward ------------------------------------------

  var carryButton = document.getElementById('assess-carry');
  var carryPanel = document.getElementById('assess-carry-panel');
  var message = one('.assess__message', root);

  function openCarry() {
    message.textContent = '';
    var sources = cycles.slice(0, cycles.indexOf(cycle)).filter(function (c) { return cycleHasAnswers(c, hasText); });
    var close = function () { closePanel(carryPanel, carryButton); };
    if (!sources.length) {
      openPanel(carryPanel, carryButton, [
        h('p', {text: 'There are no answers on this page from a cycle before ' + cycle + ' to copy.'}),
        buttons([button('Close', 'button--secondary', close)])]);
      return;
    }
    var from = h('select', {className: 'assess__select', id: 'assess-carry-from'}, sources.map(function (c) { return h('option', {value: c, text: c}); }));
    from.value = sources[sources.length - 1];
    var explain = h('p');
    var replace = h('input', {className: 'assess-check__input', type: 'checkbox', id: 'assess-carry-replace'});
    var replaceLabel = h('label', {className: 'assess-check__label', 'for': 'assess-carry-replace'});
    var replaceBox = h('div', {className: 'assess-check'}, [replace, replaceLabel]);
    function plan() {
      var copy = [];
      var clash = 0;
      questions.forEach(function (q) {
        var src = store.get(level, q.id, from.value);
        if (!src || !hasText(src)) { return; }
        var dst = store.get(level, q.id, cycle);
        var isClash = !!dst && hasText(dst);
        var same = !!dst && TEXTS.every(function (f) { return dst[f] === src[f]; });
        if (same) { return; }
        if (isClash) { clash++; }
        copy.push({q: q, clash: isClash});
      });
      return {copy: copy, clash: clash};
    }
    function describe() {
      var p = plan();
      var fresh = p.copy.length - p.clash;
      var text = 'This copies the answers, evidence and actions of ' + plural(fresh, 'question', 'questions') + ' from ' + from.value +
        ' into ' + cycle + ', where nothing is written for them yet.';
      if (p.clash) {
        text += ' ' + plural(p.clash, 'question already has', 'questions already have') + ' something written for ' + cycle +
          ': it stays unless you tick the box below.';
      }
      explain.textContent = p.copy.length === 0 ?
        'Every answer from ' + from.value + ' is already in ' + cycle + '.' :
        text + ' Ratings are not copied: rate each question again for ' + cycle + '.';
      replaceLabel.textContent = 'Also replace what is already written for ' + cycle + ' in ' + plural(p.clash, 'question', 'questions');
      replace.checked = false;
      show(replaceBox, p.clash > 0);
    }
    from.addEventListener('change', describe);
    openPanel(carryPanel, carryButton, [
      h('div', {className: 'assess-field'}, [h('label', {className: 'assess__label', 'for': 'assess-carry-from', text: 'Copy answers from'}), from]),
      explain, replaceBox,
      buttons([button('Copy answers', '', function () {
        flush(); // what was typed here is saved first
        var p = plan();
        var list = [];
        p.copy.forEach(function (c) {
          if (c.clash && !replace.checked) { return; }
          var src = store.get(level, c.q.id, from.value);
          var r = record(store.fresh(level, c.q.id, cycle)); // its rating, as saved now
          TEXTS.forEach(function (f) { r[f] = src[f]; });
          r.question = c.q.text;
          r.updated = new Date().toISOString();
          list.push({level: level, qid: c.q.id, cycle: cycle, record: r});
        });
        var err = store.putMany(list);
        close();
        message.textContent = err ?
          'Nothing was copied: ' + problemText(err) + '.' :
          'Copied answers to ' + plural(list.length, 'question', 'questions') + ' from ' + from.value + ' into ' + cycle + '. Rate each question for ' + cycle + '.';
        chooseCycle(cycle);
      }), button('Cancel', 'button--secondary', close)])]);
    describe();
  }

  // ---- Export ---------------------------------------------------------

  // exportData holds every answer in memory: one per question and cycle
  // in answers (the one on the question's level, else the newest), any
  // other in kept.
  function exportData() {
    var answers = map();
    var kept = [];
    var groups = map();
    var order = [];
    store.sorted().forEach(function (e) {
      var g = JSON.stringify([e.qid, e.cycle]);
      if (!groups[g]) { groups[g] = []; order.push(g); }
      groups[g].push(e);
    });
    function out(e) {
      var r = e.record;
      return {level: e.level, question: r.question, answer: r.answer, evidence: r.evidence, rating: r.rating,
        action: r.action, owner: r.owner, due: r.due, updated: r.updated};
    }
    order.forEach(function (g) {
      var es = groups[g];
      var home = own(known, es[0].qid) ? known[es[0].qid] : null;
      var first = es[0];
      es.forEach(function (e) {
        var here = e.level === home, there = first.level === home;
        if (here !== there ? here : e.record.updated > first.record.updated) { first = e; }
      });
      var byCycle = answers[first.qid] || (answers[first.qid] = map());
      byCycle[first.cycle] = out(first);
      es.forEach(function (e) {
        if (e === first) { return; }
        var r = out(e);
        var item = {id: e.qid, cycle: e.cycle};
        Object.keys(r).forEach(function (f) { item[f] = r[f]; });
        kept.push(item);
      });
    });
    var data = {format: 'workbook-answers', version: 1, framework: framework, title: title,
      exported: new Date().toISOString(), cycles: cycles, answers: answers};
    if (kept.length) { data.kept = kept; }
    return data;
  }

  // FORMULA is how a spreadsheet knows a formula or a command: its first
  // character other than spaces and line breaks is = + - @ (or one of
  // their full-width or small forms), or the text starts with a tab or a
  // carriage return.
  var FORMULA = /^(?:[\t\r]|[\s\u00a0\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b])/;

  // csvCell quotes a field, defusing anything a spreadsheet would run:
  // also the text as a spreadsheet may normalise it (NFKC folds every
  // other form of = + - @ into the plain one), where the browser can say.
  function csvCell(s) {
    s = String(s);
    if (FORMULA.test(s) || (typeof s.normalize === 'function' && FORMULA.test(s.normalize('NFKC')))) { s = '\'' + s; }
    return '"' + s.replace(/"/g, '""') + '"';
  }

  function exportCSV() {
    var rows = [['Framework', 'Level', 'Question ID', 'Question', 'Review cycle', 'Rating', 'Answer', 'Evidence', 'Action', 'Owner', 'By when', 'Last updated']];
    store.sorted().forEach(function (e) {
      var r = e.record;
      rows.push([framework, e.level, e.qid, r.question, e.cycle, ratingLabel(r.rating), r.answer, r.evidence, r.action, r.owner, r.due, r.updated]);
    });
    return '\uFEFF' + rows.map(function (row) { return row.map(csvCell).join(','); }).join('\r\n') + '\r\n';
  }

  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
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

  var transferMessage = document.getElementById('assess-transfer-message');
  var importProblem = document.getElementById('assess-import-problem');

  function exportAs(kind, text, type) {
    flush();
    var name = framework + '-answers-' + today() + '.' + kind;
    var n = Object.keys(store.entries).length;
    importProblem.textContent = '';
    download(name, type, text());
    transferMessage.textContent = 'Exported ' + plural(n, 'answer', 'answers') + ' to ' + name + '. Look for it where your browser saves downloads.';
  }

  // ---- Import ---------------------------------------------------------

  var importInput = document.getElementById('assess-import');
  var importPanel = document.getElementById('assess-import-panel');

  function refuse(why) {
    importProblem.textContent = 'Nothing was imported: ' + why;
  }

  var RECORD_FIELDS = FIELDS.concat(['question', 'updated', 'level']);

  // checkRecord checks one answer of a file and returns why it is refused,
  // or '' if it is not.
  function checkRecord(where, r) {
    if (!isObject(r)) { return where + 'the answer is not an object.'; }
    for (var f = 0; f < RECORD_FIELDS.length; f++) {
      var name = RECORD_FIELDS[f];
      if (!own(r, name)) { continue; }
      if (typeof r[name] !== 'string') { return where + '"' + name + '" should be text, not ' + shown(r[name]) + '.'; }
      if (r[name].length > TEXT_LIMIT) { return where + '"' + name + '" is longer than ' + TEXT_LIMIT + ' characters.'; }
    }
    if (own(r, 'rating') && !onScale(r.rating)) {
      return where + 'the rating ' + shown(r.rating) + ' is not one of ' + words(ratings.map(function (x) { return x.id; })) + ' (or "" for not rated).';
    }
    if (own(r, 'level') && r.level !== '' && !SLUG.test(r.level)) { return where + shown(r.level) + ' is not a level id.'; }
    return '';
  }

  function checkCycle(qid, c) {
    return c === '' || c.length > 200 ? cut(qid) + ' has a review cycle with no name or a very long one.' : '';
  }

  // readImport checks a file's text and returns {list, data} or {error}.
  // The list has one entry per answer with content, keyed as it will be
  // saved; a file naming the same question, cycle and level twice with
  // different answers is refused, as no export does that.
  function readImport(text) {
    var data;
    var i, j;
    function no(why) { return {error: why}; }
    if (text.length > IMPORT_LIMIT) { return no('the file is larger than 5 MB.'); }
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      return no('the file is not valid JSON, so it cannot be an export from this site (' + String(e && e.message).slice(0, 200) + ').');
    }
    if (!isObject(data) || data.format !== 'workbook-answers') {
      return no('the file is not an export of answers from this site (it should say "format": "workbook-answers").');
    }
    if (data.version !== 1) {
      return no('the file is in version ' + shown(data.version) + ' of the answers format; this page reads version 1.');
    }
    if (data.framework !== framework) {
      return no('the file holds answers to another framework (' + shown(data.framework) + '), not to the ' + title + ' (' + shown(framework) + ').');
    }
    if (!isObject(data.answers)) {
      return no('the file has no "answers" object.');
    }
    if (own(data, 'kept') && !(data.kept instanceof Array)) {
      return no('"kept" should be a list of answers.');
    }
    var list = [];
    var seen = map();
    function take(qid, c, r) {
      var rec = record(r);
      if (!hasContent(rec)) { return ''; }
      var lv = r.level || (own(known, qid) ? known[qid] : level);
      var k = store.key(lv, qid, c);
      if (seen[k]) {
        return sameContent(seen[k].record, rec) ? '' : cut(qid) + ', ' + cut(c) + ': the file holds two different answers for level ' + cut(lv) + '.';
      }
      seen[k] = {level: lv, qid: qid, cycle: c, record: rec};
      list.push(seen[k]);
      return '';
    }
    var why;
    var qids = Object.keys(data.answers);
    for (i = 0; i < qids.length; i++) {
      var qid = qids[i];
      var byCycle = data.answers[qid];
      if (!SLUG.test(qid)) { return no(shown(qid) + ' is not a question id.'); }
      if (!isObject(byCycle)) { return no('the answers to ' + cut(qid) + ' are not an object of review cycles.'); }
      var cs = Object.keys(byCycle);
      for (j = 0; j < cs.length; j++) {
        why = checkCycle(qid, cs[j]) || checkRecord(cut(qid) + ', ' + cut(cs[j]) + ': ', byCycle[cs[j]]) || take(qid, cs[j], byCycle[cs[j]]);
        if (why) { return no(why); }
      }
    }
    var kept = own(data, 'kept') ? data.kept : [];
    for (i = 0; i < kept.length; i++) {
      var e = kept[i];
      var where = '"kept" answer ' + (i + 1) + ': ';
      if (!isObject(e)) { return no(where + 'it is not an object.'); }
      if (typeof e.id !== 'string' || !SLUG.test(e.id)) { return no(where + shown(e.id) + ' is not a question id.'); }
      if (typeof e.cycle !== 'string') { return no(where + 'the review cycle should be text, not ' + shown(e.cycle) + '.'); }
      why = checkCycle(e.id, e.cycle) || checkRecord(cut(e.id) + ', ' + cut(e.cycle) + ': ', e) || take(e.id, e.cycle, e);
      if (why) { return no(why); }
    }
    if (!list.length) { return no('the file holds no answers.'); }
    return {data: data, list: list};
  }

  function dateText(iso) {
    if (typeof iso !== 'string' || !iso) { return ''; }
    var d = new Date(iso);
    if (isNaN(d.getTime())) { return ''; }
    try {
      return d.toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric'});
    } catch (e) {
      return d.toDateString();
    }
  }

  function previewImport(name, text) {
    var got = readImport(text);
    if (got.error) { refuse(got.error); return; }
    var changes = [];
    var added = 0, changed = 0, same = 0;
    var qs = map();
    got.list.forEach(function (e) {
      qs[e.qid] = true;
      var old = store.get(e.level, e.qid, e.cycle);
      if (old && sameContent(old, e.record)) { same++; return; }
      if (old) { changed++; } else { added++; }
      changes.push(e);
    });
    var close = function () { closePanel(importPanel, importInput); };
    var when = dateText(got.data.exported);
    var intro = name + ' holds ' + plural(got.list.length, 'answer', 'answers') + ' to ' + plural(Object.keys(qs).length, 'question', 'questions') +
      (when ? ', exported on ' + when : '') + '.';
    if (!changes.length) {
      openPanel(importPanel, importInput, [
        h('p', {text: intro + ' Every one of them is already saved on this device: there is nothing to import.'}),
        buttons([button('Close', 'button--secondary', close)])]);
      return;
    }
    openPanel(importPanel, importInput, [
      h('p', {className: 'assess-confirm__lead', text: intro}),
      h('ul', {}, [
        h('li', {text: plural(added, 'new answer', 'new answers') + ' will be added.'}),
        h('li', {text: plural(changed, 'answer', 'answers') + ' saved on this device will be replaced by the file’s version.'}),
        h('li', {text: plural(same, 'answer is', 'answers are') + ' the same in both.'})]),
      h('p', {text: 'Answers on this device that are not in the file stay as they are.'}),
      buttons([button('Import answers', '', function () {
        flush(); // what was typed here is saved first, then replaced as shown
        var err = store.putMany(changes);
        close();
        if (err) {
          refuse(problemText(err) + '.');
          return;
        }
        migrate();
        transferMessage.textContent = 'Imported ' + plural(changes.length, 'answer', 'answers') + ' from ' + name + '.';
        chooseCycle(cycle);
      }), button('Cancel', 'button--secondary', function () {
        close();
        transferMessage.textContent = 'Import cancelled: nothing changed.';
      })])]);
  }

  function startImport() {
    var file = importInput.files && importInput.files[0];
    importProblem.textContent = '';
    transferMessage.textContent = '';
    show(importPanel, false);
    if (!file) { return; }
    var name = file.name;
    if (file.size > IMPORT_LIMIT) {
      refuse(cut(name) + ' is ' + (file.size / 1048576).toFixed(1) + ' MB, and an export of answers is far smaller: the most this page reads is 5 MB.');
    } else if (!window.FileReader) {
      refuse('this browser cannot read files.');
    } else {
      var reader = new FileReader();
      reader.onload = function () { previewImport(name, String(reader.result)); };
      reader.onerror = function () { refuse(cut(name) + ' could not be read.'); };
      reader.readAsText(file, 'utf-8');
    }
    importInput.value = ''; // choosing the same file again reads it again
  }

  // ---- Delete all -----------------------------------------------------

  var clearButton = document.getElementById('assess-clear');
  var clearPanel = document.getElementById('assess-clear-panel');

  function openClear() {
    flush();
    transferMessage.textContent = '';
    var es = store.sorted();
    var close = function () { closePanel(clearPanel, clearButton); };
    if (!es.length) {
      openPanel(clearPanel, clearButton, [
        h('p', {text: 'There are no answers saved on this device to delete.'}),
        buttons([button('Close', 'button--secondary', close)])]);
      return;
    }
    var qs = map();
    es.forEach(function (e) { qs[e.qid] = true; });
    openPanel(clearPanel, clearButton, [
      h('p', {className: 'assess-confirm__lead', text: 'This deletes ' + plural(es.length, 'answer', 'answers') + ' to ' +
        plural(Object.keys(qs).length, 'question', 'questions') + ', at every level and in every review cycle of the ' + title +
        ', from this browser on this device. It cannot be undone.'}),
      h('p', {text: 'Export your answers first if you may want them again.'}),
      buttons([button('Delete all answers', 'button--warning', function () {
        es.forEach(function (e) { store.remove(store.key(e.level, e.qid, e.cycle)); });
        close();
        showProblem(null);
        transferMessage.textContent = 'Deleted ' + plural(es.length, 'answer', 'answers') + ' from this device.';
        chooseCycle(cycle);
      }), button('Cancel', 'button--secondary', close)])]);
  }

  // ---- Start ----------------------------------------------------------

  store.load();
  migrate();
  questions.forEach(buildForm);
  chooseCycle(firstCycle());

  cycleSelect.addEventListener('change', function () { chooseCycle(cycleSelect.value); });
  carryButton.addEventListener('click', function () {
    if (carryPanel.hasAttribute('hidden')) { openCarry(); } else { closePanel(carryPanel, carryButton); }
  });
  if (window.Blob && (window.navigator.msSaveOrOpenBlob || (window.URL && window.URL.createObjectURL))) {
    document.getElementById('assess-export-json').addEventListener('click', function () {
      exportAs('json', function () { return JSON.stringify(exportData(), null, 2) + '\n'; }, 'application/json');
    });
    document.getElementById('assess-export-csv').addEventListener('click', function () {
      exportAs('csv', exportCSV, 'text/csv;charset=utf-8');
    });
  } else {
    show(one('.assess-buttons', summary), false);
  }
  importInput.addEventListener('change', startImport);
  clearButton.addEventListener('click', function () {
    if (clearPanel.hasAttribute('hidden')) { openClear(); } else { closePanel(clearPanel, clearButton); }
  });

  // Another tab of the site changed the answers: show them, field by
  // field, except where this tab has typed something not yet saved.
  window.addEventListener('storage', function (e) {
    if (e.key !== null && e.key.indexOf(PREFIX) !== 0) { return; }
    store.load();
    questions.forEach(syncForm);
    refreshSummary();
  });

  // Save what was typed in the last half second before the page goes; if
  // the browser refused anything, ask before leaving.
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', function (e) {
    flush();
    if (store.hasUnsaved()) {
      e.preventDefault();
      e.returnValue = 'Some answers are not saved.';
      return e.returnValue;
    }
    return undefined;
  });

  if (!store.ls) {
    showProblem({name: 'unavailable'});
  } else {
    try {
      store.ls.setItem(SETTINGS, JSON.stringify({cycle: cycle}));
    } catch (e) {
      showProblem(e);
    }
  }
  show(root, true);
  show(summary, true);
})();
