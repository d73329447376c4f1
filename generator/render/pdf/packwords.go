package pdf

// The facilitator pack's printed words, kept together so that they can
// move to a strings file for translation (issue 17). Longer texts are
// Markdown. Format strings take their values in the order the comment
// gives.
const (
	packKicker     = "Facilitator pack"
	packDocTitle   = "%s: facilitator pack, %s"                                          // framework, workbook
	packDocSubject = "How to plan and run a team session on the %s workbook's questions" // workbook

	packFactWorkbook  = "Workbook"
	packFactAudience  = "Who it is for"
	packFactQuestions = "Questions"
	packFactSessions  = "Sessions"
	packFactPeople    = "Team size"
	packFactContent   = "Content"
	packOneSession    = "1 session of about %d minutes"                                                 // minutes
	packSessionsSame  = "%d sessions of about %d minutes each"                                          // sessions, minutes
	packSessions      = "%d sessions of %d to %d minutes each"                                          // sessions, shortest, longest
	packQuestionsText = "%d, numbered as in the %s workbook"                                            // questions, workbook
	packQuestionsPart = "%d of the level's %d, numbered 1 to %d as in a workbook of the same questions" // questions, level's questions, questions
	packPeopleText    = "Works best with 4 to 12 people. With more, split into groups and bring their ratings together."
	packAboutHeading  = "What this pack is for"
	packAbout         = "Use it to plan and run a team session on the questions of the %s workbook. " + // workbook
		"Each person reflects and rates on their own first; then the team talks about where its ratings differ, " +
		"agrees a rating for each question and agrees what it will do."

	packBeforeHeading = "Before the session"
	packBefore        = `- **Choose the questions.** Nobody is expected to cover everything. Pick the areas that matter most to your team, where there is most room to improve, or where you can show others the way.
- **Invite a mix of people.** Include people of different professions, grades and backgrounds. Where you can, invite people who use your services, or their carers, as equal partners: co-production means planning and deciding together, not asking for views afterwards.
- **Ask about access needs.** Offer the web version for a screen reader or larger text, large print, an interpreter, breaks and a quiet space.
- **Ask people to answer first, on their own.** A week before, send the questions. Each person fills in their own workbook, or answers in the web version and exports their answers. Ratings given alone are more honest than ratings given in a group.
- **Print** a workbook for each person who needs one, the session plan and the consolidation sheet for each session.`

	packPlanHeading    = "The session plan"
	packPlanIntro      = "Each session takes %s. Times are from the start of the session; move on when the time for a step is up, and note what you did not finish." // "about 85 minutes"
	packSessionHeading = "Session %d of %d: %s"                                                                                                                      // number, sessions, "questions 1 to 7"
	packSessionOnly    = "The session: %s"                                                                                                                           // "questions 1 to 7"
	packSessionLength  = "About %d minutes."                                                                                                                         // minutes
	packColStart       = "Start"
	packColLength      = "Minutes"
	packColWhat        = "What happens"
	packQuestionOne    = "question %d"         // number
	packQuestionsTwo   = "questions %d and %d" // first, second
	packQuestionsRange = "questions %d to %d"  // first, last
	packAboutMinutes   = "about %d minutes"    // minutes
	packMinutesRange   = "%d to %d minutes"    // shortest, longest

	packStepWelcome     = "Welcome and ground rules"
	packStepWelcomeText = "Say why the team is here. Read out the ground rules and go through what each rating means."
	packStepReflect     = "Quiet time: reflect and rate alone"
	packStepReflectText = "Each person reads %s, notes their evidence and rates each one, without talking. If people answered before the session, they use this time to remind themselves of their answers." // "questions 1 to 7"
	packStepTally       = "Show and count the ratings"
	packStepTallyText   = "For each question, everyone shows their rating at the same time. Mark a tally for each rating on the consolidation sheet. Take first the questions whose tallies are most spread out."
	packStepAgree       = "Question %d: compare and agree" // number
	packStepAgreeText   = "Talk about where ratings differ, agree a rating and note any action."
	packStepActions     = "Agree actions"
	packStepActionsText = "Go through the actions noted. Give each an owner and a date."
	packStepClose       = "Close"
	packStepCloseText   = "Read back the agreed ratings and actions. Agree when you will meet again."

	packRunHeading   = "How to run a session"
	packRulesHeading = "Ground rules"
	packRulesIntro   = "Read these out at the start, and ask the group to add any of its own."
	packRules        = `- Everyone's view counts the same, whatever their profession, grade or role. The most senior person speaks last.
- Lived experience is evidence. What people who use services, their carers and staff tell us counts as much as data.
- We talk about services and systems, not about people. Nobody is blamed for a red.
- We name racism and other discrimination when we see it, and ask who is missing: from the data, from our services and from this room.
- Disagreement is useful. It shows where we see things differently and what we need to find out.
- What is said in the room stays in the room. What we agree is written down.`
	packAgreeHeading = "How to reach an agreed rating"
	packAgree        = `1. Everyone shows their rating at the same time: hold up a card, or say it together. Mark one tally for each rating on the consolidation sheet.
2. If everyone gave the same rating, check the evidence for it briefly and tick it as agreed.
3. If ratings differ, ask someone who gave the lowest rating and someone who gave the highest to say why. Start with the least senior person.
4. Look at the evidence together, and at what good looks like for the question.
5. Agree the rating the evidence supports. If you cannot agree in the time, record the lower rating and what you need to find out to settle it.
6. Write one sentence on why you agreed it.`
	packActionsHeading = "How to capture actions"
	packActions        = `- Agree one or two actions for the questions that matter most, not one for every question.
- Each action says what will be done, who will do it and by when. The owner is a named person in the room, not "the team".
- Note which question each action answers, so it can be checked at the next review.
- Read the actions back before you close, and check that each owner agrees.
- At the next session, start with the actions: mark each one done or still open. Carry an open action forward once; do not copy it.`
	packAfterHeading = "After the session"
	packAfter        = `- Keep the consolidation sheets: they are the team's record of what it agreed.
- If people answered in the web version, collect their exported answers files. The team's page on the web version brings them together with the agreed ratings and actions, and prints a team report.
- Share the agreed ratings and actions with everyone who took part, including people from outside the team.
- Come back in a year, rate again and see what has changed.`

	packSheetHeading     = "Consolidation sheet"
	packSheetSession     = "Consolidation sheet, session %d of %d" // number, sessions
	packSheetIntro       = "For each question, make a tally mark in the box of each person's rating. Tick the rating the team agrees, and write the action, its owner and by when."
	packSheetTeam        = "Team"
	packSheetDate        = "Date"
	packSheetFacilitator = "Facilitator"
	packSheetPeople      = "Number of people"
	packColNumber        = "No."
	packColQuestion      = "Question"
	packColAgreed        = "Agreed"
	packColAction        = "Action, owner, by when"
	packTallyTip         = "%s tally for question %d" // rating, number
)
