/*
 * team.js: the team page (team.html) of the default theme, where a
 * facilitator brings a team's answers together at a workshop.
 *
 * "Add answer files" takes many files at once: the JSON exports of the
 * level pages (the answers format, versions 1 and 2) and team records.
 * Each is read by formats.js, which accepts and refuses what the program
 * (generator/answers) does; a file is refused, or flagged, on its own
 * with the reason (not an export, another framework, the same person
 * twice, answers at another level), and the rest load. The files are
 * read, never kept: a reload forgets them.
 *
 * For the chosen level and review cycle the page shows who is in (names,
 * or Person 1, Person 2… with "Hide names"), the foundation × area grid
 * with how many ratings of each kind fall in each cell (numbers and
 * words, never colour alone), and each question with each person's
 * rating, answer, evidence and action side by side and the spread of
 * ratings made visible, in the workbook's order, most mixed first or
 * most of the scale's first rating (red) first. There the facilitator
 * records the team's agreed rating and note, and agreed actions (what,
 * who, by when, open or done). An action agreed in one cycle shows in
 * later cycles while it is open, once; a done one stays in its cycle.
 *
 * STORAGE: the team record of each level, as the team record format
 * (generator/answers: "workbook-team", version 1) without "exported",
 *   key  "workbook-team:" + JSON.stringify([framework, level])
 * and the page's choices, "workbook-team-settings:" +
 * JSON.stringify([framework]) holding {"level", "cycle", "sort"}. The
 * record's participants for a cycle are the people whose files were on
 * the page when the team's work in that cycle was last saved ("Person 1"…
 * when names are hidden). "Export team record" saves it as a file, and
 * "Import a team record" (or adding one with the answer files) reads it
 * back, asking before it replaces what the device holds for that level.
 *
 * What the page knows of the site (levels, questions with their numbers
 * and earlier ids, ratings, cycles) is in the page itself, as JSON in
 * <script type="application/json" id="assess-team-data">: no request.
 * Every word comes from the strings file (team.*, assess.*, file.*).
 * ES5, loaded after words.js, kit.js and formats.js; no inline script.
 */
