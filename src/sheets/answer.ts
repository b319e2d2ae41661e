import { glossaryCard, sheetListCard, type ListCardEntry } from '../cards/sheetCards';
import { boldMarkdown, escapeMarkdown } from '../language/markdown';
import type { Language } from '../language/text';
import { sheetMessages } from '../messages/sheets';
import type { SheetConversation } from './conversation';
import { detailRule, detailsMissing } from './details';
import { excerpt, sheetName } from './display';
import { lookupGlossary } from './glossary';
import { exampleQuestions } from './help';
import { sectionsOf, type Sheet, type SheetField } from './model';
import { aboutness, actionsBody, composePart, holdsFigure, fieldsBody, passageHeading, passagesBody, sectionsBody, summaryBody, type AnswerPart, type PartBody, type SheetPresentation } from './render';
import { longestRun, normaliseTerm, searchTerms } from './terms';
import { partialTopicMatch, type PassageMatch, type QueryTerm, type SheetIndex, type SheetMatch, type SheetNumberQuery } from './sheetIndex';
import type { SheetQuestion } from './understand';
import type { AskedField } from './vocabulary';

/**
 * Answers one question about the sheets. The question is read once (understand.ts), then the first handler of
 * HANDLERS that applies answers it — a table read top to bottom, so the order of precedence is visible in one place.
 */

export type SheetOutcome = 'answered' | 'listed' | 'glossary' | 'clarify' | 'not-found';

export interface SheetTurn {
  outcome: SheetOutcome;
  text: string;
  cards: object[];
  suggestions: string[];
  conversation: SheetConversation;
}

/** A topic must cover at least this share of the question's weight for a sheet to be named as the answer. */
const MIN_TOPIC_COVERAGE = 0.55;
/** A sheet is listed when one passage covers this much of the topic… */
const MIN_LISTED_PASSAGE = 0.6;
/** …or when the sheet as a whole covers this much with a passage covering some of it. */
const MIN_LISTED_SHEET = 0.8;
const MIN_LISTED_SHEET_PASSAGE = 0.4;
/** Runners-up within this share of the best score are mentioned. */
const CLOSE_RUNNER_UP = 0.85;
/** Another sheet must score this much more than the current one for a follow-up to move to it. */
const CLEARLY_BETTER = 1.2;
/** One number in more plans than this: ask which plan rather than show them all. */
const MAX_SHEETS_SHOWN = 3;
const MAX_LISTED = 10;
const MAX_SUGGESTIONS = 4;
const FOLLOW_UP_ORDER: readonly Exclude<AskedField, 'links'>[] = ['pilot', 'partners', 'results', 'deadlines', 'funding', 'actions', 'context', 'audience', 'objectives'];

interface Context {
  index: SheetIndex;
  question: SheetQuestion;
  conversation: SheetConversation;
  language: Language;
  /** The sheets being discussed, still loaded. */
  current: Sheet[];
  /** What the channel can show beyond the answer (a link to the whole sheet). */
  present: SheetPresentation;
}

interface Handler {
  name: string;
  applies: (context: Context) => boolean;
  answer: (context: Context) => SheetTurn;
}

function turn(context: Context, outcome: SheetOutcome, text: string, extra: Partial<Omit<SheetTurn, 'outcome' | 'text'>> = {}): SheetTurn {
  return {
    outcome,
    text,
    cards: extra.cards ?? [],
    suggestions: (extra.suggestions ?? []).slice(0, MAX_SUGGESTIONS),
    conversation: extra.conversation ?? context.conversation,
  };
}

function followUps(language: Language, asked: readonly SheetField[]): string[] {
  const messages = sheetMessages[language];
  return FOLLOW_UP_ORDER.filter((field) => !asked.includes(field)).slice(0, 3).map((field) => messages.followUp[field]);
}

function sheetHasField(sheet: Sheet, field: AskedField): boolean {
  return sectionsOf(sheet, field).some((section) => section.items.length > 0);
}

/** Whether the question holds (most of) the words of a heading. */
function headingAsked(heading: string, questionWords: readonly string[]): boolean {
  const terms = searchTerms(heading);
  if (terms.length === 0) return false;
  const asked = new Set(questionWords.map(normaliseTerm));
  const found = terms.filter((term) => asked.has(term)).length;
  return found >= Math.max(1, Math.ceil((terms.length * 2) / 3));
}

function plansNarrowed(sheets: Sheet[], question: SheetQuestion): Sheet[] {
  return narrowToNamedPlans(sheets, question).sheets;
}

/**
 * The sheets of the plans the question names; when none of them has one, every sheet, said to be from another plan
 * (`outside`) so that the answer never passes another plan's sheet for the one asked.
 */
function narrowToNamedPlans(sheets: Sheet[], question: SheetQuestion): { sheets: Sheet[]; outside: boolean } {
  const hint = question.planHint;
  if (!hint) return { sheets, outside: false };
  const narrowed = sheets.filter((sheet) => hint.planIds.includes(sheet.plan.id));
  return narrowed.length > 0 ? { sheets: narrowed, outside: false } : { sheets, outside: sheets.length > 0 };
}

/** The topic words, less those that only asked for a detail ("montant", "téléphone"). */
function topicOf(question: SheetQuestion): string[] {
  if (question.detailWords.length === 0) return question.topicWords;
  const detailWords = new Set(question.detailWords.map(normaliseTerm));
  return question.topicWords.filter((word) => !detailWords.has(normaliseTerm(word)));
}


/** The passages of one sheet on the question's topic, if one covers enough of it. */
function topicPassages(context: Context, sheet: Sheet, topic: readonly string[]): SheetMatch | undefined {
  if (topic.length === 0) return undefined;
  const { index } = context;
  const match = index.search(index.resolveTerms(topic), { sheetIds: [sheet.id] })[0];
  return match && match.best >= MIN_TOPIC_COVERAGE / 2 ? match : undefined;
}

/**
 * What the sheet does not say of what was asked, said plainly before its words are quoted: « La fiche ne donne pas
 * de montant. » Only said of sections that exist (a missing section is said to be missing).
 */
function missingDetailLines(question: SheetQuestion, texts: readonly string[], language: Language): string[] {
  if (question.details.length === 0 || texts.length === 0) return [];
  const messages = sheetMessages[language];
  return detailsMissing(texts, question.details, question.nextEvent).map((detail) =>
    detail === 'date' && question.nextEvent ? messages.nextDateMissing : messages.detailMissing[detail],
  );
}

/** The texts of the sections of these fields, and of the actions asked. */
function quotedTexts(sheet: Sheet, fields: readonly AskedField[], actionNumbers: readonly number[]): string[] {
  const texts = fields.flatMap((field) => sectionsOf(sheet, field).flatMap((section) => section.items.map((item) => item.text)));
  for (const action of sheet.actions) if (actionNumbers.includes(action.number)) texts.push(...action.items, ...(action.title ? [action.title] : []));
  return texts;
}

