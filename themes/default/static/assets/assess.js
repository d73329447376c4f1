/*
 * assess.js: the in-browser self-assessment of the default theme.
 *
 * On a level page it asks once for the reader's name (and, if they like,
 * their team), and puts, under each question, boxes for the reader's
 * answer and evidence, a rating (red, amber, green or not rated yet) for
 * the chosen review cycle, and an optional action with its owner, date
 * and whether it is done; near the top, how many questions are answered
 * and a way to the next unanswered one; and at the end of the page a
 * summary, the action list, answers to questions no longer in the
 * framework, and export, import and delete. partials/assess-*.html hold
 * the page's part (hidden until this runs); this file builds the
 * per-question forms, so pages stay small. Every word it prints comes
 * from the strings file through words.js (keys assess.*, file.*).
 *
 * Everything stays in the browser's localStorage on this device: the
 * script makes no network request. It is ES5 with feature detection, in
 * files loaded from the site (never inline): words.js, kit.js and
 * formats.js first. So old intranet browsers run it, it works opened from
 * a folder (file://), and the site keeps Content-Security-Policy:
 * default-src 'self'.
 *
 * STORAGE: one localStorage item per question and cycle,
 *   key    "workbook-answers:" + JSON.stringify([framework, level, question, cycle])
 *   value  JSON of a record as below, without "level"
 * where framework is config.toml's id and level the page it was answered
 * on; plus "workbook-settings:" + JSON.stringify([framework]) holding
 * {"cycle": "<the chosen cycle>"}, and "workbook-person:" +
 * JSON.stringify([framework]) holding {"name", "team"}: the reader, asked
 * once for every level. Answers saved under a question's earlier id (its
 * aliases) or on another level are moved to the question when its page
 * loads, never dropped: if the question already has a different answer
 * for that cycle, both are kept and the other is listed.
 *
 * TWO TABS: the same page may be open in several tabs, which share the
 * storage. Each form remembers, field by field, what it last read from
 * the storage; a save writes only the fields typed into in this tab over
 * what the storage holds now, so it never undoes another tab's work. A
 * field changed in both tabs keeps both texts (this tab's first) and says
 * so; a rating or a status changed in both takes this tab's and says so.
 * When another tab saves, fields not typed into here show its text at
 * once, and fields typed into here are marked.
 *
 * ACTIONS: an action is open until the reader marks it done. Copying
 * answers into a later cycle moves each open action into it (the later
 * cycle's record holds it, the earlier one no longer does), so an action
 * is listed once however many cycles it runs over; a done action stays in
 * the cycle where it was done.
 *
 * EXPORT (JSON): the answers format, version 2, is specified in
 * generator/answers (its package doc): the reader's name and team in
 * "person", an action's "status" in its record. The page asks for the
 * name before it exports, and puts it in the file's name. A second answer
 * for the same question and cycle, saved on another level, goes in the
 * export's "kept" list (which only this page reads), so that "answers",
 * which has room for one answer per question and cycle, never drops one.
 * Import reads versions 1 and 2 through formats.js, which accepts and
 * refuses what the program does; an answer goes back to the level it
 * names (a missing level is the question's, else this page's).
 *
 * CSV EXPORT: one row per question and cycle with anything saved, for a
 * spreadsheet: UTF-8 with a byte order mark, CRLF line ends, every field
 * in double quotes (quotes doubled), and a ' before any field whose first
 * character other than spaces and line breaks is = + - @ (or their
 * full-width forms), or that starts with a tab or carriage return, so no
 * spreadsheet runs it as a formula. Columns: Name, Team, Framework,
 * Level, Question ID, Question number, Question, Review cycle, Rating (the
 * rating's word, or "Not rated"), Answer, Evidence, Action, Owner, By
 * when, Status, Last updated (their words come from the strings file).
 */
