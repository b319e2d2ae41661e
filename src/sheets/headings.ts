import { fold } from '../language/text';
import { rememberMany } from '../shared/remember';
import type { SheetField } from './model';

/**
 * The section names plans use, mapped to the model's fields (DOMAIN.md's table), and how a heading line is read.
 * Phrases are compared on folded text with punctuation turned to spaces, so "PILOTAGE / COORDINATION",
 * "Indicateurs d’effets" and "## Pilotage" all find their field. Longer phrases win over their prefixes.
 */
const HEADING_PHRASES: Readonly<Record<Exclude<SheetField, 'other'>, readonly string[]>> = {
  context: [
    'diagnostic', 'diagnostics', 'diagnostic partage', 'contexte', 'contexte et enjeux', 'constat', 'constats', 'etat des lieux',
    'elements de contexte', 'elements de diagnostic', 'problematique', 'context', 'background',
    // Plain-language headings some plans use for their readers.
    'pourquoi cette fiche', 'pourquoi cette action', 'pourquoi agir', 'le constat', 'why',
  ],
  objectives: [
    'definitions et principes d action', 'definition et principes d action', 'principes d action', 'principes', 'definitions',
    'objectifs et dynamiques', 'objectifs', 'objectif', 'objectifs operationnels', 'objectifs strategiques', 'enjeu', 'enjeux',
    'finalites', 'finalite', 'orientations', 'objectives',
    'ce que nous voulons obtenir', 'ce que nous voulons', 'ce que l on veut obtenir', 'ce que nous visons', 'aims',
  ],
  audience: [
    'publics et territoires', 'public et territoire', 'publics et territoire', 'publics', 'public', 'public vise', 'publics vises',
    'public cible', 'publics cibles', 'beneficiaires', 'territoires', 'territoire', 'territoire concerne', 'echelle territoriale',
    'perimetre', 'zone d intervention', 'publics concernes', 'public concerne', 'audience',
  ],
  pilot: [
    'pilotage coordination', 'pilotage', 'coordination', 'animateur', 'animateurs', 'animation et pilotage', 'pilote', 'pilotes',
    'porteur', 'porteurs', 'porteur de l action', 'porteurs de projet', 'porteur de projet', 'referent', 'referents',
    'responsable', 'responsables', 'maitre d ouvrage', 'maitrise d ouvrage', 'pilot', 'lead',
    'qui fait quoi', 'qui pilote', 'qui porte l action', 'chef de file', 'chefs de file',
  ],
  partners: [
    'partenaires impliques', 'partenaires mobilisables', 'partenaires associes', 'partenaires', 'partenariat', 'partenariats',
    'acteurs impliques', 'acteurs mobilises', 'acteurs associes', 'acteurs', 'dispositifs mobilisables', 'partners',
    // « Chef de file : … / Avec : … » under a plain-language heading.
    'avec', 'en lien avec', 'avec qui',
  ],
  funding: [
    'ressources et financements', 'financements mobilisables', 'financements', 'financement', 'moyens', 'moyens mobilises',
    'moyens financiers', 'budget', 'budget previsionnel', 'ressources', 'financeurs', 'co financeurs', 'cofinanceurs',
    'cofinancements', 'co financements', 'funding',
    'argent mobilise', 'argent', 'combien ca coute', 'cout', 'couts', 'cout previsionnel',
  ],
  actions: [
    'realisations attendues', 'realisations', 'actions', 'actions prevues', 'actions a mener', 'plan d action', 'mise en oeuvre',
    'modalites de mise en oeuvre', 'description de l action', 'description des actions', 'descriptif de l action',
    'contenu de l action', 'etapes', 'etapes de realisation', 'etapes de mise en oeuvre',
    'ce qui sera fait', 'ce que nous allons faire', 'concretement',
    // How the work unfolds, step by step: the sheet's numbered actions (« Déroulé » then « 1. … 2. … » or a table).
    'deroule', 'deroulement', 'deroule de l action', 'deroulement de l action', 'plan d actions', 'plan des actions',
    'programme d actions', 'programme des actions', 'mise en oeuvre de l action', 'modalites de mise en oeuvre de l action',
  ],
  deadlines: [
    'echeances', 'echeance', 'echeancier', 'calendrier', 'calendrier previsionnel', 'duree', 'planning', 'deadlines', 'timeline',
    'quand', 'dates', 'calendrier de realisation',
  ],
  results: [
    'resultats attendus', 'resultat attendu', 'indicateurs d evaluation', 'indicateurs de realisation', 'indicateurs de resultat',
    'indicateurs de resultats', 'indicateurs d effets', 'indicateurs d effet', 'indicateurs de suivi', 'indicateurs', 'effets attendus',
    'evaluation', 'modalites d evaluation', 'criteres d evaluation', 'indicators',
    'comment on saura que ca marche', 'comment saurons nous que ca marche', 'comment mesurer', 'comment evaluer', 'mesure du succes',
  ],
  links: ['liens autres enjeux', 'liens avec d autres fiches', 'liens avec les autres fiches', 'liens', 'fiches liees', 'articulation avec', 'links'],
};

