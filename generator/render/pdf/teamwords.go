package pdf

// The team report's printed words, kept together so that they can move
// to a strings file for translation (issue 17). Format strings take
// their values in the order the comment gives.
const (
	teamKicker        = "Team report"
	teamDocTitle      = "%s: team report, %s"                               // framework, level
	teamDocSubject    = "What a team said and agreed at the %s level in %s" // level, cycle
	teamFactTeam      = "Team"
	teamFactAudience  = "Who the level is for"
	teamFactCycle     = "Review cycle"
	teamFactPeople    = "People"
	teamFactQuestions = "Questions rated"
	teamFactAgreed    = "Agreed"
	teamFactContent   = "Content"
	teamAboutHeading  = "About this report"
	teamQuestionsOf   = "%d of %d rated by at least one person" // rated, all
	teamAgreedSome    = "%s, %s"                                // "2 ratings", "3 actions (1 open)"
	teamNoRecord      = "No team record was given: agree each rating on paper, in the boxes under each question."
	teamAbout         = "It was made from answers files exported from the web version of the framework, one a person, and from the team record, if one was given. " +
		"The answers, evidence and actions are the words of whoever wrote them. Question numbers are those of the %s workbook." // level

	teamLeftOutHeading = "Files left out"
	teamLeftOutIntro   = "These files were given but are not in this report. Fix or replace them and make the report again."
	teamColFile        = "File"
	teamColWhy         = "Why it was left out"
	teamWhatToDo       = "What to do: "

	teamWhoHeading   = "Who took part"
	teamColName      = "Name"
	teamColTeam      = "Team"
	teamColRated     = "Rated in %s" // cycle
	teamRatedOf      = "%d of %d"    // rated, questions
	teamHiddenNote   = "Names are hidden: people are numbered in the order their files were given. Names typed into answers and actions are printed as written."
	teamAlsoTookPart = "Also took part, without an answers file: %s." // names

	teamSummary         = "Summary"
	teamMeaningsHeading = "What the ratings mean"
	teamGridHeading     = "Ratings in %s"                                                                                                                                              // cycle
	teamGridIntro       = "How many ratings each enhanced foundation and area of focus got in %s: one for each person and question. Not rated counts questions a person left unrated." // cycle
	teamDiffersHeading  = "Where the team differs"
	teamDiffersIntro    = "Questions with at least one rating, those whose ratings are furthest apart first: talk about these first."
	teamColQuestion     = "Question"
	teamColNotRated     = "Not rated"
	teamColSpread       = "Spread"
	teamColAgreed       = "Agreed"
	teamNobodyRated     = "Nobody rated %s in %s." // "questions 3, 5 and 6", cycle
	teamSpreadNone      = "No ratings"
	teamSpreadAgree     = "All the same"
	teamSpreadOnly      = "One rating only"
	teamSpreadOne       = "1 step apart"
	teamSpreadSteps     = "%d steps apart" // steps
	teamQuestionsPart   = "Question by question"
	teamQuestionsIntro  = "Each question with what each person said in %s, the spread of their ratings and what the team agreed. Questions nobody answered are left out." // cycle
	teamRatingsLine     = "Ratings"
	teamColPerson       = "Person"
	teamColRating       = "Rating"
	teamColWords        = "What they wrote"
	teamWordsAnswer     = "Answer: "
	teamWordsEvidence   = "Evidence: "
	teamWordsAction     = "Action: "
	teamNotAnswered     = "No answer from %s."        // names
	teamNobodyAnswered  = "Nobody answered it in %s." // cycle
	teamAgreedHeading   = "Agreed rating"
	teamAgreedNote      = "Note: "
	teamAgreedBefore    = "Agreed in %s: %s" // cycle, rating
	teamAgreedNone      = "Not agreed yet. Tick one:"
	teamAgreedActions   = "Agreed actions: "
	teamContinued       = "Question %d, continued" // number
	teamContinuedID     = "Question %s, continued" // a question id
	teamQuestionID      = "Question %s"            // a question id
	teamActionsPart     = "Actions"
	teamAgreedList      = "Agreed actions"
	teamAgreedListIntro = "The actions the team agreed in %s, and those still open from earlier review cycles." // cycle
	teamNoAgreedActions = "The team record holds no agreed actions for %s."                                     // cycle
	teamColAction       = "Action"
	teamColOwner        = "Owner"
	teamColDue          = "By when"
	teamColStatus       = "Status"
	teamColCycle        = "Agreed in"
	teamStatusOpen      = "Open"
	teamStatusDone      = "Done"
	teamWholeLevel      = "Whole level"
	teamSuggestedList   = "Actions people suggested"
	teamSuggestedIntro  = "The actions each person wrote under a question in %s, before the workshop." // cycle
	teamNoSuggested     = "Nobody wrote down an action in %s."                                         // cycle
	teamColSuggestedBy  = "Suggested by"
	teamOrphansPart     = "Answers to questions no longer in this framework"
	teamOrphansIntro    = "These answers were saved for questions that have since been removed from the framework or renamed. They are printed as saved."
	teamQuestionN       = "Question %d"  // number
	teamQuestionOne     = "question %s"  // number
	teamQuestionsList   = "questions %s" // "3, 5 and 6"
)