/** Where an organisation's role in a sheet is said, most telling first. */
const ROLE_FIELD_ORDER: readonly SheetField[] = ['partners', 'funding', 'pilot', 'actions', 'audience', 'objectives', 'results', 'deadlines', 'context', 'links', 'other'];
const MAX_ROLE_LINES = 6;

/**
 * What an organisation does in a sheet: every line of it that names the organisation (all the words asked), the
 * partners' line with its role first, then funding, pilot, actions; or, plainly, that the sheet does not name it.
 */
function roleBody(context: Context, sheet: Sheet, topic: readonly string[]): PartBody {
  const { index, language } = context;
  const terms = index.resolveTerms(topic);
  const match = index.search(terms, { sheetIds: [sheet.id] })[0];
  const rank = (passage: PassageMatch) => ROLE_FIELD_ORDER.indexOf(passage.passage.field ?? 'other');
  const naming = (match?.passages ?? [])
    .filter((passage) => passage.passage.kind !== 'heading' && holdsAll(passage, terms))
    .sort((a, b) => rank(a) - rank(b) || a.passage.section - b.passage.section || a.passage.item - b.passage.item)
    .slice(0, MAX_ROLE_LINES);
  if (naming.length === 0) {
    const said = sheetMessages[language].roleNotNamed(topic.map((word) => asTyped(context.question, word)).join(' '));
    return { lines: [escapeMarkdown(said)], blocks: [{ heading: said, lines: [] }] };
  }
  return passagesBody({ ...match, passages: naming }, language, false, { keepOrder: true, everyLine: true });
}

/** What to answer about known sheets: the action(s), the fields, the passages on a topic, or a summary. */
function answerOnSheets(context: Context, sheets: Sheet[], intro?: string): SheetTurn {
  const { question, language, index } = context;
  const messages = sheetMessages[language];
  const asksActions = question.actionNumbers.length > 0 || question.lastAction;
  // A detail asked with no field named ("le mail du contact") is looked for where a sheet would give it.
  const detailFields = asksActions ? [] : [...new Set(question.details.flatMap((detail) => detailRule(detail).fields))];
  // « que fait la MSA dans cette fiche ? » asks for the lines that name it, not the field asked before.
  const asksRole = question.asksRole && topicOf(question).length > 0 && !asksActions;
  const fields: AskedField[] =
    question.fields.length > 0
      ? question.fields
      : asksRole
        ? []
        : question.followUp && question.actionNumbers.length === 0 && !question.summary && (context.conversation.lastFields ?? []).length > 0
        ? (context.conversation.lastFields ?? []).filter((field): field is AskedField => field !== 'other')
        : detailFields;
  const topic = topicOf(question);
  // A figure or a detail on a topic ("combien de LAEP", "quand … l'accueil le samedi") is looked for in the whole sheet.
  const searchesWholeSheet = (question.asksForFigures || question.details.length > 0) && topic.length > 0 && !question.summary;
  const parts: AnswerPart[] = [];
  const sameNumber = sheets.length > 1 && new Set(sheets.map((sheet) => sheet.number)).size === 1;
  for (const sheet of sheets) {
    const bodies: PartBody[] = [];
    const found = searchesWholeSheet ? topicPassages(context, sheet, topic) : undefined;
    const figure = found && question.asksForFigures ? passagesBody(found, language, true) : undefined;
    if (figure && figure.lines.length > 0 && found?.passages.some((passage) => holdsFigure(passage.passage.text))) {
      // The sentence that gives the figure is the answer; the field words around it ("territoire") only framed it.
      parts.push(composePart(sheet, [figure], language, context.present, sameNumber ? { title: messages.choosePlanButton, ask: choosePlanWords(context, sheet) } : undefined));
      continue;
    }
    const honesty = missingDetailLines(question, quotedTexts(sheet, fields, question.actionNumbers), language);
    if (honesty.length > 0) bodies.push({ lines: honesty, blocks: [{ heading: honesty.join(' '), lines: [] }] });
    // A heading of the sheet's own that the question names ("points de vigilance") is answered as it stands.
    const ownSections = sheet.sections.filter((section) => section.field === 'other' && headingAsked(section.heading, question.words));
    if (ownSections.length > 0) bodies.push(sectionsBody(ownSections, language));
    if (asksRole && fields.length === 0) {
      bodies.push(roleBody(context, sheet, topic));
    } else if (asksActions) {
      // The action's own deadline comes with it; other fields asked alongside ("qui pilote l'action 2") follow.
      bodies.push(actionsBody(sheet, question.actionNumbers, question.lastAction, language));
      const others = fields.filter((field) => field !== 'actions' && field !== 'deadlines');
      if (others.length > 0) bodies.push(fieldsBody(sheet, others, question.actionNumbers, language));
    } else if (fields.length > 0) {
      const present = fields.filter((field) => sheetHasField(sheet, field));
      if (present.length > 0 || ownSections.length === 0) bodies.push(fieldsBody(sheet, ownSections.length > 0 ? present : fields, [], language));
    } else if (topic.length > 0 && !question.summary && ownSections.length === 0) {
      const match = found ?? index.search(index.resolveTerms(topic), { sheetIds: [sheet.id] })[0];
      if (match && match.best >= MIN_TOPIC_COVERAGE / 2) bodies.push(passagesBody(match, language, question.asksForFigures));
    }
    // The passage on the topic, when it lies outside the sections already quoted ("l'accueil le samedi" in the actions).
    if (found && (fields.length > 0 || asksActions)) {
      const shown = new Set<string>([...fields, ...(asksActions ? ['actions'] : [])]);
      const outside = found.passages.filter((passage) => passage.passage.field === undefined || !shown.has(passage.passage.field));
      if (outside.length > 0) bodies.push(passagesBody({ ...found, passages: outside }, language, question.asksForFigures));
    }
    if (bodies.every((body) => body.lines.length === 0)) bodies.push(summaryBody(sheet, language));
    parts.push(composePart(sheet, bodies, language, context.present, sameNumber ? { title: messages.choosePlanButton, ask: choosePlanWords(context, sheet) } : undefined));
  }
  const asked: AskedField[] = asksActions ? ['actions', ...fields] : fields;
  const lead = [intro, sameNumber && !intro ? messages.sameNumberInPlans(sheets[0].code, sheets.length) : undefined].filter(Boolean);
  // The actions shown, so that « et la suivante ? » goes on to the next one.
  const only = sheets.length === 1 ? sheets[0] : undefined;
  const shownActions = only && asksActions
    ? [...new Set([...question.actionNumbers, ...(question.lastAction && only.actions.length > 0 ? [only.actions[only.actions.length - 1].number] : [])])].filter((number) =>
        only.actions.some((action) => action.number === number),
      )
    : [];
  return turn(context, 'answered', [...lead, ...parts.map((part) => part.text)].join('\n\n'), {
    cards: parts.map((part) => part.card),
    // One number in several plans: one button per plan, which says the number with its plan in words read back.
    suggestions: sameNumber ? sheets.map((sheet) => choosePlanWords(context, sheet)) : followUps(language, asked),
    conversation: {
      currentSheetIds: sheets.map((sheet) => sheet.id),
      ...(fields.length > 0 ? { lastFields: fields } : {}),
      ...(shownActions.length > 0 ? { lastActions: shownActions.sort((a, b) => a - b) } : {}),
    },
  });
}