(function () {
  'use strict';

  var page = document.getElementById('assess-team');
  var dataEl = document.getElementById('assess-team-data');
  var words = window.workbookWords, kit = window.workbookKit, formats = window.workbookFormats;
  if (!page || !dataEl || !words || !kit || !formats || !window.addEventListener || !Object.keys) { return; }
  var data;
  try {
    data = JSON.parse(dataEl.textContent);
  } catch (e) {
    return;
  }
  var t = words.t;
  var one = kit.one, own = kit.own, map = kit.map, isObject = kit.isObject, show = kit.show, empty = kit.empty,
    squash = kit.squash, h = kit.h, add = kit.add, cell = kit.cell, button = kit.button, buttons = kit.buttons;

  // ---- The site -------------------------------------------------------

  var framework = data.framework;
  var cycles = data.cycles;
  var ratings = data.ratings;
  var site = {framework: framework, levels: data.levels.map(function (l) { return l.id; }), ratings: ratings.map(function (r) { return r.id; })};
  var rank = map();     // rating id → its place on the scale
  ratings.forEach(function (r, i) { rank[r.id] = i; });
  var levelByID = map();
  var questionOf = map(); // a question's id or earlier id → {level, q}
  data.levels.forEach(function (l) {
    levelByID[l.id] = l;
    l.questions.forEach(function (q) {
      questionOf[q.id] = {level: l, q: q};
      (q.aliases || []).forEach(function (a) { if (!own(questionOf, a)) { questionOf[a] = {level: l, q: q}; } });
    });
  });
  var axisTitle = map();
  data.foundations.concat(data.focuses).forEach(function (a) { axisTitle[a.id] = a.title; });

  var RECORD = 'workbook-team:';
  var SETTINGS = 'workbook-team-settings:' + JSON.stringify([framework]);
  var SAVE_DELAY = 500;
  var LONG = 300; // people × questions beyond which the questions are a long page
  var ls = kit.openStorage(SETTINGS);

  function ratingLabel(id) { return id && own(rank, id) ? ratings[rank[id]].label : t('assess.not_rated'); }
  function cycleIndex(c) { var i = cycles.indexOf(c); return i < 0 ? -1 : i; }
  function questionName(q) { return t('question_number', {n: q.number}); }

  // ---- Controls -------------------------------------------------------

  var addInput = document.getElementById('assess-team-add');
  var added = document.getElementById('assess-team-added');
  var fileList = document.getElementById('assess-team-file-list');
  var clearFiles = document.getElementById('assess-team-clear-files');
  var recordPanel = document.getElementById('assess-team-record-panel');
  var levelSelect = document.getElementById('assess-team-level');
  var cycleSelect = document.getElementById('assess-team-cycle');
  var sortSelect = document.getElementById('assess-team-sort');
  var hideBox = document.getElementById('assess-team-hide');
  var whoText = document.getElementById('assess-team-who');
  var peopleList = document.getElementById('assess-team-people');
  var gridBox = document.getElementById('assess-team-grid');
  var questionsBox = document.getElementById('assess-team-questions');
  var actionsBox = document.getElementById('assess-team-actions');
  var progressBox = document.getElementById('assess-team-progress');
  var teamInput = document.getElementById('assess-team-name');
  var exportButton = document.getElementById('assess-team-export');
  var importInput = document.getElementById('assess-team-import');
  var importProblem = document.getElementById('assess-team-import-problem');
  var importPanel = document.getElementById('assess-team-import-panel');
  var clearButton = document.getElementById('assess-team-clear');
  var clearPanel = document.getElementById('assess-team-clear-panel');
  var message = document.getElementById('assess-team-message');
  var problem = document.getElementById('assess-team-problem');

  // ---- State ----------------------------------------------------------

  var files = [];       // every file added, in order: answers, refused or not
  var level = null;     // the chosen level (an entry of data.levels)
  var cycle = cycles[0];
  var sort = 'number';
  var record = null;    // the chosen level's team record
  var views = [];       // the questions on show, each with its form
  var timers = [];      // notes waiting to be saved

  // ---- Settings -------------------------------------------------------

  // The level and cycle are the reader's choice once they choose (or
  // once files or a team record choose for them); until then the page
  // picks them from the files added.
  function readSettings() {
    var s = kit.readJSON(ls, SETTINGS);
    if (!isObject(s)) { return false; }
    if (typeof s.level === 'string' && own(levelByID, s.level)) { level = levelByID[s.level]; }
    if (typeof s.cycle === 'string' && cycles.indexOf(s.cycle) >= 0) { cycle = s.cycle; }
    if (s.sort === 'number' || s.sort === 'mixed' || s.sort === 'most') { sort = s.sort; }
    return level !== null;
  }

  function saveSettings() {
    if (!ls) { return; }
    try {
      ls.setItem(SETTINGS, JSON.stringify({level: chosenByReader ? level.id : '', cycle: chosenByReader ? cycle : '', sort: sort}));
    } catch (e) { /* only a preference */ }
  }

  // ---- The team record ------------------------------------------------

  function recordKey(lv) { return RECORD + JSON.stringify([framework, lv]); }

  function emptyRecord(lv) {
    return {level: lv, team: '', hidden: false, participants: map(), agreed: map(), actions: []};
  }

  // fromFile turns a team record read by formats.js into the page's
  // record: agreed ratings by question (under its current id) and cycle.
  function fromFile(got) {
    var r = emptyRecord(got.level);
    r.team = got.team;
    r.hidden = got.hidden;
    r.participants = got.participants;
    got.agreed.forEach(function (a) {
      var id = own(questionOf, a.qid) && questionOf[a.qid].level.id === got.level ? questionOf[a.qid].q.id : a.qid;
      var byCycle = own(r.agreed, id) ? r.agreed[id] : (r.agreed[id] = map());
      if (!own(byCycle, a.cycle) || a.updated > byCycle[a.cycle].updated) {
        byCycle[a.cycle] = {rating: a.rating, note: a.note, updated: a.updated};
      }
    });
    r.actions = got.actions.map(function (a) {
      if (a.question && own(questionOf, a.question)) { a.question = questionOf[a.question].q.id; }
      return a;
    });
    return r;
  }

  // loadRecord reads a level's record from the device; a record the
  // page cannot read (left by a newer version of the site) is shown as
  // a problem and left as it is.
  function loadRecord(lv) {
    var raw = ls ? ls.getItem(recordKey(lv)) : null;
    if (raw === null) { return emptyRecord(lv); }
    var got = formats.readTeam(raw, site);
    if (got.error || got.level !== lv) {
      problem.textContent = t('team.record_unreadable', {level: levelByID[lv].title, why: got.error || ''});
      var r = emptyRecord(lv);
      r.unreadable = true;
      return r;
    }
    return fromFile(got);
  }

  // toFile is a record in the team record format.
  function toFile(r, exported) {
    var agreed = map();
    Object.keys(r.agreed).forEach(function (qid) {
      Object.keys(r.agreed[qid]).forEach(function (c) {
        var a = r.agreed[qid][c];
        if (a.rating === '' && a.note === '') { return; }
        var byCycle = own(agreed, qid) ? agreed[qid] : (agreed[qid] = map());
        byCycle[c] = {rating: a.rating, note: a.note, updated: a.updated};
      });
    });
    var out = {format: formats.TEAM, version: formats.TEAM_VERSION, framework: framework, title: data.title, level: r.level,
      team: squash(r.team)};
    if (exported) { out.exported = exported; }
    out.cycles = cycles;
    out.participants = r.participants;
    out.hidden = r.hidden;
    out.agreed = agreed;
    out.actions = r.actions.filter(function (a) { return a.action !== '' || a.owner !== '' || a.due !== ''; }).map(function (a) {
      return {action: a.action, owner: a.owner, due: a.due, status: a.status === 'done' ? 'done' : 'open',
        question: a.question, cycle: a.cycle, updated: a.updated};
    });
    return out;
  }

  function hasWork(r) {
    return r.actions.length > 0 || Object.keys(r.agreed).some(function (qid) {
      return Object.keys(r.agreed[qid]).some(function (c) { return r.agreed[qid][c].rating !== '' || r.agreed[qid][c].note !== ''; });
    });
  }

  // saveRecord writes the chosen level's record, with who is in now for
  // the chosen cycle, and says whether it could.
  function saveRecord(status) {
    if (record.unreadable) { return false; }
    var people = participants();
    if (people.length) {
      record.participants[cycle] = people.map(function (p) { return displayName(p); });
    }
    var err = null;
    try {
      if (!ls) { throw {name: 'unavailable'}; }
      if (hasWork(record) || squash(record.team) !== '' || record.hidden) {
        ls.setItem(recordKey(record.level), JSON.stringify(toFile(record, '')));
      } else {
        ls.removeItem(recordKey(record.level));
      }
    } catch (e) {
      err = e;
    }
    var why = err ? t('team.not_saved', {why: kit.storageProblem(ls, err)}) : '';
    problem.textContent = why;
    if (status) {
      status.textContent = why || t('assess.saved');
      status.className = 'assess-form__status assess-form__status--' + (err ? 'problem' : 'saved');
    }
    return !err;
  }

  // ---- Answer files ---------------------------------------------------

  // An answer file as the page holds it: whose it is, and its answers by
  // question (current id) and cycle, with the levels they are at.
  function takeAnswers(name, got) {
    var f = {name: name, kind: 'answers', person: got.person, answers: map(), levels: map(), orphans: 0};
    f.key = got.person ? formats.personKey(got.person.name) : 'file:' + name;
    f.label = got.person ? squash(got.person.name) : t('team.unnamed', {file: name});
    f.team = got.person ? squash(got.person.team) : '';
    got.entries.forEach(function (e) {
      if (!own(questionOf, e.qid)) { f.orphans++; return; }
      var at = questionOf[e.qid];
      var r = e.record;
      var rec = {answer: str(r.answer), evidence: str(r.evidence), rating: str(r.rating), action: str(r.action),
        owner: str(r.owner), due: str(r.due), status: r.status === 'done' ? 'done' : '', updated: str(r.updated)};
      var byCycle = own(f.answers, at.q.id) ? f.answers[at.q.id] : (f.answers[at.q.id] = map());
      if (!own(byCycle, e.cycle)) {
        f.levels[at.level.id] = (f.levels[at.level.id] || 0) + 1;
      } else if (byCycle[e.cycle].updated >= rec.updated) {
        return; // the newer of two answers to one question and cycle
      }
      byCycle[e.cycle] = rec;
    });
    return f;
  }
  function str(v) { return typeof v === 'string' ? v : ''; }

  function answer(f, q, c) {
    return own(f.answers, q.id) && own(f.answers[q.id], c) ? f.answers[q.id][c] : null;
  }

  function loaded() { return files.filter(function (f) { return f.kind === 'answers' && !f.why; }); }

  // participants are the people with answers at the chosen level in the
  // chosen cycle, in the order their files were added. They are worked
  // out once for each rendering (render forgets them).
  var people = null;
  function participants() {
    if (!people) {
      people = loaded().filter(function (f) {
        return level.questions.some(function (q) { return !!answer(f, q, cycle); });
      });
    }
    return people;
  }

  function hidden() { return !!(record && record.hidden); }

  // displayName is a participant as the page shows them: their name, or
  // Person 1, Person 2… in the order listed when names are hidden.
  function displayName(f) {
    if (!hidden()) { return f.label; }
    var i = participants().indexOf(f);
    return i < 0 ? t('team.someone') : t('team.person_n', {n: i + 1});
  }

  // notAnExport names the files that are plainly not exports.
  function notAnExport(name, text) {
    var kind = formats.plainKind(name, text);
    return kind ? t('team.file_' + kind) : '';
  }

  // addFiles reads every chosen file, then takes them in the order chosen.
  function addFiles(list) {
    var results = [];
    var waiting = list.length;
    if (!waiting) { return; }
    added.textContent = t('team.reading', {n: waiting});
    list.forEach(function (file, i) {
      function done(r) {
        results[i] = r;
        if (--waiting === 0) { takeFiles(results); }
      }
      var plain = notAnExport(file.name, '');
      if (plain) { done({name: file.name, why: plain}); return; }
      kit.readText(file, formats.MAX_FILE, function (text) { done({name: file.name, text: text}); },
        function (why) { done({name: file.name, why: why}); });
    });
  }

  function takeFiles(results) {
    // For the budget benchmark: reading the files ends here, drawing
    // them starts (User Timing, seen only by tools that ask).
    if (window.performance && window.performance.mark) { window.performance.mark('workbook-team-files-read'); }
    var before = loaded().length;
    var refused = 0;
    var teamRecord = null;
    results.forEach(function (r) {
      var f = {name: r.name, kind: 'answers', why: r.why || ''};
      if (!f.why) { f.why = notAnExport(r.name, r.text); }
      if (!f.why && formats.formatOf(r.text) === formats.TEAM) {
        var got = formats.readTeam(r.text, site);
        f.kind = 'team';
        if (got.error) {
          f.why = got.error;
        } else if (teamRecord) {
          f.why = t('team.one_record', {file: teamRecord.name});
        } else {
          teamRecord = {name: r.name, got: got};
          f.note = t('team.record_file', {level: levelByID[got.level].title});
        }
      } else if (!f.why) {
        var ans = formats.readAnswers(r.text, site);
        if (ans.error) {
          f.why = ans.error;
        } else {
          var taken = takeAnswers(r.name, ans);
          var twin = null;
          loaded().forEach(function (other) { if (other.key === taken.key) { twin = other; } });
          if (twin) {
            f.why = taken.person ? t('team.same_person', {name: taken.label, file: twin.name}) : t('team.same_file', {file: twin.name});
          } else {
            f = taken;
          }
        }
      }
      if (f.why) { refused++; }
      files.push(f);
    });
    if (!chosenByReader && loaded().length) {
      chosenByReader = true;
      chooseLevel(busiestLevel());
      cycle = latestCycle();
      cycleSelect.value = cycle;
      saveSettings();
    }
    var n = loaded().length - before;
    var summary = t('team.added', {n: n}) + (refused ? ' ' + t('team.refused', {n: refused}) : '');
    added.textContent = summary;
    // A team record taken at once draws the page for its level; else
    // the page is drawn here, once.
    if (!teamRecord || !offerRecord(teamRecord.name, teamRecord.got, recordPanel, addInput, function (m) { added.textContent = summary + ' ' + m; })) {
      render();
    }
  }

  // busiestLevel is the level with the most answers in the files.
  function busiestLevel() {
    var best = level, most = -1;
    data.levels.forEach(function (l) {
      var n = 0;
      loaded().forEach(function (f) { n += f.levels[l.id] || 0; });
      if (n > most) { best = l; most = n; }
    });
    return best;
  }

  // latestCycle is the latest cycle with answers at the chosen level.
  function latestCycle() {
    for (var i = cycles.length - 1; i >= 0; i--) {
      var c = cycles[i];
      var any = loaded().some(function (f) { return level.questions.some(function (q) { return !!answer(f, q, c); }); });
      if (any) { return c; }
    }
    return cycle;
  }

  // fileSays is what the file list says of a loaded file for the chosen
  // level and cycle: whose it is and what it holds here, or why it is
  // flagged (nothing at this level, or in this cycle).
  function fileSays(f) {
    var here = f.levels[level.id] || 0;
    var whose = hidden() ? displayName(f) : (f.team ? t('team.name_team', {name: f.label, team: f.team}) : f.label);
    if (!here) {
      var elsewhere = data.levels.filter(function (l) { return f.levels[l.id]; }).map(function (l) { return l.title; });
      return {flag: true, text: t('team.file_other_level', {who: whose, level: level.title, levels: words.list(elsewhere)})};
    }
    var inCycle = level.questions.filter(function (q) { return !!answer(f, q, cycle); }).length;
    if (!inCycle) {
      return {flag: true, text: t('team.file_other_cycle', {who: whose, level: level.title, cycle: cycle})};
    }
    var text = t('team.file_answers', {who: whose, n: inCycle, level: level.title, cycle: cycle});
    if (!f.person) { return {flag: true, text: text + ' ' + t('team.file_no_name')}; }
    return {flag: false, text: text};
  }

  function renderFiles() {
    empty(fileList);
    show(clearFiles, files.length > 0);
    if (hidden() && files.length) {
      // Names hidden (the page may be on a shared screen): the files,
      // named after people, are only counted.
      var refused = files.filter(function (f) { return !!f.why; }).length;
      add(fileList, h('li', {className: 'team-file', text: t('team.files_hidden', {n: files.length - refused, refused: refused})}));
      return;
    }
    files.forEach(function (f, i) {
      var says, cls;
      if (f.why) {
        says = t('team.file_refused', {why: f.why});
        cls = 'refused';
      } else if (f.kind === 'team') {
        says = f.note;
        cls = 'loaded';
      } else {
        var s = fileSays(f);
        says = s.text;
        cls = s.flag ? 'flagged' : 'loaded';
      }
      var remove = h('button', {type: 'button', className: 'button-small'}, [t('team.remove'), h('span', {className: 'visually-hidden', text: ' ' + f.name})]);
      remove.addEventListener('click', function () {
        files.splice(i, 1);
        added.textContent = t('team.removed', {file: f.name});
        render();
        addInput.focus();
      });
      add(fileList, h('li', {className: 'team-file team-file--' + cls}, [
        h('strong', {className: 'team-file__name', text: f.name}), ' ',
        h('span', {className: 'team-file__mark', text: t('team.mark.' + cls)}), ' ',
        h('span', {className: 'team-file__says', text: says}), ' ', remove]));
    });
  }

  // ---- Choosing -------------------------------------------------------

  var chosenByReader = false;

  function chooseLevel(l) {
    flush();
    level = l;
    levelSelect.value = l.id;
    problem.textContent = '';
    record = loadRecord(l.id);
    teamInput.value = record.team;
    hideBox.checked = record.hidden;
    saveSettings();
  }

  // ---- Rendering ------------------------------------------------------

  function render() {
    flush();
    people = null;
    renderWho();
    renderGrid();
    renderQuestions();
    renderActions();
    renderProgress();
    renderFiles();
  }

  function renderWho() {
    var people = participants();
    empty(peopleList);
    people.forEach(function (f) {
      add(peopleList, h('li', {text: hidden() || !f.team ? displayName(f) : t('team.name_team', {name: f.label, team: f.team})}));
    });
    var recorded = record.participants[cycle] || [];
    if (people.length) {
      whoText.textContent = t('team.who', {n: people.length, level: level.title, cycle: cycle});
    } else if (recorded.length) {
      whoText.textContent = t('team.who_recorded', {n: recorded.length, cycle: cycle, names: words.list(recorded)});
    } else {
      whoText.textContent = t('team.who_none', {level: level.title, cycle: cycle});
    }
  }

  // tally counts, for questions qs in the chosen cycle, each rating the
  // people gave, and "" for not rated (a person with no answer too).
  function tally(qs, people) {
    var n = map();
    n[''] = 0;
    ratings.forEach(function (r) { n[r.id] = 0; });
    qs.forEach(function (q) {
      people.forEach(function (f) {
        var r = answer(f, q, cycle);
        n[r && own(rank, r.rating) ? r.rating : '']++;
      });
    });
    return n;
  }

  // chips writes counts as the self-assessment's summary does: each
  // rating given, its number and word on its colour; none left out.
  function chips(n, className) {
    return h('ul', {className: 'assess-counts' + (className ? ' ' + className : '')}, ratings.concat([{id: '', label: t('assess.not_rated')}]).map(function (r) {
      if (!n[r.id]) { return null; }
      return h('li', {className: 'assess-chip' + (r.id ? ' rating--' + r.id : ' assess-chip--none')}, [
        h('span', {className: 'assess-chip__n', text: String(n[r.id])}), ' ', r.label]);
    }));
  }

  function renderGrid() {
    var people = participants();
    empty(gridBox);
    var table = h('table', {className: 'table-responsive assess-grid team-grid'}, [
      h('caption', {className: 'table__caption', text: t('team.grid_caption', {level: level.title, cycle: cycle, n: people.length})}),
      h('thead', {}, h('tr', {}, [h('th', {scope: 'col', text: t('team.foundation')}),
        data.focuses.map(function (a) { return h('th', {scope: 'col', text: a.short}); })])),
      h('tbody', {}, data.foundations.map(function (f) {
        return h('tr', {}, [h('th', {scope: 'row', text: f.short}), data.focuses.map(function (a) {
          var qs = level.questions.filter(function (q) { return q.foundation === f.id && q.focus === a.id; });
          var content = !qs.length ? h('span', {className: 'assess-count--none', text: t('team.no_questions')}) :
            !people.length ? h('span', {className: 'assess-count--none', text: t('team.questions', {n: qs.length})}) : chips(tally(qs, people));
          return cell(a.short, content);
        })]);
      }))]);
    add(gridBox, table);
  }

  // ---- Questions ------------------------------------------------------

  // spread describes how a question's ratings differ: the ratings given
  // (as places on the scale), how far apart, how many kinds, and how many
  // differ from the commonest.
  function spread(n) {
    var given = ratings.filter(function (r) { return n[r.id] > 0; });
    var total = 0, most = 0;
    given.forEach(function (r) { total += n[r.id]; most = Math.max(most, n[r.id]); });
    return {given: given, width: given.length ? rank[given[given.length - 1].id] - rank[given[0].id] : 0,
      kinds: given.length, others: total - most, rated: total};
  }

  function spreadText(s) {
    if (!s.rated) { return t('team.spread_none'); }
    if (s.kinds === 1) { return t('team.spread_same', {n: s.rated, rating: s.given[0].label}); }
    return t('team.spread_range', {from: s.given[0].label, to: s.given[s.given.length - 1].label});
  }

  function sorted(vs) {
    var first = ratings.length ? ratings[0].id : '';
    return vs.slice().sort(function (a, b) {
      if (sort === 'mixed') {
        return (b.spread.width - a.spread.width) || (b.spread.kinds - a.spread.kinds) || (b.spread.others - a.spread.others) || (a.q.number - b.q.number);
      }
      if (sort === 'most') { return (b.n[first] - a.n[first]) || (a.q.number - b.q.number); }
      return a.q.number - b.q.number;
    });
  }

  function agreedOf(q, c) {
    return own(record.agreed, q.id) && own(record.agreed[q.id], c) ? record.agreed[q.id][c] : {rating: '', note: '', updated: ''};
  }

  function renderQuestions() {
    var people = participants();
    views = level.questions.map(function (q) {
      var n = tally([q], people);
      return {q: q, n: n, spread: spread(n)};
    });
    empty(questionsBox);
    // A long page (a big team's words under every question) is laid
    // out only near the screen: see team.css.
    questionsBox.className = 'team-questions' + (people.length * views.length > LONG ? ' team-questions--long' : '');
    var frag = document.createDocumentFragment();
    sorted(views).forEach(function (v) { frag.appendChild(questionBlock(v, people)); });
    questionsBox.appendChild(frag);
  }

  function questionBlock(v, people) {
    var q = v.q;
    var p = 'assess-team--' + q.id + '--';
    var s = v.spread;
    var bar = h('div', {className: 'team-bar', 'aria-hidden': 'true'}, ratings.concat([{id: ''}]).map(function (r) {
      if (!v.n[r.id]) { return null; }
      var seg = h('span', {className: 'team-bar__part' + (r.id ? ' rating--' + r.id : ' team-bar__part--none'), text: String(v.n[r.id])});
      seg.style.flexGrow = String(v.n[r.id]);
      return seg;
    }));
    var block = h('article', {className: 'team-question' + (s.kinds > 1 ? ' team-question--mixed' : ''), id: q.id, 'aria-labelledby': p + 'number ' + p + 'text'}, [
      // The head: the question and its spread, kept on one printed page.
      h('div', {className: 'team-question__head'}, [
        h('p', {className: 'question__number', id: p + 'number'}, [questionName(q),
          s.kinds > 1 ? h('span', {className: 'team-mixed', text: t('team.mixed')}) : null]),
        h('h3', {className: 'team-question__text', id: p + 'text', text: q.text}),
        h('p', {className: 'team-question__where', text: t('team.where', {foundation: axisTitle[q.foundation], focus: axisTitle[q.focus]})}),
        q.good ? h('p', {className: 'team-question__good'}, [h('strong', {text: t('team.good') + ' '}), q.good]) : null,
        people.length ? h('div', {className: 'team-spread'}, [bar, chips(v.n, 'team-spread__counts'), h('p', {className: 'team-spread__text', text: spreadText(s)})]) : null]),
      people.length ? peopleTable(q, people) : null,
      agreedBlock(v)
    ]);
    return block;
  }

  // peopleTable is what each person said about q, a row each. The rows
  // are cloned from one made once (cloning is several times cheaper
  // than making each element, and 40 people answering 27 questions is
  // over a thousand rows), then filled in as text.
  var peopleCols = null, peopleRow = null;
  function peopleTable(q, people) {
    if (!peopleRow) {
      peopleCols = [t('team.col.person'), t('team.col.rating'), t('team.col.answer'), t('team.col.evidence'), t('team.col.action')];
      peopleRow = h('tr', {}, [h('th', {scope: 'row'}), cell(peopleCols[1], null, 'team-cell--rating'),
        cell(peopleCols[2], null, 'team-cell--text'), cell(peopleCols[3], null, 'team-cell--text'), cell(peopleCols[4], null, 'team-cell--text')]);
    }
    var body = h('tbody');
    people.forEach(function (f) {
      var r = answer(f, q, cycle);
      var row = peopleRow.cloneNode(true), cells = row.children;
      cells[0].textContent = displayName(f);
      cells[1].appendChild(r && r.rating ? h('span', {className: 'assess-chip rating--' + r.rating, text: ratingLabel(r.rating)}) :
        h('span', {className: 'team-none', text: r ? t('assess.not_rated') : t('team.not_answered')}));
      if (r) {
        add(cells[2], r.answer);
        add(cells[3], r.evidence);
        add(cells[4], actionLine(r));
      }
      body.appendChild(row);
    });
    return h('div', {className: 'table-container'}, h('table', {className: 'table-responsive team-people-table'}, [
      h('caption', {className: 'visually-hidden', text: t('team.people_caption', {question: questionName(q), cycle: cycle})}),
      h('thead', {}, h('tr', {}, peopleCols.map(function (c) { return h('th', {scope: 'col', text: c}); }))),
      body]));
  }

  // actionLine is an action as one line: what, who, by when, and done.
  function actionLine(r) {
    var who = [r.owner ? t('assess.owned_by', {owner: r.owner}) : '', r.due ? t('assess.by', {due: r.due}) : ''].filter(Boolean).join(', ');
    var text = r.action + (who ? (r.action ? ' (' + who + ')' : who) : '');
    return text && r.status === 'done' ? text + ' ' + t('assess.done_mark') : text;
  }

  // earlierAgreed is what the team agreed on q in the cycles before this.
  function earlierAgreed(q) {
    var out = [];
    cycles.slice(0, cycles.indexOf(cycle)).forEach(function (c) {
      var a = agreedOf(q, c);
      if (a.rating) { out.push(t('assess.rating_in', {rating: ratingLabel(a.rating), cycle: c})); }
    });
    return out;
  }

  function agreedBlock(v) {
    var q = v.q;
    var p = 'assess-team--' + q.id + '--';
    var a = agreedOf(q, cycle);
    var radios = ratings.concat([{id: '', label: t('team.none_agreed')}]).map(function (r, i) {
      var input = h('input', {className: 'assess-radio__input' + (r.id ? ' rating--' + r.id : ''), type: 'radio', id: p + 'agreed-' + i, name: p + 'agreed', value: r.id});
      input.checked = a.rating === r.id;
      return h('div', {className: 'assess-radio'}, [input, h('label', {className: 'assess-radio__label', 'for': p + 'agreed-' + i, text: r.label})]);
    });
    var before = earlierAgreed(q);
    var note = h('textarea', {className: 'assess__textarea', id: p + 'note', rows: 2, maxlength: formats.MAX_TEXT});
    note.value = a.note;
    var status = h('p', {className: 'assess-form__status', role: 'status'});
    var printed = h('div', {className: 'team-print'});
    v.radios = radios.map(function (d) { return d.firstChild; });
    v.note = note;
    v.status = status;
    v.printed = printed;
    v.actionList = h('ul', {className: 'team-actions-here'});
    v.actionForm = h('div', {className: 'team-action-form-box'});
    var addAction = h('button', {type: 'button', className: 'button-small', 'aria-expanded': 'false'}, [t('team.add_action_here'),
      h('span', {className: 'visually-hidden', text: ' ' + questionName(q)})]);
    addAction.addEventListener('click', function () { toggleActionForm(v.actionForm, addAction, q); });
    var box = v.box = h('div', {className: 'team-agreed'}, [
      h('fieldset', {className: 'assess-rating'}, [
        h('legend', {className: 'assess__label', text: t('team.agreed_for', {cycle: cycle})}),
        before.length ? h('p', {className: 'assess__hint team-agreed__before', text: t('team.agreed_before', {ratings: before.join(t('assess.earlier_separator'))})}) : null,
        h('div', {className: 'assess-radios'}, radios)]),
      h('div', {className: 'assess-field'}, [h('label', {className: 'assess__label', 'for': p + 'note', text: t('team.note')}), note]),
      status, printed,
      v.actionsPart = h('div', {className: 'team-agreed__actions'}, [h('p', {className: 'assess__label', text: t('team.actions_here')}), v.actionList,
        h('p', {className: 'team-add'}, addAction), v.actionForm])]);
    box.addEventListener('change', function (e) {
      if (e.target.type === 'radio') { saveAgreed(v); }
      if (e.target === note) { saveAgreed(v); }
    });
    note.addEventListener('input', function () {
      window.clearTimeout(v.timer);
      v.timer = window.setTimeout(function () { saveAgreed(v); }, SAVE_DELAY);
      if (timers.indexOf(v) < 0) { timers.push(v); }
    });
    refreshAgreed(v);
    return box;
  }

  // refreshAgreed shows a question's agreed rating, note and actions as
  // saved (not the box being typed in), and their printed form.
  function refreshAgreed(v) {
    var a = agreedOf(v.q, cycle);
    v.radios.forEach(function (r) { r.checked = r.value === a.rating; });
    if (document.activeElement !== v.note && !v.timer) { v.note.value = a.note; }
    empty(v.actionList);
    visibleActions().forEach(function (x) {
      if (x.question !== v.q.id) { return; }
      add(v.actionList, h('li', {text: actionLine(x) + (x.cycle && x.cycle !== cycle ? ' ' + t('team.agreed_in', {cycle: x.cycle}) : '')}));
    });
    show(v.actionList, v.actionList.firstChild !== null);
    v.actionsPart.className = 'team-agreed__actions' + (v.actionList.firstChild ? '' : ' team-agreed__actions--none');
    empty(v.printed);
    var lines = [];
    if (a.rating) { lines.push(h('p', {}, [h('strong', {text: t('team.agreed_for', {cycle: cycle}) + ': '}), ratingLabel(a.rating)])); }
    if (a.note) { lines.push(h('p', {className: 'team-print__note'}, [h('strong', {text: t('team.note') + ': '}), a.note])); }
    var before = earlierAgreed(v.q);
    if (before.length) { lines.push(h('p', {text: t('team.agreed_before', {ratings: before.join(t('assess.earlier_separator'))})})); }
    add(v.printed, lines);
    v.box.className = 'team-agreed' + (lines.length || v.actionList.firstChild ? '' : ' team-agreed--none');
  }

  function flush() {
    timers.forEach(function (v) { if (v.timer) { saveAgreed(v); } });
    timers = [];
    if (teamTimer) { saveTeamName(); }
  }

  function saveAgreed(v) {
    window.clearTimeout(v.timer);
    v.timer = null;
    var rating = '';
    v.radios.forEach(function (r) { if (r.checked) { rating = r.value; } });
    var byCycle = own(record.agreed, v.q.id) ? record.agreed[v.q.id] : (record.agreed[v.q.id] = map());
    var was = own(byCycle, cycle) ? byCycle[cycle] : {rating: '', note: ''};
    if (was.rating === rating && was.note === v.note.value) { return; }
    byCycle[cycle] = {rating: rating, note: v.note.value, updated: new Date().toISOString()};
    saveRecord(v.status);
    refreshAgreed(v);
    renderProgress();
  }

  // ---- Actions --------------------------------------------------------

  // visibleActions are the actions the chosen cycle shows: those agreed
  // in it, and open ones agreed before it (carried once, never copied).
  function visibleActions() {
    var at = cycleIndex(cycle);
    return record.actions.filter(function (a) {
      var i = cycleIndex(a.cycle);
      return a.cycle === cycle || i < 0 || (i < at && a.status !== 'done');
    });
  }

  // toggleActionForm opens, under opener, a small form to agree an
  // action (for question q, or the whole level when q is null).
  function toggleActionForm(box, opener, q) {
    if (box.firstChild) {
      empty(box);
      opener.setAttribute('aria-expanded', 'false');
      return;
    }
    var p = 'assess-team-new-' + (q ? q.id : 'level') + '-';
    function field(name, label, input) {
      input.id = p + name;
      return h('div', {className: 'assess-field assess-field--' + name}, [h('label', {className: 'assess__label', 'for': p + name, text: label}), input]);
    }
    var what = h('textarea', {className: 'assess__textarea', rows: 2, maxlength: formats.MAX_TEXT});
    var owner = h('input', {className: 'assess__input', type: 'text', maxlength: formats.MAX_TEXT, autocomplete: 'off'});
    var due = h('input', {className: 'assess__input', type: 'text', maxlength: formats.MAX_TEXT, autocomplete: 'off'});
    var say = h('p', {className: 'assess-form__status', role: 'status'});
    var close = function () { empty(box); opener.setAttribute('aria-expanded', 'false'); opener.focus(); };
    add(box, h('div', {className: 'team-action-form', role: 'group', 'aria-label': q ? t('team.new_action_for', {question: questionName(q)}) : t('team.new_action_level')}, [
      field('action', t('team.action'), what),
      h('div', {className: 'assess-action__row'}, [field('owner', t('assess.owner'), owner), field('due', t('assess.due'), due)]),
      say,
      buttons([button(t('team.add_action'), '', function () {
        if (squash(what.value) === '' && squash(owner.value) === '' && squash(due.value) === '') {
          say.textContent = t('team.action_empty');
          what.focus();
          return;
        }
        record.actions.push({action: what.value, owner: owner.value, due: due.value, status: 'open', question: q ? q.id : '',
          cycle: cycle, updated: new Date().toISOString()});
        saveRecord(null);
        close();
        message.textContent = t('team.action_added');
        refreshAll();
      }), button(t('assess.cancel'), 'button--secondary', close)])]));
    opener.setAttribute('aria-expanded', 'true');
    what.focus();
  }

  function renderActions() {
    empty(actionsBox);
    var list = visibleActions();
    var cols = [t('team.col.action'), t('assess.col.owner'), t('assess.col.due'), t('team.col.question'), t('team.col.agreed_in'), t('team.col.status'), t('team.col.remove')];
    if (!list.length) {
      add(actionsBox, h('p', {text: t('team.no_actions', {cycle: cycle})}));
    } else {
      add(actionsBox, h('div', {className: 'table-container'}, h('table', {className: 'table-responsive team-actions'}, [
        h('caption', {className: 'table__caption', text: t('team.actions_caption', {level: level.title, cycle: cycle})}),
        h('thead', {}, h('tr', {}, cols.map(function (c) { return h('th', {scope: 'col', text: c}); }))),
        h('tbody', {}, list.map(function (a) { return actionRow(a, cols); }))])));
    }
    var box = h('div', {className: 'team-action-form-box'});
    var opener = h('button', {type: 'button', className: 'button button--secondary', 'aria-expanded': 'false', text: t('team.add_action_level')});
    opener.addEventListener('click', function () { toggleActionForm(box, opener, null); });
    add(actionsBox, [h('p', {className: 'team-add'}, opener), box]);
  }

  function actionRow(a, cols) {
    var i = record.actions.indexOf(a);
    var id = 'assess-team-done-' + i;
    var done = h('input', {className: 'assess-check__input', type: 'checkbox', id: id});
    done.checked = a.status === 'done';
    done.addEventListener('change', function () {
      a.status = done.checked ? 'done' : 'open';
      a.updated = new Date().toISOString();
      saveRecord(null);
      message.textContent = t(done.checked ? 'team.action_done' : 'team.action_open', {action: kit.cut(a.action || a.owner || a.due)});
      refreshAll();
      var again = document.getElementById(id);
      if (again) { again.focus(); }
    });
    var remove = h('button', {type: 'button', className: 'button-small'}, [t('team.remove'), h('span', {className: 'visually-hidden', text: ' ' + a.action})]);
    remove.addEventListener('click', function () {
      record.actions.splice(record.actions.indexOf(a), 1);
      saveRecord(null);
      message.textContent = t('team.action_removed', {action: kit.cut(a.action || a.owner || a.due)});
      refreshAll();
      actionsBox.focus();
    });
    var q = a.question && own(questionOf, a.question) ? questionOf[a.question].q : null;
    return h('tr', {className: a.status === 'done' ? 'team-actions__done' : null}, [
      h('th', {scope: 'row', className: 'team-cell--text', text: a.action || '–'}),
      cell(cols[1], a.owner), cell(cols[2], a.due),
      cell(cols[3], q ? h('a', {href: '#' + q.id, text: questionName(q)}) : t('team.whole_level')),
      cell(cols[4], a.cycle || '–'),
      cell(cols[5], [h('span', {className: 'team-status', text: a.status === 'done' ? t('assess.done') : t('assess.open')}),
        h('span', {className: 'assess-check team-status__box'}, [done, h('label', {className: 'assess-check__label', 'for': id, text: t('assess.done')})])]),
      cell(cols[6], remove, 'team-cell--remove')]);
  }

  // refreshAll updates what depends on the record without rebuilding the
  // questions: the agreed answers, the actions and the progress.
  function refreshAll() {
    views.forEach(refreshAgreed);
    renderActions();
    renderProgress();
  }

  // ---- Progress across cycles -----------------------------------------

  function renderProgress() {
    empty(progressBox);
    var cols = ratings.map(function (r) { return r.label; }).concat([t('team.none_agreed'), t('team.col.people')]);
    var rows = cycles.filter(function (c) {
      return c === cycle || level.questions.some(function (q) { return agreedOf(q, c).rating !== ''; });
    }).map(function (c) {
      var n = map();
      n[''] = 0;
      ratings.forEach(function (r) { n[r.id] = 0; });
      level.questions.forEach(function (q) { n[agreedOf(q, c).rating]++; });
      var people = c === cycle && participants().length ? participants().length : (record.participants[c] || []).length;
      return h('tr', {}, [h('th', {scope: 'row', text: c === cycle ? t('assess.cycle_chosen', {cycle: c}) : c}),
        ratings.map(function (r, i) { return cell(cols[i], String(n[r.id])); }),
        cell(cols[ratings.length], String(n[''])), cell(cols[ratings.length + 1], String(people))]);
    });
    add(progressBox, h('table', {className: 'table-responsive team-progress'}, [
      h('caption', {className: 'table__caption', text: t('team.progress_caption', {level: level.title})}),
      h('thead', {}, h('tr', {}, [h('th', {scope: 'col', text: t('assess.col.cycle')}), cols.map(function (c) { return h('th', {scope: 'col', text: c}); })])),
      h('tbody', {}, rows)]));
  }

  // ---- The team record: name, export, import, delete -------------------

  var teamTimer = null;
  function saveTeamName() {
    window.clearTimeout(teamTimer);
    teamTimer = null;
    record.team = teamInput.value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').slice(0, formats.MAX_PERSON);
    saveRecord(null);
  }

  function exportRecord() {
    flush();
    var team = kit.safeName(record.team);
    var name = framework + '-team-' + record.level + '-' + (team ? team + '-' : '') + kit.today() + '.json';
    kit.download(name, 'application/json', JSON.stringify(toFile(record, new Date().toISOString()), null, 2) + '\n');
    message.textContent = t('team.exported', {file: name});
  }

  function counted(r) {
    var agreed = 0;
    Object.keys(r.agreed).forEach(function (qid) {
      Object.keys(r.agreed[qid]).forEach(function (c) { if (r.agreed[qid][c].rating || r.agreed[qid][c].note) { agreed++; } });
    });
    return {agreed: t('team.n_agreed', {n: agreed}), actions: t('team.n_actions', {n: r.actions.length})};
  }

  // offerRecord takes a team record read from a file: at once when the
  // device holds nothing for its level, else after asking in panel. say
  // tells the reader what became of it. It returns true when it took the
  // record (and drew the page) at once.
  function offerRecord(name, got, panel, opener, say) {
    var incoming = fromFile(got);
    var l = levelByID[got.level];
    var held = loadRecord(got.level);
    function take() {
      flush(); // notes typed for the level on show are saved first
      if (!saveRecordFor(incoming)) { return false; }
      chosenByReader = true;
      chooseLevel(l);
      say(t('team.record_imported', {file: name, level: l.title}));
      render();
      return true;
    }
    if (!hasWork(held) && !held.unreadable) { return take(); }
    var have = counted(held), bring = counted(incoming);
    var close = function () { kit.closePanel(panel, opener); };
    kit.openPanel(panel, opener, [
      h('p', {className: 'assess-confirm__lead', text: t('team.record_holds', {file: name, level: l.title, agreed: bring.agreed, actions: bring.actions})}),
      h('p', {text: t('team.record_replaces', {level: l.title, agreed: have.agreed, actions: have.actions})}),
      buttons([button(t('team.record_import_button'), '', function () { close(); take(); }),
        button(t('assess.cancel'), 'button--secondary', function () { close(); say(t('assess.import_cancelled')); })])]);
    return false;
  }

  // saveRecordFor writes an imported record, whatever level is chosen.
  function saveRecordFor(r) {
    try {
      if (!ls) { throw {name: 'unavailable'}; }
      ls.setItem(recordKey(r.level), JSON.stringify(toFile(r, '')));
      return true;
    } catch (e) {
      importProblem.textContent = t('assess.import_refused', {why: kit.storageProblem(ls, e)});
      return false;
    }
  }

  function importRecord() {
    var file = importInput.files && importInput.files[0];
    importProblem.textContent = '';
    message.textContent = '';
    show(importPanel, false);
    if (!file) { return; }
    var name = file.name;
    var refuse = function (why) { importProblem.textContent = t('assess.import_refused', {why: why}); };
    kit.readText(file, formats.MAX_FILE, function (text) {
      var got = formats.readTeam(text, site);
      if (got.error) { refuse(got.error); return; }
      offerRecord(name, got, importPanel, importInput, function (m) { message.textContent = m; });
    }, refuse);
    importInput.value = '';
  }

  function openClear() {
    flush();
    message.textContent = '';
    var close = function () { kit.closePanel(clearPanel, clearButton); };
    if (!hasWork(record) && squash(record.team) === '') {
      kit.openPanel(clearPanel, clearButton, [h('p', {text: t('team.clear_none', {level: level.title})}),
        buttons([button(t('assess.close'), 'button--secondary', close)])]);
      return;
    }
    var have = counted(record);
    kit.openPanel(clearPanel, clearButton, [
      h('p', {className: 'assess-confirm__lead', text: t('team.clear_what', {level: level.title, agreed: have.agreed, actions: have.actions})}),
      h('p', {text: t('team.clear_export_first')}),
      buttons([button(t('team.clear_button'), 'button--warning', function () {
        if (ls) { ls.removeItem(recordKey(record.level)); }
        record = emptyRecord(level.id);
        teamInput.value = '';
        hideBox.checked = false;
        close();
        message.textContent = t('team.cleared', {level: level.title});
        render();
      }), button(t('assess.cancel'), 'button--secondary', close)])]);
  }

  // ---- Start ----------------------------------------------------------

  chosenByReader = readSettings();
  chooseLevel(level || data.levels[0]);
  cycleSelect.value = cycle;
  sortSelect.value = sort;
  render();

  addInput.addEventListener('change', function () {
    var list = Array.prototype.slice.call(addInput.files || []);
    problem.textContent = '';
    show(recordPanel, false);
    addFiles(list);
    addInput.value = ''; // choosing the same files again reads them again
  });
  clearFiles.addEventListener('click', function () {
    files = [];
    added.textContent = t('team.files_cleared');
    render();
    addInput.focus();
  });
  levelSelect.addEventListener('change', function () {
    chosenByReader = true;
    chooseLevel(levelByID[levelSelect.value]);
    render();
  });
  cycleSelect.addEventListener('change', function () {
    flush();
    chosenByReader = true;
    cycle = cycleSelect.value;
    saveSettings();
    render();
  });
  sortSelect.addEventListener('change', function () {
    sort = sortSelect.value;
    saveSettings();
    renderQuestions();
  });
  hideBox.addEventListener('change', function () {
    record.hidden = hideBox.checked;
    saveRecord(null);
    render();
  });
  teamInput.addEventListener('input', function () {
    window.clearTimeout(teamTimer);
    teamTimer = window.setTimeout(saveTeamName, SAVE_DELAY);
  });
  teamInput.addEventListener('change', saveTeamName);
  if (kit.canDownload()) {
    exportButton.addEventListener('click', exportRecord);
  } else {
    show(exportButton, false);
  }
  importInput.addEventListener('change', importRecord);
  clearButton.addEventListener('click', function () {
    if (clearPanel.hasAttribute('hidden')) { openClear(); } else { kit.closePanel(clearPanel, clearButton); }
  });
  actionsBox.setAttribute('tabindex', '-1');

  // Another tab changed this level's record: show it, except the box
  // being typed in.
  window.addEventListener('storage', function (e) {
    if (e.key !== recordKey(level.id) && e.key !== null) { return; }
    var hideWas = record.hidden;
    record = loadRecord(level.id);
    if (document.activeElement !== teamInput) { teamInput.value = record.team; }
    hideBox.checked = record.hidden;
    if (hideWas !== record.hidden) { render(); } else { refreshAll(); }
  });
  window.addEventListener('pagehide', flush);

  show(page, true);
})();
