/*
 * formats.js: reads the files the site's pages export and import, by the
 * formats' specification in generator/answers (its package doc): the
 * answers file ("workbook-answers", versions 1 and 2: one reader's
 * answers) and the team record ("workbook-team", version 1: what a team
 * agreed). It accepts and refuses exactly what the program does, for the
 * same reasons in the same words, so a file the page accepts is one
 * `workbook report` reads; the shared fixtures in testdata/answers and
 * testdata/team are imported by the browser tests to hold the two
 * together.
 *
 *   workbookFormats.readAnswers(text, site) → {error} or an answers file
 *   workbookFormats.readTeam(text, site)    → {error} or a team record
 *   workbookFormats.formatOf(text)          → the "format" a file names, or ''
 *   workbookFormats.plainKind(name, text)   → 'csv', 'pdf' or '': plainly not a JSON file
 *
 * site is what the page knows: {framework, levels: [ids], ratings: [ids]}.
 * A file is refused whole, with the first problem found; a refusal is
 * {error: why}. Every message comes from the strings file (file.*).
 *
 * An answers file may carry "kept" (a list of answers the export could
 * not put in "answers", one more per question and cycle: see assess.js),
 * which the page and the program both read back.
 *
 * ES5, no dependencies, loaded as a file after words.js and kit.js.
 */
