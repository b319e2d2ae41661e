"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.multiTurnJourneys = multiTurnJourneys;
exports.buildRoutes = buildRoutes;
const sheets_1 = require("../src/sheets");
const scores_1 = require("./scores");
/** The journeys that can wait for an answer, in the order their questions are looked for. */
function multiTurnJourneys(journeys) {
    return [journeys.findSupport];
}
function buildRoutes(journeys, sheets) {
    const to = (journey) => (turn) => journey.answer(turn.context, turn.reading, turn.memory);
    const always = () => true;
    return [
        {
            name: 'safety',
            journey: journeys.safety.id,
            claims: (turn) => turn.reading.safety !== null,
            answer: to(journeys.safety),
            // The numbers stand alone: a calm message, not followed by « où cherchez-vous ? ».
            resumesPending: () => false,
        },
        {
            name: 'pending answer',
            claims: (turn) => turn.pending !== null && turn.pending.answersPending(turn.reading, turn.memory),
            answer: (turn) => turn.pending.answer(turn.context, turn.reading, turn.memory),
            resumesPending: always,
        },
        {
            name: 'sheet number',
            journey: journeys.sheetQuestions.id,
            claims: (turn) => turn.reading.sheets.codes.length > 0,
            answer: to(journeys.sheetQuestions),
            resumesPending: always,
        },
        {
            name: 'shared position',
            journey: journeys.findSupport.id,
            claims: (turn) => turn.reading.position !== undefined,
            answer: to(journeys.findSupport),
            resumesPending: always,
        },
        {
            name: 'command',
            journey: journeys.commands.id,
            claims: (turn) => turn.reading.command !== null,
            answer: to(journeys.commands),
            // Thanks close an exchange and « recommencer » forgets it: neither is followed by the old question.
            resumesPending: (turn) => turn.reading.command === 'greeting' || turn.reading.command === 'help',
        },
        {
            name: 'empty',
            journey: journeys.commands.id,
            claims: (turn) => turn.reading.text === '',
            answer: (turn) => journeys.commands.answerEmpty(turn.context, turn.reading),
            resumesPending: always,
        },
        {
            name: 'scores: sheets',
            journey: journeys.sheetQuestions.id,
            claims: (turn) => scoredJourney(turn, journeys, sheets) === 'sheets',
            answer: to(journeys.sheetQuestions),
            resumesPending: always,
        },
        {
            name: 'scores: offer',
            journey: journeys.findSupport.id,
            claims: (turn) => scoredJourney(turn, journeys, sheets) === 'offer',
            answer: to(journeys.findSupport),
            resumesPending: always,
        },
        {
            name: 'not understood',
            journey: journeys.commands.id,
            claims: always,
            answer: (turn) => journeys.commands.answerNotUnderstood(turn.context, turn.reading),
            resumesPending: always,
        },
    ];
}
/**
 * Each service scores the message on its own vocabulary. The offer is scored first, so that the sheets' topic
 * search is skipped when even a perfect topic could not win. On the website a topic alone never reaches the sheets:
 * a parent's « aide pour parents à Paris » is a search, not a quotation from a plan.
 */
function scoredJourney(turn, journeys, sheets) {
    if (turn.scored !== undefined)
        return turn.scored;
    const { reading, memory } = turn;
    const offer = journeys.findSupport.score(reading, memory);
    const sheetsMayAnswer = turn.partners || (0, sheets_1.isExplicitSheetQuestion)(reading.sheets, memory.sheets);
    const sheetScore = sheetsMayAnswer ? (0, sheets_1.sheetQuestionScore)(sheets, reading.sheets, memory.sheets, { needed: (0, scores_1.scoreNeededAgainst)(offer) }) : 0;
    turn.scored = (0, scores_1.chooseByScores)({ sheets: sheetScore, offer, lastTopic: memory.lastTopic });
    return turn.scored;
}
//# sourceMappingURL=routes.js.map