/** [phrase, field] pairs, longest phrase first so "actions prevues" is tried before "actions". */
const PHRASES_LONGEST_FIRST: ReadonlyArray<readonly [string, SheetField]> = Object.entries(HEADING_PHRASES)
  .flatMap(([field, phrases]) => phrases.map((phrase) => [phrase, field as SheetField] as const))
  .sort((a, b) => b[0].length - a[0].length);

/** A heading may carry a few words after its known phrase ("Partenaires mobilisables (dont habitants)"), not a sentence. */
const MAX_HEADING_TAIL = 45;

/**
 * "RÉSULTATS ATTENDUS + INDICATEURS D'ÉVALUATION" → "resultats attendus indicateurs d evaluation". Heading lines and
 * first words repeat from sheet to sheet: their keys are remembered.
 */
export const headingKey: (text: string) => string = rememberMany(20_000, (text) => fold(text).replace(/[^a-z0-9]+/g, ' ').trim());

export interface KnownHeading {
  field: SheetField;
  /** Words after the known phrase. */
  tail: string;
}

/** The field of a heading text, when it starts with a phrase plans use for one. */
/** The longest heading a phrase and its tail can make; longer lines are content, and are not folded for nothing. */
const MAX_HEADING_LENGTH = 110;

/** First words of the phrases: most lines of a sheet are content, and are turned away on their first word. */
const FIRST_WORDS: ReadonlySet<string> = new Set(PHRASES_LONGEST_FIRST.map(([phrase]) => phrase.split(' ')[0]));
const FIRST_WORD = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u;

/**
 * Words that name a field wherever they stand in a short label the phrases above do not know ("Co-Financeurs",
 * "Zone d'intervention", "Étapes de réalisation"): trusted only on lines that are labels by their form (a colon, a table
 * cell, a number, bold, capitals), never on a sentence. The first such word of the label decides, as French puts the
 * head noun first ("Calendrier de réalisation" is a calendar).
 */
