import type { DateTime } from 'luxon';
import { z } from 'zod';
import type { CommuneMatch } from '../geo/commune';
import { editDistance, fold, words } from '../language/text';
import type { Sheet } from '../sheets/model';
import type { SheetIndex } from '../sheets/sheetIndex';
import { readSheetQuestion, type SheetQuestion } from '../sheets/understand';
import { CentreSchema, type Centre } from './model';
import { MONTH_WORDS, readPeriod, type Period } from './period';

/**
 * Reads a partner's question about reported figures (« combien de parents ont participé aux actions de la PA 2.3.2
 * cette année ? ») into what to count, over which reports. A question about what a sheet says (« combien de LAEP
 * compte le territoire selon la PA 1.2.1 ? », « qui pilote la PA 3.2.1 ? ») is not one. The words of taking part or of
 * reporting (participé, touchés, accueillis, déclarations, bilan…) decide; so do the words of figures (chiffres,
 * statistiques, résultats) and counts only reports hold (séances, ateliers, actions) once a sheet, a period, a centre
 * or a place says of what, unless the words of the sheet's own text (selon, attendus, prévoit…) are there.
 */

export const FIGURE_MEASURES = ['parents', 'children', 'families', 'qpvParents', 'singleParentFamilies', 'sessions', 'reports', 'indicators'] as const;
export type FigureMeasure = (typeof FIGURE_MEASURES)[number];

/** « par centre », « par commune »: the figures one line a centre, or a commune, besides their total. */
export const FIGURE_BREAKDOWNS = ['centre', 'commune'] as const;
export type FigureBreakdown = (typeof FIGURE_BREAKDOWNS)[number];

export interface FigureQuestion {
  /** What to count; every measure when the question asks for a review (« bilan », « les chiffres »). */
  measures: FigureMeasure[];
  /** A review: every total and the sheets' indicators. */
  all: boolean;
  /**
   * The sheets the question names, as reports name them; a number several plans have gives one each (the answer
   * says each plan's figures). Empty when it names none.
   */
  sheets: Array<{ sheetId: string; planId: string; sheetCode: string; title: string }>;
  /** « action 2 »: which of the sheet's actions. */
  actionNumbers: number[];
  /** A centre named (« centre social Les Tisserands »): the words typed and the known centres they fit, best first. */
  centre: { typed: string; matches: Centre[] } | null;
  /** A commune named (« à Vénissieux »). `code` is null when only its name is known. */
  commune: { name: string; code: string | null } | null;
  period: Period | null;
  /**
   * The question is about what centres reported in so many words (« déclaré », « bilan », « remontées »): answered
   * from the reports even when none matches. Otherwise a question no report answers goes to the sheets, whose text
   * may hold the figure (« combien de mesures de médiation familiale ont été réalisées en 2021 ? »).
   */
  aboutReports: boolean;
  /** « par centre », « by commune »: one line a centre (or a commune) with its totals; null for the totals alone. */
  breakdown: FigureBreakdown | null;
}

/**
 * A question as the conversation remembers it, so that « et par centre ? » asks for the same figures again, broken
 * down: read back from stored state, so checked. The centres it fitted are kept few (the first is the one answered).
 */
export const FigureQuestionSchema = z.object({
  measures: z.array(z.enum(FIGURE_MEASURES)).max(FIGURE_MEASURES.length),
  all: z.boolean(),
  sheets: z.array(z.object({ sheetId: z.string().max(300), planId: z.string().max(200), sheetCode: z.string().max(100), title: z.string().max(1000) })).max(10),
  actionNumbers: z.array(z.number().int().positive()).max(20),
  centre: z.object({ typed: z.string().max(200), matches: z.array(CentreSchema).max(3) }).nullable(),
  commune: z.object({ name: z.string().max(200), code: z.string().max(10).nullable() }).nullable(),
  period: z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), label: z.object({ fr: z.string().max(200), en: z.string().max(200) }) }).nullable(),
  aboutReports: z.boolean(),
  breakdown: z.enum(FIGURE_BREAKDOWNS).nullable(),
}) satisfies z.ZodType<FigureQuestion>;