/**
 * The answer on sheets chosen among those shown side by side: the others are remembered, so that « et l'autre ? »
 * goes to them.
 */
function answerChosen(context: Context, chosen: Sheet[], among: readonly Sheet[]): SheetTurn {
  const answer = answerOnSheets({ ...context, question: { ...context.question, followUp: true, topicWords: [] } }, chosen);
  const aside = among.filter((sheet) => !chosen.includes(sheet)).map((sheet) => sheet.id);
  return aside.length > 0 ? { ...answer, conversation: { ...answer.conversation, setAsideSheetIds: aside } } : answer;
}

/** « et l'autre ? »: the sheets left aside when one was chosen; the one just discussed is then the one left aside. */
function answerOther(context: Context): SheetTurn {
  const { index, conversation, current } = context;
  const aside = (conversation.setAsideSheetIds ?? []).map((id) => index.sheetById(id)).filter((sheet): sheet is Sheet => sheet !== undefined);
  return answerChosen(context, aside, [...aside, ...current]);
}

/** « FICHE 7 du plan « … » »: a question that names the number and the plan, which the bot reads back as such. */
function choosePlanWords(context: Context, sheet: Sheet): string {
  return sheetMessages[context.language].choosePlan(sheet.code, sheet.plan.title);
}

/** "Parle-moi de la PA 2.3.2", naming the plan when that number exists in several. */
function summaryQuestion(context: Context, sheet: Sheet): string {
  const messages = sheetMessages[context.language];
  const shared = context.index.findByNumber({ number: sheet.number, digits: sheet.number.replace(/\./g, '') }).length > 1;
  return shared ? messages.askSummaryInPlan(sheet.code, sheet.plan.title) : messages.askSummary(sheet.code);
}

function notFound(context: Context, text: string, suggestions?: string[]): SheetTurn {
  const messages = sheetMessages[context.language];
  const examples = exampleQuestions(context.index, context.language);
  // Examples name plans by their titles (data): the same words are a suggestion's plain text and a Markdown line here.
  const lines = [text, messages.canAsk, ...examples.map((example) => `- ${escapeMarkdown(example)}`)];
  return turn(context, 'not-found', lines.join('\n'), { suggestions: suggestions ?? examples });
}

function answerEmpty(context: Context): SheetTurn {
  return notFound(context, sheetMessages[context.language].whichSheet);
}

function answerNumbered(context: Context): SheetTurn {
  const { index, question, language } = context;
  const messages = sheetMessages[language];
  const found: Sheet[] = [];
  const missing: string[] = [];
  const outsideNamedPlan: string[] = [];
  for (const code of question.codes) {
    const narrowed = narrowToNamedPlans(index.findByNumber(code), question);
    if (narrowed.sheets.length === 0) missing.push(code.shown);
    if (narrowed.outside) outsideNamedPlan.push(code.shown);
    for (const sheet of narrowed.sheets) if (!found.includes(sheet)) found.push(sheet);
  }
  if (found.length === 0) {
    const first = question.codes[0];
    return answerMissingNumber(context, messages.notFoundCode(first.shown), first);
  }
  // A number named with its plan among the sheets just shown side by side (a plan's button, or typed): the choice
  // was the missing piece, and what was asked of them still stands.
  const chosen = context.current.length > 1 && found.every((sheet) => context.current.includes(sheet)) && found.length < context.current.length;
  if (chosen && !asksAboutASheet(question) && topicOf(question).length === 0) return answerChosen(context, found, context.current);
  const samePlans = new Set(found.map((sheet) => sheet.plan.id));
  if (question.codes.length === 1 && found.length > MAX_SHEETS_SHOWN && samePlans.size === found.length) {
    return turn(context, 'clarify', messages.whichPlan(found[0].code), {
      suggestions: found.map((sheet) => summaryQuestion(context, sheet)),
      conversation: { currentSheetIds: found.map((sheet) => sheet.id), ...(question.fields.length > 0 ? { lastFields: question.fields } : {}) },
    });
  }
  const namedPlans = index.plans.filter((plan) => question.planHint?.planIds.includes(plan.id)).map((plan) => plan.title);
  const intro = [
    ...missing.map((code) => messages.notFoundCode(code)),
    ...outsideNamedPlan.map((code) => messages.notInNamedPlan(code, namedPlans.join(' », « '))),
  ];
  return answerOnSheets(context, found.slice(0, MAX_SHEETS_SHOWN * Math.max(1, question.codes.length)), intro.length > 0 ? escapeMarkdown(intro.join(' ')) : undefined);
}

/**
 * A number no loaded sheet has: said as typed, then the sheets of the same plan numbered nearby (its prefix typed, or
 * the plan named or being discussed), with the range that plan has (« le schéma du Nord a les fiches FA 12 à FA 15 »).
 * Never another sheet's answer in its place.
 */
function answerMissingNumber(context: Context, said: string, query: SheetNumberQuery): SheetTurn {
  const { index, question, language } = context;
  const messages = sheetMessages[language];
  const preferPlanIds = question.planHint?.planIds ?? context.current.map((sheet) => sheet.plan.id);
  const neighbours = index.neighbours(query, { preferPlanIds, limit: 3 });
  const lines = [escapeMarkdown(said)];
  const plans = [...new Set(neighbours.map((sheet) => sheet.plan.id))].slice(0, 2);
  for (const planId of plans) {
    const family = (sheet: Sheet) => sheet.prefix === neighbours.find((near) => near.plan.id === planId)?.prefix;
    const ordered = index.sheetsOfPlan(planId).filter(family);
    if (ordered.length === 0) continue;
    lines.push(escapeMarkdown(messages.planRange(ordered[0].plan.title, ordered[0].code, ordered[ordered.length - 1].code, ordered.length)));
  }
  if (neighbours.length > 0) lines.push(messages.nearbySheets, ...neighbours.map((sheet) => `- ${escapeMarkdown(`${sheetName(sheet)} (${sheet.plan.title})`)}`));
  const suggestions = neighbours.map((sheet) => summaryQuestion(context, sheet));
  // Nothing of another sheet stands as the current one: « et ses partenaires ? » must not answer on the sheet before.
  // The neighbours are offered: « la première » picks one.
  const conversation: SheetConversation = neighbours.length > 1 ? { offeredSheetIds: neighbours.map((sheet) => sheet.id) } : {};
  return neighbours.length > 0
    ? turn(context, 'not-found', lines.join('\n'), { suggestions, conversation })
    : { ...notFound(context, lines.join('\n')), conversation };
}

