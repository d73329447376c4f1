// Package answers owns the files the web version exports and the
// program reads back: the answers format (one reader's answers,
// "workbook-answers") and the team record format (what a team agreed
// at a workshop, "workbook-team"). It holds their types, their decoders
// (with the file, line and column of every problem), the checks of a
// file against a site, the lookup of a question by its id or an earlier
// id, and the formats' limits. This comment is the formats'
// specification; the web version (the default theme's assets/assess.js
// and the team page) writes and checks files by it.
//
// Decoding (bytes to records, Decode and DecodeTeam) is kept apart from
// checking against a site (Check and CheckTeam), so that other sources
// of records (filled PDF forms) and readers of many files (a team's
// report) can use either. Read takes a file of any kind this package
// reads and returns what it holds.
//
// # The answers file, version 2
//
//	{
//	  "format": "workbook-answers",
//	  "version": 2,
//	  "framework": "ahps-deliver",
//	  "person": {"name": "Asha Patel", "team": "Therapies"},
//	  "title": "AHPs Deliver implementation framework",
//	  "exported": "2026-03-01T10:00:00.000Z",
//	  "cycles": ["2025/26", "2026/27"],
//	  "answers": {
//	    "provider-digital-greener-1": {
//	      "2025/26": {
//	        "level": "provider",
//	        "rating": "amber",
//	        "action": "...",
//	        "owner": "...",
//	        "due": "...",
//	        "status": "done",
//	        ...
//	      }
//	    }
//	  }
//	}
//
// Version 2 is version 1 (below) and two members more:
//
//   - person (required from version 2): whose answers they are, an
//     object with name (required) and team (optional). Each is text of
//     one line (no control characters, tabs or line breaks) of at most
//     MaxPerson (100) UTF-16 code units; a name may not be blank (only
//     spaces). A team may be "" or left out: no team given. Two files
//     are the same person's when their names match once white space at
//     either end is trimmed, runs of white space inside are made one
//     space and letters are lower-cased (Person.Key). The web version
//     asks for the name before it exports, and writes it into the
//     export's file name.
//   - status, in a record (optional): "open" or "done", whether the
//     record's action is done. Left out, or "", it is open. The web
//     version lets a reader mark an action done; copying answers into a
//     new review cycle carries an open action into it once (the new
//     cycle's record holds it) and leaves a done one in the cycle where
//     it was done.
//
// A version 1 file is read as before: it names no person (Person.Name
// is ""), and a "person" or "status" in it is a member version 1 does
// not name, ignored whatever it holds.
//
// # The answers file, version 1
//
//	{
//	  "format": "workbook-answers",
//	  "version": 1,
//	  "framework": "ahps-deliver",
//	  "title": "AHPs Deliver implementation framework",
//	  "exported": "2026-03-01T10:00:00.000Z",
//	  "cycles": ["2025/26", "2026/27"],
//	  "answers": {
//	    "provider-digital-greener-1": {
//	      "2025/26": {
//	        "level": "provider",
//	        "question": "How does your organisation use data to ...?",
//	        "answer": "...",
//	        "evidence": "...",
//	        "rating": "amber",
//	        "action": "...",
//	        "owner": "...",
//	        "due": "...",
//	        "updated": "2026-03-01T09:58:00.000Z"
//	      }
//	    }
//	  }
//	}
//
// The members of the top object:
//
//   - format (required): always "workbook-answers".
//   - version (required): the format version, a number; this is
//     version 1. A reader refuses a version it does not know.
//   - framework (required): the id of the site the answers were given
//     on (config.toml's id). A site reads only its own answers.
//   - title: the site's title, for people reading the file.
//   - exported: when the file was written, as an ISO 8601 time in UTC;
//     a value that is not a time is kept out of reports, not refused.
//   - cycles: the site's review cycles when the file was written,
//     oldest first: a list of names.
//   - answers (required): an object whose names are question ids and
//     whose values are objects whose names are review cycles and whose
//     values are records.
//   - kept: a list of answers "answers" has no room for: a second
//     answer to the same question in the same review cycle, saved on
//     another level before the question moved there. Each is a record
//     with two members more, both required text: id (the question's id)
//     and cycle. Readers keep them beside the record in "answers"
//     (Record.Kept); a report shows both.
//
// A record's members, each optional text:
//
//   - level: the level it was answered on; a question no longer in the
//     framework is reported under it, and a missing level is the
//     question's.
//   - question: the question's text when the answer was last saved.
//   - answer, evidence: as typed.
//   - rating: a rating id of the site's framework.toml ("red", "amber",
//     "green" in the shipped framework), or "" for not rated yet.
//   - action, owner, due: the action, who owns it and by when, as typed.
//   - updated: when the record was last saved, an ISO 8601 time.
//
// A record with no answer, evidence, rating, action, owner or due is
// not an answer: it is neither exported nor imported. The web version
// exports every answer held on the device for the framework: at every
// level, under whatever id it was saved (a question's earlier id, see
// the content format's aliases), and to questions since removed.
//
// # Reading a file
//
// A file is read as a browser reads it: as UTF-8, or as UTF-16 when it
// starts with a UTF-16 byte order mark; a byte order mark is dropped,
// and bytes not valid in the encoding read as U+FFFD. The text is JSON
// (RFC 8259) holding one object. Whoever reads a file refuses it whole,
// and says why, when:
//
//   - it is larger than MaxFileSize bytes (5 MB);
//   - it is not JSON (for example a trailing comma, a comment, text in
//     single quotes, a raw line break inside text);
//   - it is not an object whose format is "workbook-answers";
//   - its version is not a number from 1 to the newest version the
//     reader knows (a version written 1.0 is 1);
//   - its framework is missing, "", or not the reading site's;
//   - title, exported or framework is not text, or cycles is not a
//     list of review cycle names;
//   - answers is missing or not an object; a question's answers are not
//     an object; a record is not an object; a record's member named
//     above is not text;
//   - a question id, or a level that is not "", is not an id: lower-case
//     letters and digits in groups joined by single hyphens;
//   - a review cycle name is "";
//   - a rating is neither "" nor the id of one of the site's ratings
//     (compared as exact text: "Red", "toString" and "__proto__" are
//     not ratings);
//   - a text is longer than MaxText (100,000), or a question id, level
//     id, framework id or review cycle name longer than MaxName (200),
//     counted in UTF-16 code units as JavaScript counts a string's
//     length (a character outside the Basic Multilingual Plane, such as
//     most emoji, counts two);
//   - it holds more than MaxRecords (100,000) pairs of question and
//     cycle, or no answer at all;
//   - (version 2) person is missing or not an object, its name is
//     missing, blank, not text, longer than MaxPerson or more than one
//     line, or its team is not text, longer than MaxPerson or more
//     than one line; a record's status is neither "open", "done" nor "".
//
// Anything else is read as it stands. Members the format does not name
// are ignored, whatever they hold and however deep. A name given twice
// in one object keeps its last value, as JavaScript's JSON.parse does.
// Names are data: a question id "constructor" or a review cycle
// "__proto__" or "toString" is read like any other. The order of
// members does not matter.
//
// Every file in testdata/answers at the repository's root is listed in
// its cases.json with whether a reader accepts it and, if not, a phrase
// of the reason and where in the file it is; the tests of this package
// and of the web version's import both read them.
//
// # The team record, version 1
//
// At a workshop the team page reads the team's answers files, and the
// facilitator records what the team agreed: a rating and a note for
// each question talked about, and actions. The team page saves this on
// the facilitator's device and exports it as a team record, which the
// team page imports again and `workbook report` reads beside answers
// files (a team report):
//
//	{
//	  "format": "workbook-team",
//	  "version": 1,
//	  "framework": "ahps-deliver",
//	  "title": "AHPs Deliver implementation framework",
//	  "level": "provider",
//	  "team": "Therapies, Example NHS Trust",
//	  "exported": "2026-03-01T10:00:00.000Z",
//	  "cycles": ["2025/26", "2026/27"],
//	  "participants": {"2025/26": ["Asha Patel", "Ben Okoro", "Chen Li"]},
//	  "hidden": false,
//	  "agreed": {
//	    "provider-digital-greener-1": {
//	      "2025/26": {"rating": "amber", "note": "...", "updated": "..."}
//	    }
//	  },
//	  "actions": [
//	    {"action": "...", "owner": "Ben Okoro", "due": "June 2026", "status": "open",
//	     "question": "provider-digital-greener-1", "cycle": "2025/26", "updated": "..."}
//	  ]
//	}
//
// The members of the top object:
//
//   - format (required): always "workbook-team".
//   - version (required): the format version, a number; this is
//     version 1.
//   - framework (required), title, exported, cycles: as in an answers
//     file.
//   - level (required): the id of the level the team worked on. A
//     team record holds one level's work; a team working on two keeps
//     two records.
//   - team: the team's name, text of one line of at most MaxPerson
//     (100); "" or left out when not given.
//   - participants: who took part, an object whose names are review
//     cycles and whose values are lists of names (each as a person's
//     name in an answers file: one line, not blank, at most MaxPerson),
//     at most MaxParticipants (1,000) a cycle, each person once (by
//     Person.Key).
//   - hidden: true when the facilitator chose to hide names. Then the
//     participants are "Person 1", "Person 2"…, in the order the page
//     listed them, and whoever reads the record shows no names, not
//     even those of the answers files read with it. Left out, false.
//   - agreed: an object whose names are question ids and whose values
//     are objects whose names are review cycles and whose values are
//     what was agreed: rating (a rating id of the site's framework.toml,
//     or "" for none agreed), note (why, in the team's words) and
//     updated (an ISO 8601 time), each optional text. One with neither
//     rating nor note is nothing agreed: skipped, not refused.
//   - actions: a list of the actions agreed, in the order the page
//     lists them. Each is an object of optional text: action, owner,
//     due (by when), status ("open" or "done"; "" or left out is open),
//     question (the id of the question it belongs to; "" or left out
//     for an action of the whole level), cycle (the review cycle it was
//     agreed in) and updated. One with no action, owner or due is not
//     an action: skipped, not refused. An open action carried into a
//     new cycle is one action whose cycle is the one it was agreed in,
//     not a copy per cycle.
//
// A reader refuses a team record whole, and says why, for the same
// reasons as an answers file where they apply (size, not JSON, not an
// object of this format, a version it does not know, the framework,
// title, exported or cycles, a question id, a review cycle name, a
// rating, a text's length), and when:
//
//   - level is missing, not text, or not an id; or not one of the
//     reading site's levels (checked against the site);
//   - team, a participant's name, or a text of an agreed rating or an
//     action, is not text, or is too long; a name is blank or more than
//     one line; a person is listed twice in one cycle;
//   - hidden is not true or false;
//   - participants, agreed, a question's agreed ratings, one agreed
//     rating, or an action is not an object; a cycle's participants or
//     actions is not a list; a status is not "open", "done" or "";
//   - it holds more than MaxRecords (100,000) agreed ratings, MaxActions
//     (10,000) actions, or MaxParticipants (1,000) people in a cycle.
//
// A team record that agrees nothing yet is read: it still names the
// team, its level and who took part. Members the format does not name
// are ignored, as in an answers file. Every file in testdata/team at
// the repository's root is listed in its cases.json, as for answers.
//
// # Reading any file
//
// Read tells the two formats apart by "format" and reads either; a
// file that is neither is refused as not an export of answers.
//
// # Adding a version
//
// A new version keeps every member of the one before and adds its own;
// readers keep reading the older versions. To add one: raise Version
// (or TeamVersion), add a step to decoder.decode that reads the new
// members after the older version's (as version2 follows version1), add
// its members to Set (or Team) and its fixtures to testdata/answers (or
// testdata/team), and describe it here.
package answers