/** The question as stored with the conversation: what the schema keeps (a few centres fitting a name, not all). */
export function figureQuestionToKeep(question: FigureQuestion): FigureQuestion {
  return { ...question, centre: question.centre === null ? null : { typed: question.centre.typed.slice(0, 200), matches: question.centre.matches.slice(0, 3) } };
}

export interface FigureQuestionContext {
  sheets: SheetIndex;
  /** The centres reports come from (their names and communes, as reports carry them). */
  centres: readonly Centre[];
  /** The turn's sheet reading, when the turn was already read (src/reading): the text is not read twice. */
  sheetQuestion?: SheetQuestion;
  /** The place the turn's offer reading found, if any (src/reading: `reading.offer.place`). */
  place?: CommuneMatch | null;
}

const MAX_CHARS = 600;

/**
 * The words of taking part or of reporting. Without one, a « combien » asks what a sheet says.
 * Folded, matched as whole words or word starts where marked with `*`.
 */
const PARTICIPATION = [
  'participe', 'participes', 'participee', 'participees', 'participent', 'participer', 'participant', 'participants', 'participante', 'participantes', 'touche', 'touches', 'touchee', 'touchees', 'accueilli*', 'venu', 'venus', 'venue', 'venues', 'recu', 'recus', 'recue', 'recues',
  'declaration*', 'declare', 'declares', 'declaree', 'declarees', 'realise', 'realises', 'realisee', 'realisees', 'beneficie', 'beneficiaire*',
  'mobilise', 'mobilises', 'presents', 'presentes', 'assiste', 'venir',
  'took part', 'take part', 'taking part', 'attended', 'attend', 'reached', 'reported', 'report', 'reports', 'participants', 'participated', 'benefited',
];
/** « bilan », « où en sont »: a review of everything, when a sheet, a centre or a period says of what. */
const REVIEW = ['bilan*', 'ou en sont', 'ou en est', 'point sur', 'summary', 'overview', 'review'];
/**
 * « les chiffres de la PA 2.3.2 », « statistiques de la PA 2.3.3 »: reported figures, when a sheet, a period, a centre
 * or a place says of what, unless the words of a sheet's own text say otherwise (see SHEET_TEXT).
 */
const FIGURE_WORDS = ['chiffres', 'statistiques', 'statistique', 'stats', 'figures', 'resultats', 'results', 'numbers'];
/**
 * What a sheet says rather than what centres reported: « combien de LAEP compte le territoire selon la PA 1.2.1 ? »,
 * « quels sont les résultats attendus ? », « quels chiffres cite le diagnostic ? », « combien d'actions prévoit la
 * fiche ? ». With these, figure words and a count of sessions or actions leave the question to the sheets.
 */
const SHEET_TEXT = [
  'selon', 'd\'apres la fiche', 'd\'apres le plan', 'd\'apres le schema', 'attendu*', 'cite', 'citent', 'cites', 'citee', 'citees',
  'mentionne*', 'diagnostic*', 'prevu', 'prevus', 'prevue', 'prevues', 'prevoi*', 'vise', 'vises', 'visee', 'visees', 'visent',
  'comporte*', 'contient', 'contiennent', 'compte le', 'compte la', 'compte les', 'compte t il', 'compte t elle', 'comptent',
  'objectif*', 'cible*', 'according to', 'expected', 'planned', 'target*', 'quoted', 'cited',
];
const INDICATORS = ['indicateur*', 'indicator*'];
/**
 * « combien de parents par centre ? », « et par commune ? », « détail par structure », « by centre »: the figures one
 * line a centre or a commune. Folded, matched as whole words or word starts where marked with `*`.
 */
const BREAKDOWN_WORDS: ReadonlyArray<readonly [FigureBreakdown, readonly string[]]> = [
  [
    'centre',
    [
      'par centre*', 'par structure*', 'par evs', 'par espace* de vie sociale', 'par maison* de quartier', 'par mjc', 'par association*',
      'centre par centre', 'structure par structure', 'pour chaque centre', 'pour chaque structure', 'dans chaque centre', 'de chaque centre',
      'chaque centre', 'chaque structure', 'selon les centres', 'entre les centres',
      'by centre*', 'by center*', 'per centre*', 'per center*', 'by structure*', 'by organisation*', 'by organization*', 'for each centre', 'for each center',
      'each centre', 'each center', 'centre by centre', 'center by center',
    ],
  ],
  [
    'commune',
    [
      'par commune*', 'par ville*', 'commune par commune', 'ville par ville', 'pour chaque commune', 'pour chaque ville', 'dans chaque commune',
      'dans chaque ville', 'chaque commune', 'chaque ville', 'selon les communes',
      'by commune*', 'per commune*', 'by town*', 'per town*', 'by city', 'by cities', 'per city', 'by municipalit*', 'per municipalit*',
      'for each commune', 'for each town', 'each commune', 'each town',
    ],
  ],
];