/** « XY 15 », « la 16 »: a number where a sheet's would be, that no sheet has; or the action of that number, after one. */
function answerUnreadCode(context: Context): SheetTurn {
  const { question, current, conversation } = context;
  const typed = question.unreadCode ?? '';
  const number = /^\d+$/.test(typed) ? Number(typed) : undefined;
  // « et la 3 ? » after « action 2 »: the action of that number.
  if (number !== undefined && current.length === 1 && (conversation.lastActions ?? []).length > 0 && current[0].actions.some((action) => action.number === number)) {
    return answerOnSheets({ ...context, question: { ...question, actionNumbers: [number] } }, current);
  }
  const digits = typed.replace(/^[A-Z]+ /, '');
  const prefix = /^[A-Z]+ /.test(typed) ? typed.split(' ')[0].toLowerCase() : undefined;
  return answerMissingNumber(context, sheetMessages[context.language].unreadCode(typed), { digits, ...(prefix ? { prefix } : {}) });
}

/** « et la suivante ? », « fiche précédente », « l'action d'après »: the next (previous) action, or sheet of the same plan. */
function answerStep(context: Context): SheetTurn {
  const { question, current, conversation, index, language } = context;
  const messages = sheetMessages[language];
  const step = question.step;
  if (!step || current.length === 0) return notFound(context, messages.stepWithoutSheet);
  const forward = step.direction === 'next';
  const lastActions = conversation.lastActions ?? [];
  const target = step.target ?? (lastActions.length > 0 && current.length === 1 ? 'action' : 'sheet');
  // What was asked goes on being asked: « qui pilote la FA 13 ? » then « et la suivante ? » asks who leads FA 14.
  const moving: SheetQuestion = { ...question, followUp: true, step: undefined };
  if (target === 'action') {
    const sheet = current[0];
    const numbers = sheet.actions.map((action) => action.number).sort((a, b) => a - b);
    if (numbers.length === 0) return turn(context, 'not-found', `${escapeMarkdown(sheetName(sheet))}\n${messages.noActions}`);
    const from = lastActions.length > 0 ? (forward ? Math.max(...lastActions) : Math.min(...lastActions)) : undefined;
    const wanted =
      from === undefined ? (forward ? numbers[0] : numbers[numbers.length - 1]) : forward ? numbers.find((n) => n > from) : [...numbers].reverse().find((n) => n < from);
    if (wanted === undefined) {
      const said = forward ? messages.noNextAction(from ?? 0, sheet.code) : messages.noPreviousAction(from ?? 0, sheet.code);
      return turn(context, 'not-found', escapeMarkdown(said), { suggestions: followUps(language, ['actions']) });
    }
    return answerOnSheets({ ...context, question: { ...moving, actionNumbers: [wanted], lastAction: false, fields: question.fields.filter((field) => field !== 'actions') } }, [sheet]);
  }
  const moved: Sheet[] = [];
  const ends: string[] = [];
  for (const sheet of current) {
    const next = index.adjacentSheet(sheet, forward ? 1 : -1);
    if (next && !moved.includes(next)) moved.push(next);
    else if (!next) ends.push(forward ? messages.noNextSheet(sheet.code, sheet.plan.title) : messages.noPreviousSheet(sheet.code, sheet.plan.title));
  }
  if (moved.length === 0) {
    return turn(context, 'not-found', escapeMarkdown(ends.join(' ')), { suggestions: current.map((sheet) => summaryQuestion(context, sheet)) });
  }
  return answerOnSheets({ ...context, question: moving }, moved, ends.length > 0 ? escapeMarkdown(ends.join(' ')) : undefined);
}

/** The sheets a choice (« la deuxième ») picks from: those shown side by side, else the list just shown, else the plan's. */
function choiceCandidates(context: Context): readonly Sheet[] {
  const { current, conversation, index, question } = context;
  if (current.length > 1) return current;
  const offered = (conversation.offeredSheetIds ?? []).map((id) => index.sheetById(id)).filter((sheet): sheet is Sheet => sheet !== undefined);
  if (offered.length > 1) return offered;
  const planIds = question.planHint?.planIds ?? [];
  return planIds.length === 1 ? index.sheetsOfPlan(planIds[0]) : [];
}

/** « la deuxième », « the first one », « la dernière fiche du Nord »: one of the sheets offered, with what was asked. */
function answerChoice(context: Context): SheetTurn {
  const { question, language } = context;
  const messages = sheetMessages[language];
  const candidates = choiceCandidates(context);
  if (candidates.length === 0) return notFound(context, messages.nothingToChoose);
  const position = question.choice === -1 ? candidates.length - 1 : (question.choice ?? 0) - 1;
  const chosen = candidates[position];
  if (!chosen) {
    return turn(context, 'clarify', escapeMarkdown(messages.choiceOutOfRange(candidates.length)), {
      suggestions: candidates.map((sheet) => (context.current.length > 1 ? choosePlanWords(context, sheet) : summaryQuestion(context, sheet))),
    });
  }
  const picked = { ...context, question: { ...question, followUp: true, choice: undefined } };
  return context.current.length > 1 ? answerChosen(picked, [chosen], candidates) : answerOnSheets(picked, [chosen]);
}

/** Whether a territory named is only a place the question is about, held by some sheet ("en Centre-Ouest Bretagne"). */
function placeIsATopic(index: SheetIndex, place: string): boolean {
  return searchTerms(place).every((term) => index.knowsWord(term));
}

/**
 * "la PA 2.3.2 du Gard" with no plan of the Gard loaded: the territory is named as unknown, with the plans that are
 * loaded; sheets with that number elsewhere are offered as suggestions, never given as the answer.
 */
function answerUnknownPlace(context: Context): SheetTurn {
  const { index, question, language } = context;
  const messages = sheetMessages[language];
  const places = question.unknownPlaces.map((place) => messages.quote(place)).join(', ');
  const lines = [escapeMarkdown(messages.unknownPlace(places)), messages.knownPlans];
  for (const plan of index.plans) lines.push(`- ${escapeMarkdown(plan.territory ? `${plan.title} (${plan.territory})` : plan.title)}`);
  const elsewhere = question.codes.flatMap((code) => index.findByNumber(code));
  if (elsewhere.length > 0) {
    lines.push(escapeMarkdown(messages.numberInOtherPlans(question.codes[0].shown)));
    for (const sheet of elsewhere.slice(0, MAX_LISTED)) lines.push(`- ${escapeMarkdown(`${sheetName(sheet)} (${sheet.plan.title})`)}`);
  }
  const suggestions = elsewhere.length > 0 ? elsewhere.map((sheet) => summaryQuestion(context, sheet)) : exampleQuestions(index, language);
  return turn(context, 'not-found', lines.join('\n'), { suggestions });
}