const FIELD_KEYWORDS: Readonly<Record<Exclude<SheetField, 'other'>, readonly string[]>> = {
  context: ['contexte', 'constat', 'constats', 'diagnostic', 'diagnostics', 'problematique'],
  objectives: ['objectif', 'objectifs', 'finalite', 'finalites', 'enjeu', 'enjeux', 'ambition', 'ambitions', 'orientations'],
  audience: ['public', 'publics', 'beneficiaire', 'beneficiaires', 'territoire', 'territoires', 'zone', 'zones', 'cible', 'cibles', 'quartiers'],
  pilot: ['pilote', 'pilotes', 'pilotage', 'porteur', 'porteurs', 'referent', 'referents', 'responsable', 'responsables', 'coordination', 'animateur'],
  partners: ['partenaire', 'partenaires', 'partenariat', 'partenariats', 'acteurs', 'contributeurs', 'intervenants'],
  funding: ['financement', 'financements', 'financeur', 'financeurs', 'cofinanceurs', 'budget', 'moyens', 'cout', 'couts'],
  actions: ['action', 'actions', 'etape', 'etapes', 'realisation', 'realisations', 'activites', 'deroule', 'deroulement'],
  deadlines: ['echeance', 'echeances', 'echeancier', 'calendrier', 'planning', 'duree', 'delais', 'periode'],
  results: ['indicateur', 'indicateurs', 'evaluation', 'resultat', 'resultats', 'effets', 'criteres', 'kpi'],
  links: ['liens', 'articulation', 'articulations'],
};
const KEYWORD_FIELDS: ReadonlyMap<string, SheetField> = new Map(
  Object.entries(FIELD_KEYWORDS).flatMap(([field, words]) => words.map((word) => [word, field as SheetField] as const)),
);
/** A label is a few words; past this it is a sentence, whatever words it holds. */
const MAX_LABEL_WORDS = 6;

/**
 * Abbreviated labels of spreadsheet-like sheets ("Diag.", "Obj. 1", "Resp. (lead)", "Pub./Terr.", "Éch."): read only as a
 * whole short label, the abbreviation being its first word.
 */
const ABBREVIATIONS: ReadonlyMap<string, SheetField> = new Map<string, SheetField>([
  ['diag', 'context'], ['ctx', 'context'], ['obj', 'objectives'], ['objs', 'objectives'], ['resp', 'pilot'], ['pil', 'pilot'],
  ['part', 'partners'], ['parts', 'partners'], ['partn', 'partners'], ['fin', 'funding'], ['financ', 'funding'], ['kpi', 'results'],
  ['kpis', 'results'], ['indic', 'results'], ['eval', 'results'], ['pub', 'audience'], ['terr', 'audience'], ['ech', 'deadlines'],
  ['cal', 'deadlines'], ['calend', 'deadlines'], ['act', 'actions'], ['actions', 'actions'],
]);
const MAX_ABBREVIATED_LABEL = 24;

/**
 * The field of a label a plan wrote in its own words: the known phrases first, then (for a label by its form, see
 * FIELD_KEYWORDS) a field word inside it, then an abbreviation. `other` when none says.
 */
export function labelField(label: string): SheetField {
  const known = knownHeading(label);
  if (known) return known.field;
  const key = headingKey(label);
  if (key.length === 0) return 'other';
  const words = key.split(' ');
  const abbreviation = ABBREVIATIONS.get(words[0]);
  if (abbreviation && label.length <= MAX_ABBREVIATED_LABEL && /^[^\p{L}]*[\p{L}]+(?:[./)(\s]|$)/u.test(label)) return abbreviation;
  if (words.length > MAX_LABEL_WORDS) return 'other';
  for (const word of words) {
    const field = keywordField(word);
    if (field) return field;
  }
  return 'other';
}

function keywordField(word: string): SheetField | undefined {
  return KEYWORD_FIELDS.get(word) ?? (word.length > 4 && word.endsWith('s') ? KEYWORD_FIELDS.get(word.slice(0, -1)) : undefined);
}

/** "Les partenaires" is still a label; "Pas de financement", "Aucun budget" are statements. */
const LEADING_ARTICLES: ReadonlySet<string> = new Set(['le', 'la', 'les', 'l']);

/**
 * Whether a label reads as a heading's title: a phrase plans use, an abbreviation, or a label whose head noun (its
 * first word, after an article) names a field ("Budget global", "Zone d'intervention", "Les partenaires financiers").
 * "Pas de financement spécifique" or "Montant du financement" name a field further in: they are words of the text.
 */
