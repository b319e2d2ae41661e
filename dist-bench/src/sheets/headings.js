"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.headingKey = void 0;
exports.knownHeading = knownHeading;
exports.actionHeading = actionHeading;
const text_1 = require("../language/text");
const remember_1 = require("../shared/remember");
/**
 * The section names plans use, mapped to the model's fields (DOMAIN.md's table), and how a heading line is read.
 * Phrases are compared on folded text with punctuation turned to spaces, so "PILOTAGE / COORDINATION",
 * "Indicateurs d’effets" and "## Pilotage" all find their field. Longer phrases win over their prefixes.
 */
const HEADING_PHRASES = {
    context: ['diagnostic', 'diagnostics', 'diagnostic partage', 'contexte', 'contexte et enjeux', 'constat', 'constats', 'etat des lieux', 'context', 'background'],
    objectives: [
        'definitions et principes d action', 'definition et principes d action', 'principes d action', 'principes', 'definitions',
        'objectifs et dynamiques', 'objectifs', 'objectif', 'objectifs operationnels', 'objectifs strategiques', 'enjeu', 'enjeux',
        'finalites', 'finalite', 'orientations', 'objectives',
    ],
    audience: [
        'publics et territoires', 'public et territoire', 'publics et territoire', 'publics', 'public', 'public vise', 'publics vises',
        'public cible', 'publics cibles', 'beneficiaires', 'territoires', 'territoire', 'territoire concerne', 'echelle territoriale',
        'perimetre', 'audience',
    ],
    pilot: [
        'pilotage coordination', 'pilotage', 'coordination', 'animateur', 'animateurs', 'animation et pilotage', 'pilote', 'pilotes',
        'porteur', 'porteurs', 'porteur de l action', 'referent', 'referents', 'pilot',
    ],
    partners: [
        'partenaires impliques', 'partenaires mobilisables', 'partenaires associes', 'partenaires', 'partenariat', 'partenariats',
        'acteurs impliques', 'acteurs mobilises', 'dispositifs mobilisables', 'partners',
    ],
    funding: [
        'ressources et financements', 'financements mobilisables', 'financements', 'financement', 'moyens', 'moyens mobilises',
        'moyens financiers', 'budget', 'ressources', 'funding',
    ],
    actions: ['realisations attendues', 'realisations', 'actions', 'actions prevues', 'actions a mener', 'plan d action', 'mise en oeuvre', 'modalites de mise en oeuvre'],
    deadlines: ['echeances', 'echeance', 'echeancier', 'calendrier', 'calendrier previsionnel', 'duree', 'planning', 'deadlines', 'timeline'],
    results: [
        'resultats attendus', 'resultat attendu', 'indicateurs d evaluation', 'indicateurs de realisation', 'indicateurs de resultat',
        'indicateurs de resultats', 'indicateurs d effets', 'indicateurs d effet', 'indicateurs de suivi', 'indicateurs', 'effets attendus',
        'evaluation', 'modalites d evaluation', 'criteres d evaluation', 'indicators',
    ],
    links: ['liens autres enjeux', 'liens avec d autres fiches', 'liens avec les autres fiches', 'liens', 'fiches liees', 'articulation avec', 'links'],
};
/** [phrase, field] pairs, longest phrase first so "actions prevues" is tried before "actions". */
const PHRASES_LONGEST_FIRST = Object.entries(HEADING_PHRASES)
    .flatMap(([field, phrases]) => phrases.map((phrase) => [phrase, field]))
    .sort((a, b) => b[0].length - a[0].length);
/** A heading may carry a few words after its known phrase ("Partenaires mobilisables (dont habitants)"), not a sentence. */
const MAX_HEADING_TAIL = 45;
/**
 * "RÉSULTATS ATTENDUS + INDICATEURS D'ÉVALUATION" → "resultats attendus indicateurs d evaluation". Heading lines and
 * first words repeat from sheet to sheet: their keys are remembered.
 */
exports.headingKey = (0, remember_1.rememberMany)(20_000, (text) => (0, text_1.fold)(text).replace(/[^a-z0-9]+/g, ' ').trim());
/** The field of a heading text, when it starts with a phrase plans use for one. */
/** The longest heading a phrase and its tail can make; longer lines are content, and are not folded for nothing. */
const MAX_HEADING_LENGTH = 110;
/** First words of the phrases: most lines of a sheet are content, and are turned away on their first word. */
const FIRST_WORDS = new Set(PHRASES_LONGEST_FIRST.map(([phrase]) => phrase.split(' ')[0]));
const FIRST_WORD = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u;
function knownHeading(text) {
    if (text.length > MAX_HEADING_LENGTH)
        return undefined;
    const first = FIRST_WORD.exec(text);
    if (!first || !FIRST_WORDS.has((0, exports.headingKey)(first[1])))
        return undefined;
    const key = (0, exports.headingKey)(text);
    if (key.length === 0)
        return undefined;
    for (const [phrase, field] of PHRASES_LONGEST_FIRST) {
        if (key === phrase)
            return { field, tail: '' };
        if (key.startsWith(`${phrase} `)) {
            const tail = key.slice(phrase.length + 1);
            if (tail.length <= MAX_HEADING_TAIL)
                return { field, tail };
        }
    }
    return undefined;
}
/**
 * "ACTION 2", "Action n° 3 : Former les bénévoles", "### Action 1 - …". Not "Actions 1 et 2 : 2022 à 2026", which is
 * a deadline line: the number must be followed by the end of the line or a separator.
 */
const ACTION_HEADING = /^actions?\s*(?:n\s*°\s*|no\.?\s*|num[ée]ro\s*)?(\d{1,2})\s*(?:$|[-–—:.)]\s*(.*)$)/i;
function actionHeading(text) {
    if (!/^\s*action/i.test(text))
        return undefined;
    const match = ACTION_HEADING.exec(text.replace(/\s+/g, ' ').trim());
    if (!match)
        return undefined;
    const number = Number(match[1]);
    if (number < 1)
        return undefined;
    const title = match[2]?.trim();
    return title ? { number, title } : { number };
}
//# sourceMappingURL=headings.js.map