function answerAxis(context: Context): SheetTurn {
  const { index, question, language } = context;
  const messages = sheetMessages[language];
  const axis = question.axis;
  if (axis === undefined) return answerNotFound(context);
  const sheets = plansNarrowed(index.sheetsUnderAxis(axis), question);
  if (sheets.length === 0) return notFound(context, messages.axisNone(axis));
  return listed(context, messages.axisIntro(axis, sheets.length), sheets.map((sheet) => ({ sheet })));
}

/** « quels plans connais-tu ? »: each plan with its territory, period and number of sheets. */
function answerPlans(context: Context): SheetTurn {
  const { index, language } = context;
  const messages = sheetMessages[language];
  const plans = index.plans.filter((plan) => index.sheetsOfPlan(plan.id).length > 0);
  const lines = [
    messages.plansIntro(plans.length),
    ...plans.map((plan) => `- ${escapeMarkdown(messages.planLine(plan.title, plan.territory, plan.period, index.sheetsOfPlan(plan.id).length))}`),
  ];
  return turn(context, 'listed', lines.join('\n'), { suggestions: plans.slice(0, MAX_SUGGESTIONS).map((plan) => messages.askPlanSheets(plan.title)) });
}

/** « les fiches de l'axe Adolescence »: the sheets under an axis whose title holds every word asked. */
function answerAxisWords(context: Context): SheetTurn {
  const { index, question, language } = context;
  const messages = sheetMessages[language];
  const asked = (question.axisWords ?? []).map(normaliseTerm);
  const typed = (question.axisWords ?? []).map((word) => asTyped(question, word)).join(' ');
  const holds = (sheet: Sheet) =>
    sheet.axis.some((step) => {
      const terms = new Set(searchTerms(`${step.number} ${step.title ?? ''}`));
      return asked.every((word) => terms.has(word));
    });
  const sheets = plansNarrowed(index.sheets.filter(holds), question);
  if (sheets.length === 0) return notFound(context, escapeMarkdown(messages.axisNamedNone(typed)));
  return listed(context, escapeMarkdown(messages.axisNamedIntro(typed, sheets.length)), sheets.map((sheet) => ({ sheet })));
}

/** The sheets of the plans named (or of all plans): counted when a count is asked, else listed. */
function listPlansSheets(context: Context, sheets: readonly Sheet[], planNamed: boolean): SheetTurn {
  const messages = sheetMessages[context.language];
  if (context.question.asksCount) return answerCount(context, sheets, planNamed);
  return listed(context, planNamed ? messages.listIntro(sheets.length) : messages.listAll(sheets.length), sheets.map((sheet) => ({ sheet })));
}

/**
 * « combien de fiches dans le plan du Rhône ? »: the count, plan by plan when the words fit several plans, then the
 * sheets under their plan.
 */
function answerCount(context: Context, sheets: readonly Sheet[], planNamed: boolean): SheetTurn {
  const { index, language, question } = context;
  const messages = sheetMessages[language];
  // The plan whose name the words typed fit best comes first: « du Rhône » is more of « … familles du Rhône » than of
  // « … du Rhône et de la Métropole de Lyon ».
  const named = new Set((question.planWords ?? []).map(normaliseTerm));
  const fit = (title: string) => {
    const terms = searchTerms(title);
    return terms.length === 0 ? 0 : terms.filter((term) => named.has(term)).length / terms.length;
  };
  const plans = index.plans
    .map((plan) => ({ plan, sheets: sheets.filter((sheet) => sheet.plan.id === plan.id), fit: fit(plan.title) }))
    .filter((group) => group.sheets.length > 0)
    .sort((a, b) => b.fit - a.fit || b.sheets.length - a.sheets.length);
  if (plans.length === 1) {
    return listed(context, escapeMarkdown(messages.planSheetsIntro(plans[0].plan.title, sheets.length)), sheets.map((sheet) => ({ sheet })));
  }
  const counts = messages.planCounts(plans.map((group) => ({ title: group.plan.title, count: group.sheets.length })));
  const title = escapeMarkdown(planNamed ? counts : `${messages.countInPlans(sheets.length, plans.length)} ${counts}`);
  const ordered = plans.flatMap((group) => group.sheets);
  const answer = listed(context, title, ordered.map((sheet) => ({ sheet })));
  // The list under each plan's title, rather than the plan after every sheet.
  const shown = ordered.slice(0, MAX_LISTED);
  const lines = [title];
  for (const group of plans) {
    const listedHere = group.sheets.filter((sheet) => shown.includes(sheet));
    if (listedHere.length === 0) continue;
    lines.push('', boldMarkdown(messages.planHeading(group.plan.title)));
    for (const sheet of listedHere) lines.push(`- ${boldMarkdown(sheetName(sheet))}`);
  }
  if (ordered.length > shown.length) lines.push('', messages.listMore(ordered.length - shown.length));
  return { ...answer, text: lines.join('\n') };
}

function listed(context: Context, title: string, entries: ListCardEntry[]): SheetTurn {
  const { language } = context;
  const messages = sheetMessages[language];
  const shown = entries.slice(0, MAX_LISTED);
  const lines = [title];
  for (const entry of shown) {
    const roles = entry.roles && entry.roles.length > 0 ? ` — ${escapeMarkdown(entry.roles.join(', '))}` : '';
    const why = entry.reason ? `${roles} — ${escapeMarkdown(messages.labelled(entry.reason.heading, messages.quote(entry.reason.text)))}` : roles;
    lines.push(`- ${boldMarkdown(sheetName(entry.sheet))} (${escapeMarkdown(entry.sheet.plan.title)})${why}`);
  }
  if (entries.length > shown.length) lines.push(messages.listMore(entries.length - shown.length));
  return turn(context, 'listed', lines.join('\n'), {
    cards: [sheetListCard(title, shown, language)],
    suggestions: shown.slice(0, 3).map((entry) => summaryQuestion(context, entry.sheet)),
    conversation:
      shown.length === 1
        ? { currentSheetIds: [shown[0].sheet.id] }
        : { ...context.conversation, offeredSheetIds: shown.map((entry) => entry.sheet.id) },
  });
}

function isListed(match: SheetMatch): boolean {
  return match.best >= MIN_LISTED_PASSAGE || (match.coverage >= MIN_LISTED_SHEET && match.best >= MIN_LISTED_SHEET_PASSAGE);
}