export function isTitleLikeLabel(label: string): boolean {
  if (knownHeading(label) !== undefined || isAbbreviatedLabel(label)) return true;
  const words = headingKey(label).split(' ').filter((word) => word.length > 0);
  const head = words[0] !== undefined && LEADING_ARTICLES.has(words[0]) ? words[1] : words[0];
  return head !== undefined && keywordField(head) !== undefined;
}

/** Whether a label reads as an abbreviation of a field ("Diag.", "Resp. (lead)"), as opposed to a word of the text. */
export function isAbbreviatedLabel(label: string): boolean {
  if (label.length > MAX_ABBREVIATED_LABEL) return false;
  const first = FIRST_WORD.exec(label);
  return first !== null && ABBREVIATIONS.has(headingKey(first[1])) && knownHeading(label) === undefined && /^[^\p{L}]*[\p{L}]+(?:[./(]|\s*$)/u.test(label);
}

/** Labels whose value is the sheet's title ("Intitulé : …", a table's "Titre" row). */
const TITLE_LABELS: ReadonlySet<string> = new Set([
  'intitule', 'intitule de l action', 'intitule de la fiche', 'intitule de la fiche action', 'titre', 'titre de l action',
  'titre de la fiche', 'libelle', 'libelle de l action', 'nom de l action', 'nom de la fiche', 'objet', 'title',
]);
export function isTitleLabel(label: string): boolean {
  return TITLE_LABELS.has(headingKey(label));
}

/** Labels whose value is the sheet's number (a table's "Fiche action | B2" row, "N° de fiche : 6"). */
const CODE_LABELS: ReadonlySet<string> = new Set([
  'fiche', 'fiche action', 'fiche n', 'fiche action n', 'n fiche', 'n de fiche', 'n de la fiche', 'numero', 'numero de fiche',
  'numero de la fiche', 'numero de l action', 'n de l action', 'n action', 'reference', 'ref', 'code', 'action n', 'fa', 'pa',
]);
export function isCodeLabel(label: string): boolean {
  return CODE_LABELS.has(headingKey(label));
}

export function knownHeading(text: string): KnownHeading | undefined {
  if (text.length > MAX_HEADING_LENGTH) return undefined;
  const first = FIRST_WORD.exec(text);
  if (!first || !FIRST_WORDS.has(headingKey(first[1]))) return undefined;
  const key = headingKey(text);
  if (key.length === 0) return undefined;
  for (const [phrase, field] of PHRASES_LONGEST_FIRST) {
    if (key === phrase) return { field, tail: '' };
    if (key.startsWith(`${phrase} `)) {
      const tail = key.slice(phrase.length + 1);
      if (tail.length <= MAX_HEADING_TAIL) return { field, tail };
    }
  }
  return undefined;
}

/**
 * "ACTION 2", "Action n° 3 : Former les bénévoles", "### Action 1 - …". Not "Actions 1 et 2 : 2022 à 2026", which is
 * a deadline line: the number must be followed by the end of the line or a separator.
 */
const ACTION_HEADING = /^actions?\s*(?:n\s*°\s*|no\.?\s*|num[ée]ro\s*)?(\d{1,2}(?:\.\d{1,2}){0,3})(?!\d)\s*(?:$|[-–—:.)]\s*(.*)$)/i;

export interface ActionHeading {
  /** The last part of a dotted number: "Action 7.2" under "Fiche-action 7" is its action 2. */
  number: number;
  /** "7.2", when the plan numbers its actions under the sheet's number. */
  dotted?: string;
  title?: string;
}

export function actionHeading(text: string): ActionHeading | undefined {
  if (!/^\s*action/i.test(text)) return undefined;
  const match = ACTION_HEADING.exec(text.replace(/\s+/g, ' ').trim());
  if (!match) return undefined;
  const parts = match[1].split('.');
  const number = Number(parts[parts.length - 1]);
  if (number < 1) return undefined;
  const title = match[2]?.trim();
  return { number, ...(parts.length > 1 ? { dotted: match[1] } : {}), ...(title ? { title } : {}) };
}