const MEASURE_WORDS: ReadonlyArray<readonly [FigureMeasure, readonly string[]]> = [
  ['qpvParents', ['qpv', 'quartier prioritaire', 'quartiers prioritaires', 'quartiers politique de la ville', 'quartier politique de la ville', 'priority neighbourhood*', 'priority area*']],
  ['singleParentFamilies', ['monoparental*', 'mono-parental*', 'mono parental*', 'single-parent*', 'single parent*', 'lone parent*']],
  ['parents', ['parent', 'parents', 'meres', 'peres', 'mothers', 'fathers']],
  ['children', ['enfant', 'enfants', 'children', 'child', 'kids', 'jeunes', 'ados', 'adolescents']],
  ['families', ['famille', 'familles', 'family', 'families', 'foyers', 'households']],
  ['sessions', ['seance', 'seances', 'session', 'sessions', 'rencontres', 'ateliers', 'meetings']],
];
/** « combien d'actions », « how many reports »: the number of reports; « aux actions de la PA 2.3.2 » is where. */
const REPORTS_ASKED = /\b(?:combien|nombre|how many|number of|nb)\s+(?:d'|de |des |of )?(?:actions|declarations|reports|activities|actions declarees)\b/;

const CENTRE_WORDS = /\b(?:du |de l'|de la |le |la |l')?(centre social|centre socio-culturel|centre socioculturel|espace de vie sociale|evs|maison de quartier|mjc|social centre|community centre|structure)\s+(?:(?:de |du |des |d')\s*)?(.{2,60})/;
/** Where a centre's name typed in a question ends: a period, a place, the end of the question. */
const NAME_END = /\s+(?:depuis|en|au|aux|entre|ce|cette|cet|le mois|l'an|l'annee|pour|sur|a|dans|since|in|this|last|during|for|between|on|et|and|par|avec)\b|\s*[?!.,;:]|$/;
const COMMUNE_MARK = /\b(?:a|sur|dans|de|in|at|for|pour)\s+(?:la commune de\s+|la ville de\s+)?/;

function phrasePattern(phrases: readonly string[]): RegExp {
  const parts = phrases.map((phrase) => {
    const prefix = phrase.endsWith('*');
    const body = (prefix ? phrase.slice(0, -1) : phrase).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
    return prefix ? `${body}[a-z]*` : body;
  });
  return new RegExp(`(?<![a-z0-9])(?:${parts.join('|')})(?![a-z0-9])`);
}

const PARTICIPATION_PATTERN = phrasePattern(PARTICIPATION);
const REVIEW_PATTERN = phrasePattern(REVIEW);
const FIGURE_WORDS_PATTERN = phrasePattern(FIGURE_WORDS);
const SHEET_TEXT_PATTERN = phrasePattern(SHEET_TEXT);
const INDICATORS_PATTERN = phrasePattern(INDICATORS);
const HOW_MANY_PATTERN = phrasePattern(['combien', 'nombre de', 'nombre d\'', 'how many', 'how much', 'number of', 'total', 'quel nombre', 'quels chiffres']);
const PEOPLE: ReadonlySet<FigureMeasure> = new Set(['parents', 'children', 'families', 'qpvParents', 'singleParentFamilies']);
/** What only reports count: a sheet says how many parents it aims at, never how many sessions took place. */
const DONE: ReadonlySet<FigureMeasure> = new Set(['sessions', 'reports']);
const MEASURE_PATTERNS = MEASURE_WORDS.map(([measure, phrases]) => [measure, phrasePattern(phrases)] as const);
const BREAKDOWN_PATTERNS = BREAKDOWN_WORDS.map(([breakdown, phrases]) => [breakdown, new RegExp(phrasePattern(phrases).source, 'g')] as const);

/**
 * The breakdown asked, first named first (« par commune et par centre »: by commune), and the text without its words,
 * so that « par centre » is not read as a centre's name nor « par ville » as a place.
 */
function readBreakdown(folded: string): { breakdown: FigureBreakdown | null; rest: string } {
  let first: { breakdown: FigureBreakdown; at: number } | null = null;
  let rest = folded;
  for (const [breakdown, pattern] of BREAKDOWN_PATTERNS) {
    pattern.lastIndex = 0;
    const found = pattern.exec(folded);
    if (found !== null && (first === null || found.index < first.at)) first = { breakdown, at: found.index };
    rest = rest.replace(pattern, (words) => ' '.repeat(words.length));
  }
  return { breakdown: first?.breakdown ?? null, rest };
}

/** The words a « combien de » asks about: a few after it, before the rest of the sentence names sheets and plans. */
const WORDS_AFTER_HOW_MANY = 5;

function measuresIn(folded: string): FigureMeasure[] {
  // « combien de parents ont participé aux actions … du schéma des services aux familles » counts parents, not
  // families: when the question says how many, only the words right after it say what to count.
  const windows: string[] = [];
  const howMany = new RegExp(HOW_MANY_PATTERN.source, 'g');
  for (let match = howMany.exec(folded); match !== null; match = howMany.exec(folded)) {
    windows.push(folded.slice(match.index + match[0].length).split(' ').slice(0, WORDS_AFTER_HOW_MANY + 1).join(' '));
  }
  let rest = windows.length > 0 ? windows.join(' | ') : folded;
  const found: FigureMeasure[] = [];
  for (const [measure, pattern] of MEASURE_PATTERNS) {
    if (!pattern.test(rest)) continue;
    found.push(measure);
    // « familles monoparentales » counts single-parent families, not families as well.
    if (measure === 'singleParentFamilies') rest = rest.replace(/\bfamilles?\s+mono-?\s?parentales?\b|\bsingle[- ]parent famil(y|ies)\b/g, ' ');
  }
  if (found.includes('qpvParents') && !found.includes('parents')) found.push('parents');
  if (REPORTS_ASKED.test(folded)) found.push('reports');
  return found;
}

/** The sheets the question's codes name, each plan's one. */
function sheetsNamed(index: SheetIndex, question: SheetQuestion): Sheet[] {
  const found: Sheet[] = [];
  for (const code of question.codes) {
    const sheets = index.findByNumber({ digits: code.digits, ...(code.number ? { number: code.number } : {}), ...(code.prefix ? { prefix: code.prefix } : {}) });
    const planIds = question.planHint?.planIds;
    const inPlan = planIds && planIds.length > 0 ? sheets.filter((sheet) => planIds.includes(sheet.plan.id)) : [];
    for (const sheet of inPlan.length > 0 ? inPlan : sheets) if (!found.includes(sheet)) found.push(sheet);
  }
  return found;
}

/** A centre's name without its kind (« Centre social Les Tisserands » → « les tisserands »), folded. */
function distinctiveName(name: string): string {
  // Words only: a name's punctuation (« *Étoile* », « Les Tisserands (Vénissieux) ») is not typed back.
  return words(name)
    .join(' ')
    .replace(/\b(centre social|centre socio ?culturel|espace de vie sociale|evs|maison de quartier|mjc|association)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function withoutArticle(name: string): string {
  return name.replace(/^(?:les|le|la|l|des|du|de|d)\s+/, '');
}

/** The known centres a typed name fits: the whole name within the text, or a close spelling. Best first. */
function centresFitting(typed: string, centres: readonly Centre[]): Centre[] {
  const wanted = withoutArticle(distinctiveName(typed));
  if (wanted.length < 2) return [];
  const scored: Array<{ centre: Centre; distance: number }> = [];
  const seen = new Set<string>();
  for (const centre of centres) {
    if (seen.has(centre.structureId)) continue;
    const name = withoutArticle(distinctiveName(centre.structureName));
    if (name.length < 2) continue;
    let distance: number;
    if (wanted === name || wanted.startsWith(`${name} `) || name.startsWith(`${wanted} `)) distance = 0;
    else {
      const allowed = Math.max(1, Math.floor(Math.min(name.length, wanted.length) / 5));
      distance = editDistance(wanted.slice(0, name.length + 2), name, allowed + 1);
      if (distance > allowed) continue;
    }
    seen.add(centre.structureId);
    scored.push({ centre, distance });
  }
  return scored.sort((a, b) => a.distance - b.distance).map((entry) => entry.centre);
}

/** A centre named without « centre social » before it: its whole distinctive name among the question's words. */
function centresNamedBare(folded: string, centres: readonly Centre[]): Centre[] {
  const found: Centre[] = [];
  for (const centre of centres) {
    const name = withoutArticle(distinctiveName(centre.structureName));
    if (name.length < 5 || found.some((other) => other.structureId === centre.structureId)) continue;
    if (new RegExp(`(?<![a-z0-9])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z0-9])`).test(folded)) found.push(centre);
  }
  return found;
}

/**
 * « bilan des Minguettes », « stats de La Passerelle »: the name after a review word, when it names no sheet, period,
 * measure or kind of report. The centre's kind may be left out; known centres are matched by centresNamedBare, and
 * this reads the name when the centres are not known yet (the route decides before the database is read) or when
 * none fits, so that the answer can say so rather than give every centre's figures.
 */
const REVIEWED_NAME = new RegExp(
  `(?<![a-z0-9])(?:bilans?|chiffres|statistiques?|stats|resultats|point sur|summary|figures|results|numbers)\\s+(?:(?:des |les )?(?:actions|declarations|activites|seances)\\s+)?(?:de la |de l'|du |des |de |d'|of |for )(?:the )?(.{2,60})`,
);
/** First words after « bilan de » that are no centre's name. */
const NOT_A_NAME = new Set([
  'pa', 'fa', 'fiche', 'fiches', 'action', 'actions', 'plan', 'plans', 'schema', 'axe', 'sheet', 'sheets', 'declarations', 'declaration', 'centres', 'centre',
  'structures', 'structure', 'evs', 'annee', 'an', 'mois', 'trimestre', 'semestre', 'semaine', 'periode', 'year', 'month', 'quarter',
  'parents', 'enfants', 'familles', 'seances', 'ateliers', 'indicateurs', 'participants', 'ce', 'cette', 'cet', 'mes', 'nos', 'vos', 'ses',
  'leurs', 'tous', 'toutes', 'tout', 'chaque', 'l', 'la', 'le', 'les', 'this', 'last', 'my', 'our', 'all', 'each', 'sante', 'competences',
  'premier', 'premiere', 'deuxieme', 'second', 'seconde', 'troisieme', 'quatrieme', 'dernier', 'derniere', 'derniers', 'dernieres',
  'territoire', 'territoires', 'departement', 'metropole', 'commune', 'communes', 'ville', 'region', 'quartier', 'quartiers', 'qpv',
  ...MONTH_WORDS,
]);

function reviewedName(folded: string, now: DateTime): string | null {
  const named = REVIEWED_NAME.exec(folded);
  if (named === null) return null;
  const end = NAME_END.exec(named[1]);
  const typed = (end === null ? named[1] : named[1].slice(0, end.index)).trim();
  const first = words(typed)[0];
  if (first === undefined || typed.length < 3 || NOT_A_NAME.has(first) || /\d/.test(typed)) return null;
  // « bilan du premier trimestre », « bilan des familles monoparentales »: a period or a measure, not a name.
  if (readPeriod(typed, now) !== null || MEASURE_PATTERNS.some(([, pattern]) => pattern.test(first))) return null;
  return typed;
}

function readCentre(folded: string, centres: readonly Centre[]): FigureQuestion['centre'] {
  const marked = CENTRE_WORDS.exec(folded);
  if (marked !== null) {
    const end = NAME_END.exec(marked[2]);
    const typed = (end === null ? marked[2] : marked[2].slice(0, end.index)).trim();
    if (typed.length >= 2) return { typed, matches: centresFitting(typed, centres) };
  }
  const bare = centresNamedBare(folded, centres);
  return bare.length > 0 ? { typed: bare[0].structureName, matches: bare } : null;
}

/**
 * Whether the place found names a commune outright. A département (« en Isère », « in Isère »: the offer reading
 * stands its chef-lieu for it) is no commune: filtering on its chef-lieu would hide every report from the rest of it.
 */
function namesACommune(place: CommuneMatch): boolean {
  return place.via !== 'position' && place.via !== 'departement' && place.marking !== 'departement' && place.departement === undefined;
}

function readCommune(
  folded: string,
  centres: readonly Centre[],
  place: CommuneMatch | null | undefined,
  centreTyped: string | undefined,
): FigureQuestion['commune'] {
  const centreWords = centreTyped === undefined ? '' : fold(centreTyped);
  if (place && place.commune && namesACommune(place) && !(centreWords !== '' && centreWords.includes(fold(place.typed)))) {
    return { name: place.commune.name, code: place.commune.code };
  }
  const names = new Map<string, { name: string; code: string | null }>();
  for (const centre of centres) if (centre.communeName) names.set(fold(centre.communeName), { name: centre.communeName, code: centre.communeCode });
  for (const [foldedName, commune] of [...names].sort((a, b) => b[0].length - a[0].length)) {
    const escaped = foldedName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[- ]/g, '[- ]');
    const pattern = new RegExp(`${COMMUNE_MARK.source}${escaped}(?![a-z0-9])`);
    if (pattern.test(folded) && !centreWords.includes(foldedName)) return commune;
  }
  return null;
}

/**
 * The question as a request for reported figures, or null when it is not one. A question naming sheets the index
 * does not have is left to the sheets, which say so and suggest neighbours.
 */
export function readFigureQuestion(text: string, now: DateTime, context: FigureQuestionContext): FigureQuestion | null {
  const limited = text.slice(0, MAX_CHARS);
  const folded = fold(limited).replace(/\s*'\s*/g, "'");
  if (folded === '') return null;
  const participation = PARTICIPATION_PATTERN.test(folded);
  const indicators = INDICATORS_PATTERN.test(folded);
  const strongReview = REVIEW_PATTERN.test(folded);
  const sheetText = SHEET_TEXT_PATTERN.test(folded);
  const review = strongReview || (FIGURE_WORDS_PATTERN.test(folded) && !sheetText);
  const asksHowMany = HOW_MANY_PATTERN.test(folded);
  if (!participation && !indicators && !review && !asksHowMany) return null;
  const aboutReports = strongReview || /\b(?:declar|remont|reported|reports?\b)/.test(folded);
  // « selon la fiche », « d'après le schéma »: what the sheet says, unless the reports are named.
  if (sheetText && !aboutReports) return null;

  const sheetQuestion = context.sheetQuestion ?? readSheetQuestion(context.sheets, limited);
  const sheets = sheetsNamed(context.sheets, sheetQuestion);
  if (sheetQuestion.codes.length > 0 && sheets.length === 0) return null;
  const period = readPeriod(limited, now);
  // « par centre », « par ville » ask how to lay the figures out: neither a centre's name nor a place.
  const { breakdown, rest } = readBreakdown(folded);
  const placeTyped = context.place ? fold(context.place.typed) : '';
  const place = context.place && !(breakdown !== null && placeTyped !== '' && !rest.includes(placeTyped)) ? context.place : null;
  let centre = readCentre(rest, context.centres);
  const commune = readCommune(rest, context.centres, place, centre?.typed);
  if (centre === null && review) {
    // « bilan de Vénissieux » names a commune, not a centre.
    const typed = reviewedName(rest, now);
    const placeNames = [commune?.name, place?.typed].flatMap((name) => (name ? [fold(name)] : []));
    if (typed !== null && !placeNames.some((name) => typed.includes(name))) centre = { typed, matches: centresFitting(typed, context.centres) };
  }
  const scoped = (review && sheets.length > 0) || period !== null || centre !== null || commune !== null || breakdown !== null;

  let measures = measuresIn(folded);
  // « Quels indicateurs pour la PA 2.3.2 ? » asks for the sheet's indicators with their values; without a sheet
  // named (« et ses indicateurs ? »), it asks what the sheet being discussed says: the sheets answer it.
  if (indicators && !measures.includes('indicators')) measures.push('indicators');
  if (indicators && !participation && sheets.length === 0) return null;
  // « quels sont les indicateurs de la fiche 6 ? » asks for the sheet's list; with a period or the reports named
  // (« les indicateurs de la PA 2.3.2 cette année », « … déclarés »), for their values.
  if (indicators && !participation && period === null && !aboutReports && !review) return null;
  // « Combien d'enfants à Vénissieux au premier trimestre ? »: people counted over a period or at a centre are
  // reported figures too; without either (« combien de familles monoparentales selon la PA 2.3.2 ? ») the sheet says.
  const peopleOverTime =
    asksHowMany && measures.some((measure) => PEOPLE.has(measure)) && (period !== null || centre !== null || sheets.length > 0 || ((commune !== null || breakdown !== null) && !sheetText));
  // « combien de séances de la PA 2.3.2 entre le 1er novembre et le 5 décembre ? », « combien d'ateliers à
  // Vénissieux ? »: sessions and reports are only ever reported, unless the sheet's own text is asked about.
  const doneCounted = asksHowMany && measures.some((measure) => DONE.has(measure)) && (scoped || sheets.length > 0) && !sheetText;
  if (!participation && !peopleOverTime && !doneCounted && !(review && scoped) && !(indicators && sheets.length > 0)) return null;
  // « Les parents ont-ils participé ? » with nothing to count and nothing to scope it is no request for figures.
  // A sheet alone does not make « réalisé » a request for figures (« le diagnostic est-il réalisé dans la PA 3.2.1 ? »).
  if (measures.length === 0 && !review && !asksHowMany && period === null && centre === null) return null;
  const all = measures.length === 0 || (review && measures.every((measure) => measure === 'reports'));
  if (all) measures = [...FIGURE_MEASURES];

  return {
    measures,
    all,
    sheets: sheets.map(asNamed),
    actionNumbers: sheetQuestion.actionNumbers,
    centre,
    commune,
    period,
    aboutReports,
    breakdown,
  };
}

function asNamed(sheet: Sheet): FigureQuestion['sheets'][number] {
  return { sheetId: sheet.id, planId: sheet.plan.id, sheetCode: sheet.code, title: sheet.title };
}

/** A follow-up that only asks for a breakdown is short: « et par centre pour la PA 2.3.3 en 2025 ? ». */
const MAX_FOLLOW_UP_WORDS = 12;
/** Words that ask something else than the figures broken down: who, where, how, must, is there. */
const OTHER_QUESTION_PATTERN = phrasePattern([
  'qui', 'ou', 'comment', 'quand', 'pourquoi', 'doit', 'doivent', 'faut', 'faudrait', 'existe', 'existe-t-il', 'y a-t-il', 'y a t il',
  'est-ce qu*', 'est ce qu*', 'contacter', 'joindre', 'inscrire', 'remplir', 'who', 'where', 'when', 'why', 'should', 'must', 'is there',
  'are there', 'contact', 'fill',
]);

/**
 * « et par centre ? », « détail par structure », « by commune » after a figures answer: the figures answered before,
 * broken down; a sheet or a period the follow-up names replaces the one before (« et par commune en 2025 ? »). Null
 * when the message asks no breakdown, or more than one (a whole question is read by readFigureQuestion).
 */
export function readBreakdownFollowUp(text: string, now: DateTime, previous: FigureQuestion, context: FigureQuestionContext): FigureQuestion | null {
  const limited = text.slice(0, MAX_CHARS);
  const folded = fold(limited).replace(/\s*'\s*/g, "'");
  const { breakdown, rest } = readBreakdown(folded);
  if (breakdown === null || SHEET_TEXT_PATTERN.test(folded) || words(folded).length > MAX_FOLLOW_UP_WORDS) return null;
  // « Par association, qui contacter ? », « y a-t-il un LAEP dans chaque commune ? »: another question, not a breakdown.
  if (OTHER_QUESTION_PATTERN.test(rest)) return null;
  const sheetQuestion = context.sheetQuestion ?? readSheetQuestion(context.sheets, limited);
  const sheets = sheetsNamed(context.sheets, sheetQuestion);
  if (sheetQuestion.codes.length > 0 && sheets.length === 0) return null;
  const period = readPeriod(limited, now);
  return {
    ...previous,
    ...(sheets.length > 0 ? { sheets: sheets.map(asNamed), actionNumbers: sheetQuestion.actionNumbers } : {}),
    ...(period !== null ? { period } : {}),
    breakdown,
  };
}