function answerListing(context: Context): SheetTurn {
  const { index, question, language } = context;
  const messages = sheetMessages[language];
  const hint = question.planHint;
  const planIds = hint?.strong ? hint.planIds : undefined;
  if (question.topicWords.length === 0 && question.fields.length === 0) {
    const sheets = index.sheets.filter((sheet) => !planIds || planIds.includes(sheet.plan.id));
    return sheets.length > 0 ? listPlansSheets(context, sheets, planIds !== undefined) : notFound(context, messages.listNone);
  }
  // « combien de fiches dans la convention de Laval ? »: words of a plan's title, which no sheet holds together, name the plan.
  const planWords = new Set(question.planWords ?? []);
  const namesPlan = hint !== undefined && question.fields.length === 0 && topicOf(question).every((word) => planWords.has(word));
  const plansSheets = namesPlan ? index.sheets.filter((sheet) => hint.planIds.includes(sheet.plan.id)) : [];
  let terms = index.resolveTerms(topicOf(question));
  if (question.topicWords.length > 0 && terms.length === 0) {
    return plansSheets.length > 0 ? listPlansSheets(context, plansSheets, true) : notFound(context, messages.listNone);
  }
  // Every section is searched: an organisation "impliquée" may pilot, take part, fund, or be named in an action.
  let matches = index.search(terms, planIds ? { planIds } : {}).filter(isListed);
  if (matches.length === 0 && plansSheets.length > 0) return listPlansSheets(context, plansSheets, true);
  if (matches.length === 0 && planIds && (question.planWords ?? []).length > 0) {
    // No sheet of that plan holds it: the plan's words were part of the name (« la MSA Alpes du Nord »).
    terms = index.resolveTerms([...topicOf(question), ...(question.planWords ?? [])]);
    matches = index.search(terms).filter(isListed);
  }
  const phrase = phraseOf(terms);
  // Several words asked together ("mission locale", "Udaf 69") are a name: the sheets that hold the most of them side
  // by side are kept, and where they do is what the sheet is listed for.
  // Each text is read once: a list may hold many sheets, each with many passages.
  const runs = new Map<string, number>();
  const runIn = (text: string) => {
    let found = runs.get(text);
    if (found === undefined) runs.set(text, (found = longestRun(text, phrase)));
    return found;
  };
  let run = 0;
  for (const match of matches) {
    run = Math.max(run, runIn(match.sheet.title));
    for (const passage of match.passages) run = Math.max(run, runIn(passage.passage.text));
  }
  const titleHolds = (match: SheetMatch) => run > 0 && runIn(match.sheet.title) >= run;
  const holders = (match: SheetMatch) =>
    match.passages.filter((passage) => (run > 1 ? runIn(passage.passage.text) >= run : holdsAll(passage, terms)));
  if (run > 1) matches = matches.filter((match) => holders(match).length > 0 || titleHolds(match));
  const foundRoles = (match: SheetMatch): Array<SheetField | 'title'> => {
    const found = new Set([...(titleHolds(match) ? ['title' as const] : []), ...holders(match).map((passage) => passage.passage.field ?? 'other')]);
    return ROLE_ORDER.filter((role) => found.has(role));
  };
  const inFields = (fields: ReadonlySet<SheetField>) => (match: SheetMatch) =>
    holders(match).some((passage) => passage.passage.field !== undefined && fields.has(passage.passage.field));
  const entryOf = (match: SheetMatch, fields?: ReadonlySet<SheetField>): ListCardEntry => {
    const holding = holders(match);
    // Listed for a role: the line that gives it is why.
    const inRole = fields ? holding.find((passage) => passage.passage.field !== undefined && fields.has(passage.passage.field)) : undefined;
    const best = inRole ?? holding[0] ?? match.passages[0];
    const roles = foundRoles(match).slice(0, MAX_ROLES).map((role) => messages.role[role]);
    return {
      sheet: match.sheet,
      ...(roles.length > 0 ? { roles } : {}),
      ...(best ? { reason: { heading: passageHeading(match.sheet, best.passage.section, language), text: excerpt(best.passage.text, best.matched, 180) } } : {}),
    };
  };
  const rolesAsked = question.rolesAsked ?? [];
  if (rolesAsked.length > 0 && topicOf(question).length > 0) {
    // « pilotées par la Caf »: the sheets where it holds that role; the others are counted, with a way to see them.
    const asked = new Set<SheetField>(rolesAsked);
    const inRole = matches.filter(inFields(asked));
    const others = matches.filter((match) => !inRole.includes(match));
    const topic = topicOf(question);
    const who = question.topicAsTyped !== undefined && topic.length === question.topicWords.length ? question.topicAsTyped : topic.map((word) => asTyped(question, word)).join(' ');
    const role = rolesAsked.map((field) => messages.role[field]).join(messages.roleOr);
    const otherRoles = ROLE_ORDER.filter((found) => others.some((match) => foundRoles(match).includes(found))).map((found) => messages.role[found]);
    const otherLine = others.length > 0 ? escapeMarkdown(messages.otherRoles(others.length, who, otherRoles.join(', '), inRole.length > 0)) : undefined;
    const seeOthers = others.length > 0 ? [messages.askListing(who)] : [];
    if (inRole.length === 0) {
      if (others.length === 0) return notFound(context, messages.listNone);
      return turn(context, 'not-found', [escapeMarkdown(messages.roleListNone(who, role)), otherLine].join('\n'), { suggestions: seeOthers });
    }
    const answer = listed(context, escapeMarkdown(messages.roleListIntro(inRole.length, who, role)), inRole.map((match) => entryOf(match, asked)));
    return {
      ...answer,
      text: otherLine ? `${answer.text}\n\n${otherLine}` : answer.text,
      suggestions: [...seeOthers, ...answer.suggestions].slice(0, MAX_SUGGESTIONS),
    };
  }
  if (question.fields.length > 0) {
    // Sheets where it is what was asked (a partner, a pilot) come first; the others follow with their role.
    const inAsked = inFields(new Set<SheetField>(question.fields));
    matches = [...matches.filter(inAsked), ...matches.filter((match) => !inAsked(match))];
  }
  if (matches.length === 0) return notFound(context, messages.listNone);
  return listed(context, messages.listIntro(matches.length), matches.map((match) => entryOf(match)));
}

/** An organisation's roles, most telling first; a few are enough to say why a sheet is listed. */
const ROLE_ORDER: ReadonlyArray<SheetField | 'title'> = ['title', 'pilot', 'partners', 'funding', 'actions', 'objectives', 'audience', 'context', 'results', 'deadlines', 'links', 'other'];
const MAX_ROLES = 3;

/** The question's words in order, each with the forms a passage may hold it in. */
function phraseOf(terms: readonly QueryTerm[]): Array<ReadonlySet<string>> {
  return terms.filter((term) => term.known).map((term) => new Set([term.term, normaliseTerm(term.typed), ...term.variants]));
}

/** A passage holds every known word asked. */
function holdsAll(passage: PassageMatch, terms: readonly QueryTerm[]): boolean {
  return terms.filter((term) => term.known).every((term) => passage.matched.has(term.term));
}