(function () {
  'use strict';

  var root = document.getElementById('assess');
  var summary = document.getElementById('assess-summary');
  var words = window.workbookWords, kit = window.workbookKit, formats = window.workbookFormats;
  if (!root || !summary || !words || !kit || !formats || !window.addEventListener || !Object.keys || !('textContent' in root)) {
    return;
  }
  var t = words.t;
  var all = kit.all, one = kit.one, own = kit.own, map = kit.map, isObject = kit.isObject, split = kit.split,
    show = kit.show, empty = kit.empty, squash = kit.squash, h = kit.h, add = kit.add, cut = kit.cut,
    shown = kit.shown, cell = kit.cell, button = kit.button, buttons = kit.buttons;

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
  var site = {framework: framework, levels: levels, ratings: ratings.map(function (r) { return r.id; })};
  var questions = all('.assess-slot').map(function (slot) {
    var el = slot.parentNode;
    var text = one('.question__text', el);
    return {
      id: slot.getAttribute('data-question'),
      number: slot.getAttribute('data-number'),
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

  var TEXT_LIMIT = formats.MAX_TEXT;
  var SAVE_DELAY = 500; // ms after the last keystroke
  // CONTENT are the fields that make a record an answer; FIELDS are all
  // the reader sets (an action's status too); TEXTS are typed.
  var CONTENT = ['answer', 'evidence', 'rating', 'action', 'owner', 'due'];
  var FIELDS = CONTENT.concat(['status']);
  var TEXTS = ['answer', 'evidence', 'action', 'owner', 'due'];
  var PREFIX = 'workbook-answers:';
  var SETTINGS = 'workbook-settings:' + JSON.stringify([framework]);
  var PERSON = 'workbook-person:' + JSON.stringify([framework]);

  function onScale(id) { return typeof id === 'string' && own(scale, id); }
  function ratingLabel(id) {
    if (!id) { return t('assess.not_rated'); }
    for (var i = 0; i < ratings.length; i++) {
      if (ratings[i].id === id) { return ratings[i].label; }
    }
    return id;
  }
  function cycleIndex(c) {
    var i = cycles.indexOf(c);
    return i < 0 ? cycles.length : i;
  }
  function questionName(q) { return t('question_number', {n: q.number}); }

  // ---- Records --------------------------------------------------------

  // record keeps the known fields of r, each a string; an action is done
  // or not ("" is open).
  function record(r) {
    var out = {};
    FIELDS.concat(['question', 'updated']).forEach(function (f) {
      out[f] = r && typeof r[f] === 'string' ? r[f] : '';
    });
    out.status = out.status === 'done' ? 'done' : '';
    return out;
  }
  function hasContent(r) { return CONTENT.some(function (f) { return r[f] !== ''; }); }
  function hasText(r) { return TEXTS.some(function (f) { return r[f] !== ''; }); }
  function hasAction(r) { return r.action !== '' || r.owner !== '' || r.due !== ''; }
  function sameContent(a, b) {
    return FIELDS.every(function (f) { return (a ? a[f] : '') === (b ? b[f] : ''); });
  }

  // ---- Storage --------------------------------------------------------

  function problemText(e) { return kit.storageProblem(store.ls, e); }

  // store mirrors this framework's answers in memory. A write that fails
  // stays in memory, marked unsaved, so the reader can still export it.
  var store = {
    ls: kit.openStorage(SETTINGS),
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
      var value = kit.readJSON(this.ls, k);
      var r = isObject(value) ? record(value) : null;
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

  // ---- Who answers ----------------------------------------------------

  var nameInput = document.getElementById('assess-name');
  var teamInput = document.getElementById('assess-team');
  var personStatus = document.getElementById('assess-person-status');
  var personTimer = null;

  // oneLine keeps a name to one line: control characters, tabs and line
  // breaks (which a paste can bring) become spaces.
  function oneLine(s) { return String(s).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' '); }

  function readPerson() {
    var p = kit.readJSON(store.ls, PERSON);
    return {
      name: isObject(p) && typeof p.name === 'string' ? oneLine(p.name).slice(0, formats.MAX_PERSON) : '',
      team: isObject(p) && typeof p.team === 'string' ? oneLine(p.team).slice(0, formats.MAX_PERSON) : ''
    };
  }
  // person is whose answers these are, as saved (or typed, if the
  // browser refused to save it): name '' until the reader gives one.
  var person = {name: '', team: ''};
  function named() { return squash(person.name) !== ''; }

  function showPerson() {
    if (document.activeElement !== nameInput) { nameInput.value = person.name; }
    if (document.activeElement !== teamInput) { teamInput.value = person.team; }
    var whose = document.getElementById('assess-whose');
    whose.textContent = named() ?
      (squash(person.team) ? t('assess.whose_team', {name: squash(person.name), team: squash(person.team)}) : t('assess.whose', {name: squash(person.name)})) : '';
    show(whose, named());
  }

  function savePerson() {
    window.clearTimeout(personTimer);
    personTimer = null;
    person = {name: oneLine(nameInput.value).slice(0, formats.MAX_PERSON), team: oneLine(teamInput.value).slice(0, formats.MAX_PERSON)};
    var err = null;
    try {
      if (!store.ls) { throw {name: 'unavailable'}; }
      if (person.name || person.team) { store.ls.setItem(PERSON, JSON.stringify(person)); } else { store.ls.removeItem(PERSON); }
    } catch (e) {
      err = e;
    }
    personStatus.textContent = err ? t('assess.person_not_saved', {why: problemText(err)}) :
      named() ? t('assess.person_saved') : '';
    showPerson();
  }

  // ---- The chosen review cycle ----------------------------------------

  function savedCycle() {
    var s = kit.readJSON(store.ls, SETTINGS);
    return isObject(s) && typeof s.cycle === 'string' ? s.cycle : null;
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
    // One control, one mark: the radio button itself carries the
    // rating's colour (assess.css), beside the rating's word.
    var choices = ratings.concat([{id: '', label: t('assess.not_rated_yet')}]).map(function (r, i) {
      var input = h('input', {className: 'assess-radio__input' + (r.id ? ' rating--' + r.id : ''), type: 'radio', id: p + 'rating-' + i, name: p + 'rating', value: r.id});
      q.radios.push(input);
      return h('div', {className: 'assess-radio'}, [input, h('label', {className: 'assess-radio__label', 'for': p + 'rating-' + i, text: r.label})]);
    });
    var done = h('input', {className: 'assess-check__input', type: 'checkbox', id: p + 'status', name: 'status', value: 'done'});
    q.fields.status = done;
    q.earlier = h('p', {className: 'assess-form__earlier', hidden: true});
    q.status = h('p', {className: 'assess-form__status', role: 'status', 'aria-live': 'polite'});
    q.print = h('div', {className: 'assess-print'});
    var next = h('button', {type: 'button', className: 'button-small assess-next', text: t('assess.next')});
    next.addEventListener('click', function () { goToNextUnanswered(q, q.status); });
    // The boxes are a group named by the question's number and text, so
    // a screen reader moving from box to box hears which question "Your
    // answer" is for.
    var el = q.slot.parentNode;
    var text = one('.question__text', el);
    var number = one('.question__number', el);
    if (text && !text.id) { text.id = p + 'text'; }
    if (number && !number.id) { number.id = p + 'number'; }
    var label = [number ? number.id : '', text ? text.id : ''].filter(Boolean).join(' ');
    q.form = h('div', {className: 'assess-form', role: 'group', 'aria-labelledby': label || null}, [
      h('p', {className: 'assess-form__heading'}, [t('assess.your_answers_for'), ' ', cycleName()]),
      q.earlier,
      h('div', {className: 'assess-form__fields'}, [
        field('answer', t('assess.answer'), box('answer', 4)),
        field('evidence', t('assess.evidence'), box('evidence', 3)),
        h('fieldset', {className: 'assess-rating'}, [
          h('legend', {className: 'assess__label'}, [t('assess.your_rating_for'), ' ', cycleName()]),
          h('div', {className: 'assess-radios'}, choices)]),
        h('fieldset', {className: 'assess-action'}, [
          h('legend', {className: 'assess__label', text: t('assess.action_optional')}),
          field('action', t('assess.action'), box('action', 2)),
          h('div', {className: 'assess-action__row'}, [
            field('owner', t('assess.owner'), line('owner'), 'assess-field--owner'),
            field('due', t('assess.due'), line('due'), 'assess-field--due')]),
          h('div', {className: 'assess-check assess-check--done'}, [done,
            h('label', {className: 'assess-check__label', 'for': p + 'status', text: t('assess.action_done')})])])]),
      q.status,
      h('p', {className: 'assess-form__next'}, next),
      q.print
    ]);
    q.slot.appendChild(q.form);

    q.form.addEventListener('input', function (e) {
      if (e.target.type !== 'radio' && e.target.type !== 'checkbox') { later(q); }
    });
    // change comes when a rating is chosen or a box ticked, and when a box
    // is left after typing: save at once.
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
    r.status = q.fields.status.checked ? 'done' : '';
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
    if (f === 'status') {
      q.fields.status.checked = value === 'done';
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

  function setStatus(q, text, kind) {
    q.status.textContent = text;
    q.status.className = 'assess-form__status' + (kind ? ' assess-form__status--' + kind : '');
  }

  // fillForm shows the question's answers for the chosen cycle. The form
  // remembers what the storage held (base), field by field: a save writes
  // only the fields that differ from it.
  function fillForm(q) {
    q.base = store.fresh(level, q.id, cycle) || record({});
    var r = store.get(level, q.id, cycle) || record({}); // with a version not yet saved
    FIELDS.forEach(function (f) { setField(q, f, r[f]); });
    setStatus(q, '', '');
    if (r.rating && !onScale(r.rating)) {
      q.status.textContent = t('assess.rating_gone', {rating: shown(r.rating)});
    }
    refreshQuestion(q);
  }

  // both keeps two texts of one field, this tab's first. A text that
  // holds the other already is kept as it is.
  function both(f, mine, theirs) {
    if (mine.indexOf(theirs) >= 0) { return mine; }
    if (theirs.indexOf(mine) >= 0) { return theirs; }
    return mine + (f === 'owner' || f === 'due' ? ' / ' : '\n\n' + t('assess.from_another_tab') + '\n') + theirs;
  }

  // merge puts what this tab changed (mine, against its base) over what
  // the storage holds now (theirs). It returns the record and the fields
  // changed both here and in another tab: of those, texts keep both
  // versions, and the rating and the status take this tab's.
  function merge(q, mine, theirs) {
    var out = record(theirs);
    var clashes = [];
    FIELDS.forEach(function (f) {
      var a = mine[f], b = theirs[f];
      if (a === q.base[f] || a === b) { return; } // not changed here, or changed alike
      if (b === q.base[f]) { out[f] = a; return; } // changed here only
      clashes.push(f);
      out[f] = f === 'rating' || f === 'status' || !b ? a : !a ? b : both(f, a, b);
    });
    out.question = q.text;
    return {record: out, clashes: clashes, replaced: theirs.rating};
  }

  function fieldNames(fs) { return words.list(fs.map(function (f) { return t('assess.field.' + f); })); }

  // clashText says what a save did with fields changed in two tabs.
  function clashText(m) {
    var texts = m.clashes.filter(function (f) { return f !== 'rating' && f !== 'status'; });
    var out = [];
    if (texts.length) { out.push(t('assess.clash_texts', {fields: fieldNames(texts)})); }
    if (m.clashes.indexOf('rating') >= 0) { out.push(t('assess.clash_rating', {rating: ratingLabel(m.replaced)})); }
    if (m.clashes.indexOf('status') >= 0) { out.push(t('assess.clash_status')); }
    return out.join(' ');
  }

  function later(q) {
    window.clearTimeout(q.timer);
    q.timer = window.setTimeout(function () { save(q); }, SAVE_DELAY);
  }

  function flush() {
    questions.forEach(function (q) { if (q.timer) { save(q); } });
    if (personTimer) { savePerson(); }
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
      setStatus(q, t('assess.not_saved', {why: problemText(err)}), 'problem');
    } else {
      q.base = record(r);
      FIELDS.forEach(function (f) { setField(q, f, r[f]); });
      if (m.clashes.length) {
        setStatus(q, t('assess.saved') + '. ' + clashText(m), 'conflict');
      } else {
        setStatus(q, t('assess.saved'), 'saved');
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
        clashes.push(f);
      }
    });
    if (clashes.length) {
      setStatus(q, t('assess.clash_while_writing', {fields: fieldNames(clashes)}), 'conflict');
    }
    refreshQuestion(q);
  }

  // showProblem says, at the top of the page, that answers are not being
  // saved; it goes once nothing is left unsaved.
  var problem = one('.assess__problem', root);
  function showProblem(err) {
    if (err) {
      problem.textContent = t('assess.not_being_saved', {why: problemText(err)});
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
      if (r && r.rating) { earlier.push(t('assess.rating_in', {rating: ratingLabel(r.rating), cycle: c})); }
    });
    q.earlier.textContent = earlier.length ? t('assess.earlier_ratings', {ratings: earlier.join(t('assess.earlier_separator'))}) : '';
    show(q.earlier, earlier.length > 0);

    empty(q.print);
    var r = store.get(level, q.id, cycle);
    if (!r || !hasContent(r)) { return; }
    function row(label, text) {
      return text ? h('p', {className: 'assess-print__item'}, [h('strong', {text: label + ': '}), text]) : null;
    }
    add(q.print, [
      h('p', {className: 'assess-print__heading', text: t('assess.print_heading', {cycle: cycle})}),
      row(t('assess.rating'), ratingLabel(r.rating)),
      row(t('assess.answer_short'), r.answer),
      row(t('assess.evidence_short'), r.evidence),
      row(t('assess.action_short'), actionText(r))
    ]);
  }

  // actionText is an action as one line: what, who, by when, and done.
  function actionText(r) {
    var who = [r.owner ? t('assess.owned_by', {owner: r.owner}) : '', r.due ? t('assess.by', {due: r.due}) : ''].filter(Boolean).join(', ');
    var text = r.action + (who ? (r.action ? ' (' + who + ')' : who) : '');
    return text && r.status === 'done' ? text + ' ' + t('assess.done_mark') : text;
  }

  // ---- Progress and the next unanswered question ----------------------

  var answeredText = document.getElementById('assess-answered');
  var answeredBar = document.getElementById('assess-answered-bar');
  var nextButton = document.getElementById('assess-next');
  var nextMessage = document.getElementById('assess-next-message');

  function answered(q) {
    var r = store.get(level, q.id, cycle);
    return !!r && hasContent(r);
  }

  function refreshAnswered() {
    var n = questions.filter(answered).length;
    answeredText.textContent = t('assess.answered', {answered: n, n: questions.length, cycle: cycle});
    answeredBar.max = Math.max(questions.length, 1);
    answeredBar.value = n;
    answeredBar.textContent = n + '/' + questions.length;
  }

  // goToNextUnanswered moves to the first question after from (or from
  // the top) with nothing saved for the chosen cycle, going round to the
  // start; say is where to say that every question is answered.
  function goToNextUnanswered(from, say) {
    flush();
    var start = from ? questions.indexOf(from) + 1 : 0;
    for (var i = 0; i < questions.length; i++) {
      var q = questions[(start + i) % questions.length];
      if (q !== from && !answered(q)) {
        nextMessage.textContent = '';
        var el = document.getElementById(q.id);
        if (el && el.scrollIntoView) { el.scrollIntoView(true); }
        q.fields.answer.focus();
        return;
      }
    }
    say.textContent = t('assess.all_answered', {cycle: cycle});
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

  // countList is a cell of the summary: a chip for each rating given,
  // its number and its word on the rating's colour, then the questions
  // not rated. Ratings no one gave are left out, so a cell reads at a
  // glance; the words are there, so colour is never the only sign.
  function countList(n) {
    return h('ul', {className: 'assess-counts'}, ratings.concat([{id: '', label: t('assess.not_rated')}]).map(function (r) {
      if (!n[r.id]) { return null; }
      return h('li', {className: 'assess-chip' + (r.id ? ' rating--' + r.id : ' assess-chip--none')}, [
        h('span', {className: 'assess-chip__n', text: String(n[r.id])}), ' ', r.label]);
    }));
  }

  function refreshSummary() {
    all('[data-cell]', summary).forEach(function (el) {
      var c = el.getAttribute('data-cell');
      empty(el);
      el.appendChild(countList(counts(questions.filter(function (q) { return q.foundation + '--' + q.focus === c; }), cycle)));
    });
    refreshAnswered();
    refreshProgress();
    refreshActions();
    refreshOrphans();
    summary.className = 'assess-summary part' + (store.sorted().length ? '' : ' assess-summary--empty');
  }

  function refreshProgress() {
    var body = one('.assess-progress tbody', summary);
    empty(body);
    cycles.filter(function (c) { return c === cycle || cycleHasAnswers(c, hasContent); }).forEach(function (c) {
      var n = counts(questions, c);
      add(body, [h('tr', {}, [
        h('th', {scope: 'row', text: c === cycle ? t('assess.cycle_chosen', {cycle: c}) : c}),
        ratings.concat([{id: '', label: t('assess.not_rated')}]).map(function (r) { return cell(r.label, String(n[r.id])); })])]);
    });
  }

  // refreshActions lists every action on this page's questions, in every
  // cycle, each once (see ACTIONS above), with a box to mark it done.
  function refreshActions() {
    var table = one('.assess-actions', summary);
    var body = one('tbody', table);
    empty(body);
    var rows = 0;
    questions.forEach(function (q) {
      cycles.forEach(function (c) {
        var r = store.get(level, q.id, c);
        if (!r || !hasAction(r)) { return; }
        rows++;
        var id = 'assess-done-' + rows;
        var box = h('input', {className: 'assess-check__input', type: 'checkbox', id: id});
        box.checked = r.status === 'done';
        box.addEventListener('change', function () { markDone(q, c, box.checked); });
        var name = q.text.length > 90 ? q.text.slice(0, 88) + '…' : q.text;
        add(body, [h('tr', {className: r.status === 'done' ? 'assess-actions__done' : null}, [
          cell(t('assess.col.question'), h('a', {href: '#' + q.id}, [h('span', {className: 'assess-actions__number', text: questionName(q)}), ' ', name])),
          cell(t('assess.col.cycle'), c), cell(t('assess.col.action'), r.action), cell(t('assess.col.owner'), r.owner), cell(t('assess.col.due'), r.due),
          cell(t('assess.col.status'), h('div', {className: 'assess-check'}, [box, h('label', {className: 'assess-check__label', 'for': id, text: t('assess.done')})]))])]);
      });
    });
    show(table, rows > 0);
    show(one('.assess-actions-empty', summary), rows === 0);
  }

  // markDone saves an action's status from the action list, in whatever
  // cycle the action is.
  function markDone(q, c, done) {
    if (c === cycle) {
      q.fields.status.checked = done;
      save(q);
      return;
    }
    var r = record(store.fresh(level, q.id, c) || store.get(level, q.id, c));
    r.status = done ? 'done' : '';
    r.updated = new Date().toISOString();
    showProblem(store.put(level, q.id, c, r));
    refreshSummary();
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
      var note = own(known, first.qid) ? t('assess.orphan_kept') : t('assess.orphan_level', {level: first.level});
      add(list, [h('div', {className: 'assess-orphan'}, [
        h('h4', {className: 'assess-orphan__id', text: t('assess.orphan_id', {id: first.qid})}),
        first.record.question ? h('p', {className: 'assess-orphan__text', text: t('assess.quoted', {text: first.record.question})}) : null,
        h('p', {className: 'assess-orphan__note', text: note}),
        es.map(function (e) {
          var r = e.record;
          var parts = [t('assess.labelled', {label: t('assess.rating'), text: ratingLabel(r.rating)})];
          [['answer', 'assess.answer_short'], ['evidence', 'assess.evidence_short'], ['action', 'assess.action_short'],
            ['owner', 'assess.col.owner'], ['due', 'assess.col.due']].forEach(function (f) {
            if (r[f[0]]) { parts.push(t('assess.labelled', {label: t(f[1]), text: r[f[0]]})); }
          });
          if (hasAction(r) && r.status === 'done') { parts.push(t('assess.labelled', {label: t('assess.col.status'), text: t('assess.done')})); }
          return h('div', {className: 'assess-orphan__cycle'}, [
            h('p', {}, [h('strong', {text: e.cycle})]),
            parts.map(function (x) { return h('p', {className: 'assess-orphan__item', text: x}); })]);
        })])]);
    });
    show(box, order.length > 0);
  }

  // ---- Carry answers forward ------------------------------------------

  var carryButton = document.getElementById('assess-carry');
  var carryPanel = document.getElementById('assess-carry-panel');
  var message = one('.assess__message', root);

  // copyable is what of a record moves into a later cycle: its answer and
  // evidence, and its action while the action is open.
  function openAction(r) { return hasAction(r) && r.status !== 'done'; }
  function copyable(r) { return !!r && (r.answer !== '' || r.evidence !== '' || openAction(r)); }

  function openCarry() {
    message.textContent = '';
    var sources = cycles.slice(0, cycles.indexOf(cycle)).filter(function (c) { return cycleHasAnswers(c, copyable); });
    var close = function () { kit.closePanel(carryPanel, carryButton); };
    if (!sources.length) {
      kit.openPanel(carryPanel, carryButton, [
        h('p', {text: t('assess.carry_none', {cycle: cycle})}),
        buttons([button(t('assess.close'), 'button--secondary', close)])]);
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
      var clash = 0, moving = 0;
      questions.forEach(function (q) {
        var src = store.get(level, q.id, from.value);
        if (!copyable(src)) { return; }
        var dst = store.get(level, q.id, cycle);
        var isClash = !!dst && hasText(dst);
        var same = !!dst && dst.answer === src.answer && dst.evidence === src.evidence && !openAction(src);
        if (same) { return; }
        if (isClash) { clash++; }
        if (openAction(src)) { moving++; }
        copy.push({q: q, clash: isClash});
      });
      return {copy: copy, clash: clash, moving: moving};
    }
    function describe() {
      var p = plan();
      var fresh = p.copy.length - p.clash;
      var text = t('assess.carry_what', {n: fresh, from: from.value, to: cycle});
      if (p.moving) { text += ' ' + t('assess.carry_actions', {n: p.moving, from: from.value, to: cycle}); }
      if (p.clash) { text += ' ' + t('assess.carry_clash', {n: p.clash, to: cycle}); }
      explain.textContent = p.copy.length === 0 ? t('assess.carry_done_already', {from: from.value, to: cycle}) :
        text + ' ' + t('assess.carry_ratings', {to: cycle});
      replaceLabel.textContent = t('assess.carry_replace', {n: p.clash, to: cycle});
      replace.checked = false;
      show(replaceBox, p.clash > 0);
    }
    from.addEventListener('change', describe);
    kit.openPanel(carryPanel, carryButton, [
      h('div', {className: 'assess-field'}, [h('label', {className: 'assess__label', 'for': 'assess-carry-from', text: t('assess.carry_from')}), from]),
      explain, replaceBox,
      buttons([button(t('assess.carry_button'), '', function () {
        flush(); // what was typed here is saved first
        var list = carryList(plan(), from.value, replace.checked);
        var err = store.putMany(list);
        close();
        message.textContent = err ? t('assess.carry_failed', {why: problemText(err)}) :
          t('assess.carry_copied', {n: list.filter(function (e) { return e.cycle === cycle; }).length, from: from.value, to: cycle});
        chooseCycle(cycle);
      }), button(t('assess.cancel'), 'button--secondary', close)])]);
    describe();
  }

  // carryList is the records a copy writes: into the chosen cycle, each
  // question's answer and evidence and its open action (an action already
  // written there stays unless an open one replaces it); and back into
  // the earlier cycle, the same record without the action that moved.
  function carryList(p, source, replace) {
    var list = [];
    var now = new Date().toISOString();
    p.copy.forEach(function (c) {
      if (c.clash && !replace) { return; }
      var src = store.get(level, c.q.id, source);
      var r = record(store.fresh(level, c.q.id, cycle)); // its rating, as saved now
      r.answer = src.answer;
      r.evidence = src.evidence;
      if (openAction(src)) {
        r.action = src.action;
        r.owner = src.owner;
        r.due = src.due;
        r.status = '';
        var left = record(src);
        left.action = left.owner = left.due = left.status = '';
        left.updated = now;
        list.push({level: level, qid: c.q.id, cycle: source, record: left});
      }
      r.question = c.q.text;
      r.updated = now;
      list.push({level: level, qid: c.q.id, cycle: cycle, record: r});
    });
    return list;
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
        action: r.action, owner: r.owner, due: r.due, status: r.status === 'done' ? 'done' : hasAction(r) ? 'open' : '',
        updated: r.updated};
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
    var data = {format: formats.ANSWERS, version: formats.ANSWERS_VERSION, framework: framework,
      person: {name: squash(person.name), team: squash(person.team)},
      title: title, exported: new Date().toISOString(), cycles: cycles, answers: answers};
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
    var cols = ['name', 'team', 'framework', 'level', 'question_id', 'number', 'question', 'cycle', 'rating', 'answer', 'evidence', 'action', 'owner', 'due', 'status', 'updated'];
    var rows = [cols.map(function (c) { return t('assess.csv.' + c); })];
    var name = squash(person.name), team = squash(person.team);
    store.sorted().forEach(function (e) {
      var r = e.record;
      var q = e.level === level && byID[e.qid];
      rows.push([name, team, framework, e.level, e.qid, q ? q.number : '', r.question, e.cycle, ratingLabel(r.rating), r.answer, r.evidence,
        r.action, r.owner, r.due, hasAction(r) ? t(r.status === 'done' ? 'assess.done' : 'assess.open') : '', r.updated]);
    });
    return '\uFEFF' + rows.map(function (row) { return row.map(csvCell).join(','); }).join('\r\n') + '\r\n';
  }

  var transferMessage = document.getElementById('assess-transfer-message');
  var importProblem = document.getElementById('assess-import-problem');

  // fileName is an export's name: the framework, whose answers, the date.
  function fileName(kind) {
    var who = kit.safeName(person.name);
    return framework + '-answers-' + (who ? who + '-' : '') + kit.today() + '.' + kind;
  }

  function exportAs(kind, text, type) {
    flush();
    importProblem.textContent = '';
    if (!named()) {
      // Every export says whose answers they are: ask first.
      transferMessage.textContent = '';
      importProblem.textContent = t('assess.name_first');
      nameInput.focus();
      return;
    }
    var name = fileName(kind);
    var n = Object.keys(store.entries).length;
    kit.download(name, type, text());
    transferMessage.textContent = t('assess.exported', {n: n, file: name});
  }

  // ---- Import ---------------------------------------------------------

  var importInput = document.getElementById('assess-import');
  var importPanel = document.getElementById('assess-import-panel');

  function refuse(why) {
    importProblem.textContent = t('assess.import_refused', {why: why});
  }

  // readImport reads a file's text and returns {list, file} or {error}.
  // The list has one entry per answer with content, keyed as it will be
  // saved; a file naming the same question, cycle and level twice with
  // different answers is refused, as no export does that.
  function readImport(text) {
    var got = formats.readAnswers(text, site);
    if (got.error) { return got; }
    var list = [];
    var seen = map();
    for (var i = 0; i < got.entries.length; i++) {
      var e = got.entries[i];
      var rec = record(e.record);
      var lv = typeof e.record.level === 'string' && e.record.level !== '' ? e.record.level : own(known, e.qid) ? known[e.qid] : level;
      var k = store.key(lv, e.qid, e.cycle);
      if (seen[k]) {
        if (!sameContent(seen[k].record, rec)) { return {error: t('file.two_answers', {id: cut(e.qid), cycle: cut(e.cycle), level: cut(lv)})}; }
        continue;
      }
      seen[k] = {level: lv, qid: e.qid, cycle: e.cycle, record: rec};
      list.push(seen[k]);
    }
    return {file: got, list: list};
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
    var close = function () { kit.closePanel(importPanel, importInput); };
    var when = kit.dateText(got.file.exported);
    var intro = t('assess.import_holds', {file: name, n: got.list.length, questions: t('assess.questions', {n: Object.keys(qs).length})}) +
      (when ? ' ' + t('assess.import_exported', {date: when}) : '');
    var theirs = got.file.person;
    var other = theirs && named() && formats.personKey(theirs.name) !== formats.personKey(person.name);
    var whose = theirs ? h('p', {className: other ? 'assess-confirm__warning' : null, text: other ?
      t('assess.import_someone_else', {theirs: squash(theirs.name), yours: squash(person.name)}) :
      t('assess.import_whose', {name: squash(theirs.name)})}) : null;
    if (!changes.length) {
      kit.openPanel(importPanel, importInput, [
        h('p', {text: intro + ' ' + t('assess.import_nothing_new')}),
        buttons([button(t('assess.close'), 'button--secondary', close)])]);
      return;
    }
    kit.openPanel(importPanel, importInput, [
      h('p', {className: 'assess-confirm__lead', text: intro}),
      whose,
      h('ul', {}, [
        h('li', {text: t('assess.import_added', {n: added})}),
        h('li', {text: t('assess.import_replaced', {n: changed})}),
        h('li', {text: t('assess.import_same', {n: same})})]),
      h('p', {text: t('assess.import_others_stay')}),
      buttons([button(t('assess.import_button'), '', function () {
        flush(); // what was typed here is saved first, then replaced as shown
        var err = store.putMany(changes);
        close();
        if (err) {
          refuse(problemText(err));
          return;
        }
        migrate();
        if (theirs && !named()) { // the reader's own file, on a new device
          nameInput.value = squash(theirs.name);
          teamInput.value = squash(theirs.team);
          savePerson();
        }
        transferMessage.textContent = t('assess.imported', {n: changes.length, file: name});
        chooseCycle(cycle);
      }), button(t('assess.cancel'), 'button--secondary', function () {
        close();
        transferMessage.textContent = t('assess.import_cancelled');
      })])]);
  }

  // notAnExport says what a file is when it is plainly not a JSON export:
  // the spreadsheet export or a PDF workbook, in plain words.
  function notAnExport(name, text) {
    var kind = formats.plainKind(name, text);
    return kind ? t('assess.import_' + kind) : '';
  }

  function startImport() {
    var file = importInput.files && importInput.files[0];
    importProblem.textContent = '';
    transferMessage.textContent = '';
    show(importPanel, false);
    if (!file) { return; }
    var name = file.name;
    var plain = notAnExport(name, '');
    if (plain) {
      refuse(plain);
    } else {
      kit.readText(file, formats.MAX_FILE, function (text) {
        plain = notAnExport(name, text);
        if (plain) { refuse(plain); } else { previewImport(name, text); }
      }, refuse);
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
    var close = function () { kit.closePanel(clearPanel, clearButton); };
    if (!es.length) {
      kit.openPanel(clearPanel, clearButton, [
        h('p', {text: t('assess.clear_none')}),
        buttons([button(t('assess.close'), 'button--secondary', close)])]);
      return;
    }
    var qs = map();
    es.forEach(function (e) { qs[e.qid] = true; });
    kit.openPanel(clearPanel, clearButton, [
      h('p', {className: 'assess-confirm__lead', text: t('assess.clear_what', {n: es.length, questions: t('assess.questions', {n: Object.keys(qs).length}), title: title})}),
      h('p', {text: t('assess.clear_export_first')}),
      buttons([button(t('assess.clear_button'), 'button--warning', function () {
        es.forEach(function (e) { store.remove(store.key(e.level, e.qid, e.cycle)); });
        close();
        showProblem(null);
        transferMessage.textContent = t('assess.cleared', {n: es.length});
        chooseCycle(cycle);
      }), button(t('assess.cancel'), 'button--secondary', close)])]);
  }

  // ---- Start ----------------------------------------------------------

  store.load();
  migrate();
  person = readPerson();
  questions.forEach(buildForm);
  chooseCycle(firstCycle());
  showPerson();

  nameInput.addEventListener('input', function () {
    window.clearTimeout(personTimer);
    personTimer = window.setTimeout(savePerson, SAVE_DELAY);
  });
  teamInput.addEventListener('input', function () {
    window.clearTimeout(personTimer);
    personTimer = window.setTimeout(savePerson, SAVE_DELAY);
  });
  nameInput.addEventListener('change', savePerson);
  teamInput.addEventListener('change', savePerson);
  cycleSelect.addEventListener('change', function () { chooseCycle(cycleSelect.value); });
  carryButton.addEventListener('click', function () {
    if (carryPanel.hasAttribute('hidden')) { openCarry(); } else { kit.closePanel(carryPanel, carryButton); }
  });
  nextButton.addEventListener('click', function () { goToNextUnanswered(null, nextMessage); });
  if (kit.canDownload()) {
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
    if (clearPanel.hasAttribute('hidden')) { openClear(); } else { kit.closePanel(clearPanel, clearButton); }
  });

  // Another tab of the site changed the answers or the reader's name:
  // show them, field by field, except where this tab has typed something
  // not yet saved.
  window.addEventListener('storage', function (e) {
    if (e.key === PERSON || e.key === null) {
      if (!personTimer) { person = readPerson(); showPerson(); }
    }
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
      e.returnValue = t('assess.unsaved_leave');
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