(function () {
  'use strict';

  var words = window.workbookWords;
  var kit = window.workbookKit;
  if (!words || !kit || !window.JSON) { return; }
  var t = words.t;
  var own = kit.own, map = kit.map, isObject = kit.isObject, kind = kit.kind, quoted = kit.quoted;

  // The formats' names, versions and limits (generator/answers).
  var ANSWERS = 'workbook-answers';
  var ANSWERS_VERSION = 2;
  var TEAM = 'workbook-team';
  var TEAM_VERSION = 1;
  var MAX_FILE = 5 * 1024 * 1024; // MaxFileSize, bytes
  var MAX_TEXT = 100000;          // MaxText, UTF-16 units
  var MAX_NAME = 200;             // MaxName: ids and review cycles
  var MAX_PERSON = 100;           // MaxPerson: a person's or a team's name
  var MAX_RECORDS = 100000;       // MaxRecords
  var MAX_PEOPLE = 1000;          // MaxParticipants, a cycle
  var MAX_ACTIONS = 10000;        // MaxActions
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
  var RECORD = ['level', 'question', 'answer', 'evidence', 'rating', 'action', 'owner', 'due', 'updated'];
  var CONTENT = ['answer', 'evidence', 'rating', 'action', 'owner', 'due'];

  // Refusal carries the reason up through the readers' loops.
  function Refusal(why) { this.why = why; }
  function no(key, values) { throw new Refusal(t(key, values)); }

  // path names a place in a file in JavaScript's notation, as the
  // program's messages do: answers.ward-soil-1.Spring.answer, or
  // answers.ward-soil-1["2025/26"] where a name is not a plain word.
  function path(names) {
    return names.map(function (n, i) {
      if (typeof n === 'number') { return '[' + n + ']'; }
      if (n !== '' && /^[A-Za-z0-9_-]+$/.test(n)) { return (i > 0 ? '.' : '') + n; }
      return '[' + quoted(n) + ']';
    }).join('');
  }

  // text checks a value that must be text of at most most units.
  function text(v, where, most) {
    if (typeof v !== 'string') { no('file.not_text', {where: where, kind: kind(v)}); }
    if (v.length > most) { no('file.too_long', {where: where, most: String(most)}); }
    return v;
  }

  // oneLine checks a person's or a team's name: one line of text, and
  // not blank when required.
  function oneLine(v, where, required) {
    text(v, where, MAX_PERSON);
    if (CONTROL.test(v)) { no('file.one_line', {where: where}); }
    if (required && /^\s*$/.test(v)) { no('file.blank', {where: where}); }
    return v;
  }

  function status(v, where) {
    text(v, where, MAX_NAME);
    if (v !== '' && v !== 'open' && v !== 'done') { no('file.status', {where: where, value: quoted(v)}); }
    return v;
  }

  function questionID(id) {
    if (!ID.test(id)) { no('file.question_id', {id: quoted(id)}); }
    if (id.length > MAX_NAME) { no('file.question_id_long', {id: quoted(id), most: String(MAX_NAME)}); }
  }

  function cycleName(c, where) {
    if (c === '') { no('file.cycle_no_name', {where: where}); }
    if (c.length > MAX_NAME) { no('file.cycle_long', {where: where, cycle: quoted(c), most: String(MAX_NAME)}); }
  }

  function levelID(v, where) {
    if (!ID.test(v)) { no('file.level_id', {where: where, level: quoted(v)}); }
    if (v.length > MAX_NAME) { no('file.level_long', {where: where, level: quoted(v), most: String(MAX_NAME)}); }
  }

  function onScale(site, rating, where) {
    if (rating !== '' && site.ratings.indexOf(rating) < 0) {
      no('file.rating', {where: where, rating: quoted(rating), scale: site.ratings.map(function (r) { return JSON.stringify(r); }).join(', ')});
    }
  }

  // parse reads the text as JSON.parse does, then the top object's format
  // and version. what is the format's words (answers or team).
  function parse(raw, format, newest, what) {
    var data;
    if (raw.length > MAX_FILE) { no('file.larger', {what: t('file.what.' + what)}); }
    try {
      data = JSON.parse(raw.replace(/^\uFEFF/, ''));
    } catch (e) {
      no('file.not_json', {error: String(e && e.message).slice(0, 200)});
    }
    if (!isObject(data)) { no('file.not_object', {what: t('file.what.' + what), kind: kind(data)}); }
    if (data.format !== format) { no('file.wrong_format', {what: t('file.what.' + what), format: format}); }
    var name = t('file.name.' + what);
    if (!own(data, 'version')) { no('file.version_missing', {name: name}); }
    var v = data.version;
    if (typeof v !== 'number') { no('file.version_kind', {name: name, kind: kind(v)}); }
    if (v !== Math.floor(v) || v < 1 || v > newest) {
      no('file.version_other', {version: String(v), name: name,
        versions: newest === 1 ? t('file.versions_one') : t('file.versions_range', {newest: String(newest)})});
    }
    return data;
  }

  // about reads what both formats say at the top: framework, title,
  // exported and cycles. whose names what the file holds.
  function about(data, site, whose, other) {
    if (!own(data, 'framework')) { no('file.framework_missing', {whose: t('file.whose.' + whose)}); }
    var fw = text(data.framework, 'framework', MAX_NAME);
    if (fw === '') { no('file.framework_missing', {whose: t('file.whose.' + whose)}); }
    if (own(data, 'title')) { text(data.title, 'title', MAX_TEXT); }
    if (own(data, 'exported')) { text(data.exported, 'exported', MAX_TEXT); }
    var cycles = [];
    if (own(data, 'cycles')) {
      if (!(data.cycles instanceof Array)) { no('file.cycles_kind', {kind: kind(data.cycles)}); }
      data.cycles.forEach(function (c, i) {
        var where = 'cycles[' + i + ']';
        text(c, where, MAX_NAME);
        if (c === '') { no('file.cycle_no_name', {where: where}); }
        cycles.push(c);
      });
    }
    return {framework: fw, title: typeof data.title === 'string' ? data.title : '',
      exported: typeof data.exported === 'string' ? data.exported : '', cycles: cycles, other: other};
  }

  // sameFramework is the check against the site (the program's Check).
  function sameFramework(top, site, key) {
    if (top.framework !== site.framework) { no(key, {file: quoted(top.framework), site: quoted(site.framework)}); }
  }

  // byQuestion walks an object of question ids whose values are objects
  // of review cycles, and hands each (id, cycle, value) to read.
  function byQuestion(obj, top, tooMany, read) {
    var n = 0;
    Object.keys(obj).forEach(function (qid) {
      questionID(qid);
      var byCycle = obj[qid];
      if (!isObject(byCycle)) { no('file.cycles_of', {where: path([top, qid]), kind: kind(byCycle)}); }
      Object.keys(byCycle).forEach(function (c) {
        if (++n > MAX_RECORDS) { no(tooMany, {most: String(MAX_RECORDS)}); }
        cycleName(c, path([top, qid]));
        read(qid, c, byCycle[c], path([top, qid, c]));
      });
    });
  }

  // record checks one answer's fields (status from version 2).
  function record(r, where, version) {
    if (!isObject(r)) { no('file.record_kind', {where: where, kind: kind(r)}); }
    RECORD.forEach(function (f) {
      if (own(r, f)) { text(r[f], where + '.' + f, MAX_TEXT); }
    });
    if (version >= 2 && own(r, 'status')) { status(r.status, where + '.status'); }
    if (own(r, 'level') && r.level !== '') { levelID(r.level, where); }
  }

  function hasContent(r) {
    return CONTENT.some(function (f) { return typeof r[f] === 'string' && r[f] !== ''; });
  }

  // person reads "person" (version 2): whose answers they are.
  function person(data) {
    if (!own(data, 'person')) { no('file.person_missing'); }
    var p = data.person;
    if (!isObject(p)) { no('file.person_kind', {where: 'person', kind: kind(p)}); }
    if (!own(p, 'name')) { no('file.name_missing', {where: 'person'}); }
    var out = {name: oneLine(p.name, 'person.name', true), team: ''};
    if (own(p, 'team')) { out.team = oneLine(p.team, 'person.team', false); }
    return out;
  }

  // readAnswers reads an answers file. It returns {version, person (null
  // in version 1), framework, title, exported, cycles, entries} where each
  // entry is {qid, cycle, record (the file's object), kept (from "kept")},
  // every entry with something of the reader's; or {error}.
  function readAnswers(raw, site) {
    try {
      var data = parse(raw, ANSWERS, ANSWERS_VERSION, 'answers');
      var version = data.version;
      var top = about(data, site, 'answers');
      var entries = [];
      var rating = [];
      if (!own(data, 'answers')) { no('file.answers_missing'); }
      if (!isObject(data.answers)) { no('file.ids_kind', {where: 'answers', kind: kind(data.answers)}); }
      byQuestion(data.answers, 'answers', 'file.too_many_answers', function (qid, c, r, where) {
        record(r, where, version);
        if (hasContent(r)) {
          entries.push({qid: qid, cycle: c, record: r, kept: false});
          rating.push(where);
        }
      });
      if (own(data, 'kept')) {
        if (!(data.kept instanceof Array)) { no('file.kept_kind'); }
        data.kept.forEach(function (e, i) {
          var where = path(['kept', i]);
          if (!isObject(e)) { no('file.record_kind', {where: where, kind: kind(e)}); }
          text(e.id, where + '.id', MAX_NAME);
          questionID(e.id);
          text(e.cycle, where + '.cycle', MAX_NAME);
          cycleName(e.cycle, where);
          record(e, where, version);
          if (hasContent(e)) {
            entries.push({qid: e.id, cycle: e.cycle, record: e, kept: true});
            rating.push(where);
          }
        });
      }
      var who = version >= 2 ? person(data) : null;
      if (!entries.length) { no('file.no_answers'); }
      sameFramework(top, site, 'file.other_framework');
      entries.forEach(function (e, i) {
        onScale(site, typeof e.record.rating === 'string' ? e.record.rating : '', rating[i]);
      });
      top.version = version;
      top.person = who;
      top.entries = entries;
      return top;
    } catch (e) {
      if (e instanceof Refusal) { return {error: e.why}; }
      throw e;
    }
  }

  // readTeam reads a team record. It returns {framework, title, exported,
  // cycles, level, team, hidden, participants (cycle → names), agreed
  // ([{qid, cycle, rating, note, updated}]), actions} or {error}.
  function readTeam(raw, site) {
    try {
      var data = parse(raw, TEAM, TEAM_VERSION, 'team');
      var top = about(data, site, 'team');
      if (!own(data, 'level')) { no('file.level_missing'); }
      top.level = text(data.level, 'level', MAX_NAME);
      levelID(top.level, 'level');
      top.team = own(data, 'team') ? oneLine(data.team, 'team', false) : '';
      top.hidden = false;
      if (own(data, 'hidden')) {
        if (typeof data.hidden !== 'boolean') { no('file.hidden_kind', {kind: kind(data.hidden)}); }
        top.hidden = data.hidden;
      }
      top.participants = map();
      if (own(data, 'participants')) { participants(data.participants, top.participants); }
      top.agreed = [];
      if (own(data, 'agreed')) {
        if (!isObject(data.agreed)) { no('file.ids_kind', {where: 'agreed', kind: kind(data.agreed)}); }
        byQuestion(data.agreed, 'agreed', 'file.too_many_agreed', function (qid, c, a, where) {
          if (!isObject(a)) { no('file.record_kind', {where: where, kind: kind(a)}); }
          var out = {qid: qid, cycle: c, rating: '', note: '', updated: ''};
          ['rating', 'note', 'updated'].forEach(function (f) {
            if (own(a, f)) { out[f] = text(a[f], where + '.' + f, MAX_TEXT); }
          });
          if (out.rating !== '' || out.note !== '') { top.agreed.push(out); }
        });
      }
      top.actions = [];
      if (own(data, 'actions')) { actions(data.actions, top.actions); }
      sameFramework(top, site, 'file.team_other_framework');
      if (site.levels.indexOf(top.level) < 0) { no('file.level_unknown', {level: quoted(top.level), levels: site.levels.join(', ')}); }
      top.agreed.forEach(function (a) { onScale(site, a.rating, path(['agreed', a.qid, a.cycle])); });
      return top;
    } catch (e) {
      if (e instanceof Refusal) { return {error: e.why}; }
      throw e;
    }
  }

  function participants(obj, out) {
    if (!isObject(obj)) { no('file.cycles_of', {where: 'participants', kind: kind(obj)}); }
    Object.keys(obj).forEach(function (c) {
      cycleName(c, 'participants');
      var where = path(['participants', c]);
      var names = obj[c];
      if (!(names instanceof Array)) { no('file.names_kind', {where: where, kind: kind(names)}); }
      if (names.length > MAX_PEOPLE) { no('file.too_many_people', {where: where, most: String(MAX_PEOPLE)}); }
      var seen = map();
      out[c] = names.map(function (n, i) {
        var w = where + '[' + i + ']';
        oneLine(n, w, true);
        var k = personKey(n);
        if (own(seen, k)) { no('file.twice', {where: w, name: quoted(n), first: String(seen[k])}); }
        seen[k] = i;
        return n;
      });
    });
  }

  function actions(list, out) {
    if (!(list instanceof Array)) { no('file.actions_kind', {kind: kind(list)}); }
    if (list.length > MAX_ACTIONS) { no('file.too_many_actions', {most: String(MAX_ACTIONS)}); }
    list.forEach(function (a, i) {
      var where = 'actions[' + i + ']';
      if (!isObject(a)) { no('file.record_kind', {where: where, kind: kind(a)}); }
      var o = {action: '', owner: '', due: '', status: '', question: '', cycle: '', updated: ''};
      Object.keys(o).forEach(function (f) {
        if (!own(a, f)) { return; }
        var w = where + '.' + f;
        if (f === 'status') {
          o.status = status(a.status, w);
        } else if (f === 'question') {
          o.question = text(a.question, w, MAX_NAME);
          if (o.question !== '') { questionID(o.question); }
        } else {
          o[f] = text(a[f], w, f === 'cycle' ? MAX_NAME : MAX_TEXT);
        }
      });
      if (o.action !== '' || o.owner !== '' || o.due !== '') { out.push(o); }
    });
  }

  // personKey is what two names are compared by, to tell the same person
  // in two files (the program's Person.Key): white space trimmed and made
  // single, lower case.
  function personKey(name) { return kit.squash(name).toLowerCase(); }

  // formatOf returns the "format" a file names at its top, or '' when it
  // is not a JSON object naming one.
  function formatOf(raw) {
    try {
      var data = JSON.parse(raw.replace(/^\uFEFF/, ''));
      return isObject(data) && typeof data.format === 'string' ? data.format : '';
    } catch (e) {
      return '';
    }
  }

  // isJSON reports whether a text is JSON at all.
  function isJSON(raw) {
    try {
      JSON.parse(raw.replace(/^\uFEFF/, ''));
      return true;
    } catch (e) {
      return false;
    }
  }

  // plainKind names a file that is plainly not one of these formats, by
  // its name or its first bytes, so a page can say what it is in plain
  // words rather than as a JSON parser's message: 'csv' for a
  // spreadsheet (the level page's other export), 'pdf' for a PDF (a
  // workbook, filled in or not), else ''. text may be '' before the file
  // is read.
  function plainKind(name, text) {
    if (/\.csv$/i.test(name) || /^\uFEFF?"?[^"\r\n,]*"?,"?[^"\r\n,]*"?,/.test(text) && !isJSON(text)) { return 'csv'; }
    if (/\.pdf$/i.test(name) || text.slice(0, 5) === '%PDF-') { return 'pdf'; }
    return '';
  }

  window.workbookFormats = {
    ANSWERS: ANSWERS, ANSWERS_VERSION: ANSWERS_VERSION, TEAM: TEAM, TEAM_VERSION: TEAM_VERSION,
    MAX_FILE: MAX_FILE, MAX_TEXT: MAX_TEXT, MAX_NAME: MAX_NAME, MAX_PERSON: MAX_PERSON,
    readAnswers: readAnswers, readTeam: readTeam, formatOf: formatOf, isJSON: isJSON, plainKind: plainKind, personKey: personKey, path: path
  };
})();