function answerGlossary(context: Context): SheetTurn {
  const { index, question, language } = context;
  const messages = sheetMessages[language];
  const word = question.glossaryWord ?? question.bareAcronym;
  if (word === undefined) return answerNotFound(context);
  const entry = lookupGlossary(word);
  const mined = entry ? undefined : index.sheetAcronym(word);
  const holding = index.sheetsHolding(word);
  const usedIn = holding.map((found) => sheetName(found.sheet));
  const term = entry?.term ?? mined?.acronym ?? word.toUpperCase();
  const expansion = entry?.expansion ?? mined?.expansion ?? '';
  const gloss = language === 'en' ? entry?.english : undefined;
  const source = mined ? messages.glossaryFromSheet(index.sheetById(mined.sheetId)?.code ?? '') : undefined;
  const about = entry?.about?.[language];
  const lines = [
    messages.glossary(escapeMarkdown(term), escapeMarkdown(expansion), gloss),
    ...(about ? [`${about.charAt(0).toUpperCase()}${about.slice(1)}.`] : []),
    ...(source ? [source] : []),
    ...(usedIn.length > 0 ? [messages.glossaryUsedIn, ...usedIn.map((name) => `- ${escapeMarkdown(name)}`)] : []),
  ];
  return turn(context, 'glossary', lines.join('\n'), {
    cards: [glossaryCard({ term, expansion: gloss ? `${expansion} (${gloss})` : expansion, about, source, usedIn, language })],
    suggestions: [messages.askListing(term), ...holding.slice(0, 2).map((found) => summaryQuestion(context, found.sheet))],
    conversation: { ...context.conversation, lastGlossary: true },
  });
}

interface TopicMatches {
  matches: SheetMatch[];
  /** The one match covers only part of the topic, but clearly more than any other sheet: answered with a hedge. */
  weak: boolean;
  /** The topic's words that the weak match does not hold, as typed. */
  missing: string[];
}

/**
 * The best sheets for the question's topic words, if some cover them well enough; else the one sheet that covers a
 * good part of them far better than any other (« les LAEP en milieu rural »: no sheet says « milieu »), said to be
 * the closest rather than passed for the answer.
 */
function topicMatches(context: Context): TopicMatches {
  const { index, question } = context;
  const none: TopicMatches = { matches: [], weak: false, missing: [] };
  if (question.topicWords.length === 0) return none;
  const terms = index.resolveTerms(question.topicWords);
  const hint = question.planHint;
  const options = hint ? { boostPlanIds: hint.planIds } : {};
  let matches = hint?.strong ? index.search(terms, { ...options, planIds: hint.planIds }) : [];
  if (matches.length === 0) matches = index.search(terms, options);
  const about = new Map(matches.map((match) => [match, aboutScore(match)]));
  const strong = matches.filter((match) => match.coverage >= MIN_TOPIC_COVERAGE).sort((a, b) => (about.get(b) ?? 0) - (about.get(a) ?? 0));
  if (strong.length > 0) return { matches: strong, weak: false, missing: [] };
  const partial = partialTopicMatch(matches, terms);
  return partial ? { matches: [partial.match], weak: true, missing: partial.missing } : none;
}

/** A topic word as the user wrote it (« créées », not « creees »). */
function asTyped(question: SheetQuestion, word: string): string {
  return question.typedForms.find(([folded]) => folded === word)?.[1] ?? word;
}

/** The share of a search score its best passage makes (sheetIndex.ts WEIGHTS.best). */
const BEST_PASSAGE_SHARE = 0.35;

function aboutScore(match: SheetMatch): number {
  let weighted = match.passages.length === 0 ? match.best : 0;
  for (const passage of match.passages) weighted = Math.max(weighted, aboutness(passage));
  return match.score - BEST_PASSAGE_SHARE * (match.best - weighted);
}

/** A follow-up whose topic words clearly fit another sheet better than the one being discussed. */
function topicPointsElsewhere(context: Context): boolean {
  const { question, current } = context;
  if (question.topicWords.length === 0 || (current.length > 1 && question.planHint)) return false;
  const { matches } = topicMatches(context);
  const best = matches[0];
  if (!best || current.includes(best.sheet)) return false;
  // The sheet being discussed answers when it holds the topic: a word match in another plan never takes it away
  // (« quand ouvrent les LAEP itinérants ? » while FA 12, which has them, is discussed).
  if (currentHoldsTopic(context)) return false;
  const onCurrent = matches.find((match) => current.includes(match.sheet));
  return !onCurrent || best.score > onCurrent.score * CLEARLY_BETTER;
}

/** One of the sheets being discussed covers the question's topic well enough to answer it. */
function currentHoldsTopic(context: Context): boolean {
  const { index, question, current } = context;
  const topic = topicOf(question);
  if (topic.length === 0 || current.length === 0) return false;
  const matches = index.search(index.resolveTerms(topic), { sheetIds: current.map((sheet) => sheet.id) });
  return matches.some((match) => match.coverage >= MIN_TOPIC_COVERAGE);
}

function answerOnCurrent(context: Context): SheetTurn {
  const { question, current } = context;
  const sheets = plansNarrowed(current, question);
  // "celle du schéma jeunesse" after a number found in several plans: the plan was the missing piece.
  const namesPlanOnly = current.length > 1 && question.planHint !== undefined && !asksAboutASheet(question);
  return namesPlanOnly ? answerChosen(context, sheets, current) : answerOnSheets(context, sheets);
}

/**
 * The sheets a subject names (« la fiche sur la médiation familiale »), found as a topic question finds them: the
 * best one with the runners-up close to it, or none when no sheet covers the subject well enough. The report form's
 * « Pour quelle fiche ? » takes a sheet named by its subject this way (dialogs/report/reportForm.ts).
 */
export function sheetsOnTopic(index: SheetIndex, question: SheetQuestion): Sheet[] {
  const context: Context = { index, question, conversation: {}, language: 'fr', current: [], present: {} };
  const { matches, weak } = topicMatches(context);
  const best = matches[0];
  if (!best || weak) return [];
  return [best, ...matches.slice(1, 4).filter((match) => match.score >= best.score * CLOSE_RUNNER_UP)].map((match) => match.sheet);
}

function answerTopic(context: Context): SheetTurn {
  const { language, question } = context;
  const messages = sheetMessages[language];
  const { matches, weak, missing } = topicMatches(context);
  const best = matches[0];
  if (!best) return answerNotFound(context);
  const runnersUp = matches.slice(1, 4).filter((match) => match.score >= best.score * CLOSE_RUNNER_UP);
  const hedge = weak && missing.length > 0 ? escapeMarkdown(messages.weakMatch(missing.map((word) => messages.quote(asTyped(question, word))).join(', '))) : messages.bestMatch;
  const asksSomething =
    question.fields.length > 0 || question.actionNumbers.length > 0 || question.lastAction || question.summary || question.details.length > 0;
  // The topic chose the sheet; it is looked for again inside it only when a figure or a detail is asked of it.
  const keepsTopic = question.asksForFigures || question.details.length > 0;
  const answer = asksSomething
    ? answerOnSheets({ ...context, question: keepsTopic ? question : { ...question, topicWords: [] } }, [best.sheet], hedge)
    : (() => {
        const part = composePart(best.sheet, [passagesBody(best, language, question.asksForFigures)], language, context.present);
        return turn(context, 'answered', `${hedge}\n${part.text}`, {
          cards: [part.card],
          suggestions: followUps(language, []),
          conversation: { currentSheetIds: [best.sheet.id] },
        });
      })();
  if (runnersUp.length === 0) return answer;
  const others = `${messages.otherCandidates} ${escapeMarkdown(runnersUp.map((match) => sheetName(match.sheet)).join(' ; '))}`;
  return {
    ...answer,
    text: `${answer.text}\n\n${others}`,
    suggestions: [...runnersUp.map((match) => summaryQuestion(context, match.sheet)), ...answer.suggestions].slice(0, MAX_SUGGESTIONS),
  };
}

/** "le calendrier de la fiche de Tours": the plan names the sheet when it has only one; otherwise its sheets are offered. */
function answerOnPlan(context: Context): SheetTurn {
  const planIds = context.question.planHint?.planIds ?? [];
  const sheets = planIds.flatMap((planId) => [...context.index.sheetsOfPlan(planId)]);
  if (sheets.length === 1) return answerOnSheets(context, sheets);
  // « résume le schéma de l'Isère »: a plan as a whole is its list of sheets.
  const { question } = context;
  if (question.summary && question.fields.length === 0 && question.actionNumbers.length === 0 && planIds.length === 1) {
    const title = sheetMessages[context.language].planSheetsIntro(sheets[0].plan.title, sheets.length);
    return listed(context, escapeMarkdown(title), sheets.map((sheet) => ({ sheet })));
  }
  return askWhichSheet(context, sheets);
}

function askWhichSheet(context: Context, candidates: readonly Sheet[] = context.index.sheets): SheetTurn {
  const { language, question } = context;
  const messages = sheetMessages[language];
  const askers: Partial<Record<AskedField, (code: string) => string>> = {
    results: messages.askIndicators,
    partners: messages.askPartners,
    pilot: messages.askPilot,
  };
  const ask = question.fields.map((field) => askers[field]).find((asker) => asker !== undefined);
  const examples = candidates.slice(0, 3).map((sheet) => (ask ? ask(sheet.code) : summaryQuestion(context, sheet)));
  return turn(context, 'clarify', messages.whichSheet, {
    suggestions: examples,
    conversation: { ...context.conversation, ...(question.fields.length > 0 ? { lastFields: question.fields } : {}) },
  });
}

function answerNotFound(context: Context): SheetTurn {
  const { question, language } = context;
  const messages = sheetMessages[language];
  if (question.glossaryCue && question.topicWords.length > 0 && question.topicWords.length <= 4) {
    const term = question.topicWords.join(' ').replace(/[^a-z0-9 ]/g, '').slice(0, 40);
    return notFound(context, messages.notFoundTerm(term));
  }
  return notFound(context, messages.notFoundTopic);
}

const asksAboutASheet = (question: SheetQuestion) =>
  question.fields.length > 0 || question.actionNumbers.length > 0 || question.lastAction || question.summary || (question.asksRole && question.topicWords.length > 0);

const HANDLERS: readonly Handler[] = [
  { name: 'empty', applies: ({ question }) => question.empty, answer: answerEmpty },
  {
    name: 'unknown-place',
    applies: ({ question, index }) =>
      question.unknownPlaces.length > 0 &&
      (question.codes.length > 0 || question.unknownPlaces.some((place) => !placeIsATopic(index, place))),
    answer: answerUnknownPlace,
  },
  { name: 'numbered', applies: ({ question }) => question.codes.length > 0, answer: answerNumbered },
  {
    name: 'other',
    applies: ({ question, conversation }) => question.other && (conversation.setAsideSheetIds ?? []).length > 0,
    answer: answerOther,
  },
  { name: 'step', applies: ({ question }) => question.step !== undefined, answer: answerStep },
  {
    name: 'choice',
    applies: (context) => context.question.choice !== undefined && !context.question.listing && choiceCandidates(context).length > 0,
    answer: answerChoice,
  },
  {
    name: 'unread-code',
    applies: ({ question }) => question.unreadCode !== undefined && !question.listing && topicOf(question).length === 0,
    answer: answerUnreadCode,
  },
  { name: 'axis', applies: ({ question }) => question.axis !== undefined, answer: answerAxis },
  { name: 'axis-words', applies: ({ question }) => (question.axisWords ?? []).length > 0 && question.fields.length === 0, answer: answerAxisWords },
  { name: 'plans', applies: ({ question }) => question.asksPlans, answer: answerPlans },
  { name: 'listing', applies: ({ question }) => question.listing, answer: answerListing },
  // « quel est le rôle de la MSA Alpes du Nord ? » with no sheet named nor discussed: the sheets it appears in, with its role.
  {
    name: 'roles-across-sheets',
    applies: ({ question, current }) => question.asksRole && question.topicWords.length > 0 && current.length === 0,
    answer: answerListing,
  },
  {
    name: 'glossary',
    applies: ({ question, conversation, current }) =>
      (question.glossaryWord !== undefined && (question.glossaryCue || question.bareGlossary) && question.fields.length === 0 && !question.asksRole) ||
      // « et CTG ? » right after a definition, with no sheets side by side to choose from by their plan.
      (question.bareAcronym !== undefined && conversation.lastGlossary === true && current.length <= 1),
    answer: answerGlossary,
  },
  {
    name: 'follow-up',
    applies: (context) =>
      context.current.length > 0 &&
      (asksAboutASheet(context.question) || context.question.followUp || (context.current.length > 1 && context.question.planHint !== undefined)) &&
      !topicPointsElsewhere(context),
    answer: answerOnCurrent,
  },
  { name: 'topic', applies: ({ question }) => question.topicWords.length > 0, answer: answerTopic },
  {
    name: 'plan-sheets',
    applies: ({ question, index }) =>
      asksAboutASheet(question) && (question.planHint?.planIds ?? []).some((planId) => index.sheets.some((sheet) => sheet.plan.id === planId)),
    answer: answerOnPlan,
  },
  { name: 'which-sheet', applies: ({ question }) => asksAboutASheet(question), answer: (context) => askWhichSheet(context) },
  { name: 'not-found', applies: () => true, answer: answerNotFound },
];

export function answerSheetQuestion(
  index: SheetIndex,
  question: SheetQuestion,
  conversation: SheetConversation,
  language: Language,
  present: SheetPresentation = {},
): SheetTurn {
  const current = (conversation.currentSheetIds ?? []).map((id) => index.sheetById(id)).filter((sheet): sheet is Sheet => sheet !== undefined);
  const context: Context = { index, question, conversation, language, current, present };
  const handler = HANDLERS.find((candidate) => candidate.applies(context));
  return handler ? handler.answer(context) : answerNotFound(context);
}
