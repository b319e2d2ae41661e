import { DateTime } from 'luxon';
import { readDatesInFolded } from './dates';
import { foldKeepingPlaces, originalRange, tokenize, type FoldedText, type Token } from './folding';
import { findPhrase, phrases, type Phrase } from './words';

/** The report's fields a person names when correcting one (ReportBody's keys; « dates » is startDate and endDate). */
export type ReportField =
  | 'sheet' | 'action' | 'title' | 'kind' | 'dates' | 'sessions' | 'parents' | 'children' | 'families' | 'qpvParents'
  | 'singleParentFamilies' | 'partners' | 'indicators' | 'comment';

/**
 * `bare`: the field was only named, with no word of change (« les partenaires », after « que voulez-vous modifier ? »).
 * That is a change at the summary only: elsewhere « Café des parents » names the kind asked, not the parents to edit.
 */
export type FormCommand = { kind: 'confirm' } | { kind: 'cancel' } | { kind: 'edit'; field: ReportField | null; bare?: true } | null;

/** Longer messages are answers, not commands. */
const MAX_COMMAND_CHARACTERS = 200;

/** Field names, most specific first: « parents QPV » before « parents », « familles monoparentales » before « familles ». */
const FIELD_PHRASES: ReadonlyArray<readonly [ReportField, Phrase[]]> = [
  ['qpvParents', phrases('qpv', 'quartier|quartiers prioritaire|prioritaires', 'politique ville', 'priority area|areas|neighbourhood|neighborhood|neighbourhoods|neighborhoods')],
  ['singleParentFamilies', phrases('monoparentale|monoparentales|monoparental|monoparentaux|mono', 'single|lone parent|parents')],
  ['sessions', phrases('seance|seances|session|sessions|rencontres')],
  ['children', phrases('enfant|enfants|child|children|kids')],
  ['families', phrases('famille|familles|family|families|foyers')],
  ['parents', phrases('parent|parents')],
  ['dates', phrases('date|dates|jour|periode|quand|day|period|when')],
  ['partners', phrases('partenaire|partenaires|partner|partners|intervenant|intervenants')],
  ['indicators', phrases('indicateur|indicateurs|indicator|indicators')],
  ['comment', phrases('commentaire|commentaires|remarque|remarques|comment|comments|note')],
  ['kind', phrases('type|genre|nature|categorie|kind|category|sorte')],
  ['title', phrases('titre|intitule|nom|title|name|libelle')],
  ['sheet', phrases('fiche|fiches|sheet|pa|code')],
  ['action', phrases('action|actions')],
];

const EDIT_VERBS = /(?:^|\s)(?:modifier|modifie|modifiez|modif|changer|change|changez|corriger|corrige|corrigez|rectifier|rectifie|editer|revoir|remplacer|edit|fix|correct|update|modify|amend)(?:\s|$)/;
const WRONG = /(?:^|\s)(?:erreur|errone|erronee|faux|fausse|pas bon|pas bonne|incorrect|incorrecte|se tromper|tromp\w*|wrong|mistake)(?:\s|$)/;
const CANCEL =
  /(?:^|\s)(?:annuler|annule|annulez|annulation|laisse tomber|laissez tomber|abandonner|abandonne|abandon|on arrete|arreter|arrete|stop|cancel|forget it|never mind|nevermind|quit|quitter)(?:\s|$)/;
/** A confirmation is only these words (« oui c'est bon », « ok merci »): « oui mais il y avait 15 parents » is not one. */
const CONFIRM_WORDS = new Set([
  'confirmer', 'confirme', 'confirmez', 'confirmation', 'valider', 'valide', 'validez', 'validation', 'envoyer', 'envoie', 'envoyez',
  'enregistrer', 'enregistre', 'enregistrez', 'oui', 'ouais', 'ok', 'okay', 'oki', 'dac', 'daccord', 'accord', 'parfait', 'exact',
  'correct', 'bon', 'nickel', 'super', 'top', 'tout', 'est', 'c', 'ca', 'me', 'va', 'd', 'merci', 'je', 'j', 'bien', 'yes', 'yep',
  'confirm', 'submit', 'send', 'save', 'looks', 'good', 'fine', 'all', 'right', 'that', 's', 'it', 'is', 'thanks', 'sure', 'vas',
  'y', 'go', 'let', 'perfect', 'great', 'juste', 'cest', 'parfaitement', 'les', 'infos', 'informations', 'sont', 'bonnes',
]);
/** Words that, alone, confirm; the others only accompany one (« c'est », « tout », « merci »). */
const CONFIRMING = new Set([
  'confirmer', 'confirme', 'confirmez', 'confirmation', 'valider', 'valide', 'validez', 'validation', 'envoyer', 'envoie', 'envoyez',
  'enregistrer', 'enregistre', 'enregistrez', 'oui', 'ouais', 'ok', 'okay', 'oki', 'dac', 'daccord', 'accord', 'parfait', 'exact',
  'correct', 'bon', 'nickel', 'yes', 'yep', 'confirm', 'submit', 'send', 'save', 'good', 'fine', 'perfect', 'juste', 'bonnes', 'sure',
]);

function fieldNamed(tokens: readonly Token[]): ReportField | null {
  let best: { field: ReportField; first: number } | null = null;
  for (const [field, fieldPhrases] of FIELD_PHRASES) {
    for (const phrase of fieldPhrases) {
      const found = findPhrase(tokens, phrase, 3);
      // The specific names come first in the list: a tie keeps them (« parents QPV » is qpvParents).
      if (found && (best === null || found.first < best.first - 1)) best = { field, first: found.first };
    }
  }
  return best?.field ?? null;
}

/**
 * The words of the confirmation step and of a correction: confirm, cancel, or edit with the field named (or null
 * when none is: « non », « c'est faux »). Null for anything else, which is an answer to the question asked.
 */
export function readFormCommand(text: string): FormCommand {
  try {
    return readCommand(text);
  } catch {
    return null;
  }
}

function readCommand(text: string): FormCommand {
  if (text.length > MAX_COMMAND_CHARACTERS) return null;
  const folded = foldKeepingPlaces(text);
  const f = folded.text.replace(/[!.?👍✅]+$/u, '').trim();
  if (f.length === 0) return null;
  const tokens = tokenize(f);
  const edit = EDIT_VERBS.test(f) || WRONG.test(f);
  if (CANCEL.test(f) && !edit) return { kind: 'cancel' };
  // « pas de commentaire », « no comment »: an optional field left empty, not a request to change it. A bare « non »
  // still says the summary is not right.
  if (!edit && saysNone(text) && !BARE_NO.test(f)) return null;
  if (edit) return { kind: 'edit', field: fieldNamed(tokens) ?? fieldOfValue(folded) };
  if (tokens.length > 0 && tokens.every((t) => CONFIRM_WORDS.has(t.word)) && tokens.some((t) => CONFIRMING.has(t.word))) {
    return { kind: 'confirm' };
  }
  // « non », « non, le nombre de parents », « non c'était le 5 mars »: the summary is not right; what to change, if said.
  const no = /^(?:non|no|nope|pas du tout)(?:\s|,|$)/.test(f);
  if (no) return { kind: 'edit', field: fieldNamed(tokens) ?? fieldOfValue(folded) };
  // A field named alone, after « que voulez-vous modifier ? »: « les partenaires », « le nombre de parents ».
  if (tokens.length <= 5 && !tokens.some((t) => t.digits)) {
    const field = fieldNamed(tokens);
    const rest = tokens.filter((t) => !/^(?:le|la|les|l|de|des|d|du|nombre|the|number|of|sur|la|en)$/.test(t.word));
    if (field !== null && rest.length <= 2) return { kind: 'edit', field, bare: true };
  }
  return null;
}

/** Words said around a change that are not its new value: who asks, politeness, « non », articles. */
const CHANGE_WORDS = new Set([
  'je', 'j', 'veux', 'voudrais', 'voudrait', 'aimerais', 'souhaite', 'souhaiterais', 'dois', 'faut', 'il', 'on', 'peut', 'peux',
  'pouvez', 'puis', 'pourriez', 'pourrais', 'tu', 'vous', 'me', 'm', 'svp', 'stp', 'merci', 'please', 'i', 'want', 'would', 'like',
  'need', 'can', 'could', 'you', 'let', 's', 'to', 'non', 'no', 'nope', 'oui', 'ok', 'alors', 'bon', 'ben', 'euh', 'en', 'fait',
  'finalement', 'plutot', 'aussi', 'le', 'la', 'les', 'l', 'de', 'des', 'd', 'du', 'nombre', 'the', 'number', 'of', 'a', 'un', 'une',
  'mon', 'ma', 'mes', 'notre', 'nos', 'votre', 'vos', 'this', 'that', 'my', 'our', 'ce', 'cette', 'ca', 'c', 'est', 'y', 'ai', 'erreur',
  'dans', 'sur', 'au', 'aux', 'please',
]);
const POLITE_END = new Set(['svp', 'stp', 'please', 'merci', 'thanks', 'thx']);
/** Words between a field's name and its new value: « modifier le titre en … », « change the title to … ». */
const VALUE_CONNECTORS = new Set(['en', 'par', 'pour', 'to', 'into', 'as', 'c', 'est', 'devient', 'sera', 'plutot', 'a', 'avec', 'with', 'is', 'be', 'should', 'doit', 'etre']);

/**
 * The new value a change says after the field it names, as typed: « modifier le titre en Café des papas » →
 * « Café des papas »; '' when the message is the change alone (« modifier le titre », « je veux changer les
 * partenaires », « le commentaire »), which must then ask the field's question rather than keep the command as its
 * value. Undefined when other words come before the field's name (« non, c'était 17 parents »): the whole message
 * is then the answer, read by the field.
 */
export function valueOfChange(text: string): string | undefined {
  try {
    if (text.length > MAX_COMMAND_CHARACTERS) return undefined;
    const folded = foldKeepingPlaces(text);
    const tokens = tokenize(folded.text);
    const field = fieldNamed(tokens);
    if (field === null) return undefined;
    let named: { first: number; next: number } | null = null;
    for (const phrase of FIELD_PHRASES.find(([key]) => key === field)?.[1] ?? []) {
      const found = findPhrase(tokens, phrase, 3);
      if (found && (named === null || found.first < named.first)) named = found;
    }
    if (named === null) return undefined;
    const before = tokens.slice(0, named.first);
    const isChangeWord = (token: Token) => CHANGE_WORDS.has(token.word) || EDIT_VERBS.test(token.word) || WRONG.test(token.word);
    if (!before.every(isChangeWord)) return undefined;
    let at = named.next;
    // « le titre de l'action », « the title of the report »: still the field's name, not its value.
    const whose = /^(?:de|du|d|of) (?:(?:l|la|le|the|this|cette|ma|mon|my) )?(?:action|activite|activity|declaration|report|seance|session)(?: |$)/;
    const after = tokens.slice(at).map((token) => token.word).join(' ');
    const complement = whose.exec(after);
    if (complement) at += complement[0].trim().split(' ').length;
    while (at < tokens.length && VALUE_CONNECTORS.has(tokens[at].word)) at += 1;
    // « … svp », « … please » at the end are said to the bot, not part of the value.
    let end = tokens.length;
    while (end > at && POLITE_END.has(tokens[end - 1].word)) end -= 1;
    if (at >= end) return '';
    const start = originalRange(folded, tokens[at].start, tokens[at].end).start;
    const stop = end === tokens.length ? text.length : originalRange(folded, tokens[end - 1].start, tokens[end - 1].end).end;
    return text.slice(start, stop).replace(/[\s!?.,;]+$/u, '').trim();
  } catch {
    return undefined;
  }
}

/**
 * Words that say a message corrects what was said before: « en fait », « finalement », « c'était », « non », « pas le
 * 12 », « il y avait », « actually », « it was ». At the summary, a count or a date said with one of them is a change
 * of that field (« en fait il y avait 14 parents »); said alone (« du 3 au 5 novembre »), it is not understood.
 */
const CORRECTION_PHRASES: Phrase[] = phrases(
  'finalement|plutot|erreur|errone|erronee|pardon|oups|etait|etaient|avait|non|nan|pas|actually|finally|rather|instead|sorry|was|were|not|no',
  'en fait', 'c est', 'au lieu', 'on a eu', 'in fact', 'there were', 'it was',
);

/** Whether a message says it corrects something (see CORRECTION_PHRASES). */
export function saysACorrection(text: string): boolean {
  try {
    if (text.length > MAX_COMMAND_CHARACTERS * 2) return false;
    const tokens = tokenize(foldKeepingPlaces(text).text.replace(/['’]/g, ' '));
    return CORRECTION_PHRASES.some((phrase) => findPhrase(tokens, phrase, 0) !== null);
  } catch {
    return false;
  }
}

/** « non », « no », « nope » alone: at the summary, the person disagrees; as an answer elsewhere, it says none. */
const BARE_NO = /^(?:non|no|nope)$/;

/**
 * The field a correction's new value belongs to when its name is not said: « non, c'était le 5 mars », « changer
 * au mardi 3 » give a date. Only where the date is read matters here, so any day serves as today.
 */
function fieldOfValue(folded: FoldedText): ReportField | null {
  return readDatesInFolded(folded, DateTime.now()).spans.length > 0 ? 'dates' : null;
}

const NONE_WORDS = new Set([
  'aucun', 'aucune', 'rien', 'non', 'neant', 'none', 'no', 'nothing', 'nope', 'na', 'ras', 'sans', 'pas', 'de', 'd', 'merci',
  'n', 'a', 'signaler', 'particulier', 'autre', 'autres', 'commentaire', 'commentaires', 'partenaire', 'partenaires', 'remarque',
  'remarques', 'indicateur', 'indicateurs', 'comment', 'comments', 'partner', 'partners', 'thanks', 'for', 'now', 'pour', 'l',
  'instant', 'le', 'moment', 'ce', 'je', 'ai', 'y', 'en', 'il', 'ya', 'special', 'thank', 'you', 'ca', 'va', 'c', 'est', 'tout',
  'concerne', 'concernee', 'concernes', 'concernees', 'ajouter', 'dire', 'applicable', 'objet', 'to', 'add', 'report', 'here',
  'not', 'nous', 'vous', 'sommes', 'suis', 'pertinent', 'relevant', 'plus', 'more',
]);
/** Words that say « none » by themselves; the others only go with one (« pas de commentaire », « rien à signaler »). */
const SAYS_NONE = new Set(['aucun', 'aucune', 'rien', 'non', 'neant', 'none', 'no', 'nothing', 'nope', 'na', 'ras', 'pas', 'sans']);
/** « not applicable », « sans objet »: none said by a phrase whose words alone do not say it. */
const NONE_PHRASES = /(?:^|\s)(?:not applicable|not relevant|sans objet)(?:\s|$)/;

/**
 * « aucun », « rien », « non », « pas de commentaire », « non concerné », « rien à ajouter », « RAS », « n/a »,
 * « none », « not applicable », « - »: an optional field left empty.
 */
export function saysNone(text: string): boolean {
  try {
    if (text.length > MAX_COMMAND_CHARACTERS) return false;
    const typed = foldKeepingPlaces(text).text.trim();
    if (/^(?:-+|\/|\.+|…+)$/u.test(typed)) return true;
    const f = typed.replace(/\s*[!.…]+$/u, '').trim();
    if (/^(?:n\/a|n\.a|x|ø)$/.test(f)) return true;
    const tokens = tokenize(f);
    if (tokens.length === 0 || tokens.length > 8 || !tokens.every((t) => NONE_WORDS.has(t.word))) return false;
    return tokens.some((t) => SAYS_NONE.has(t.word)) || NONE_PHRASES.test(f);
  } catch {
    return false;
  }
}

/** Words said before an answer that are not part of it: « oui », « euh », « ben », « well ». */
const LEADING_FILLER =
  /^[\s,;:.!?…–—-]*(?:(?:oui|ouais|ouai|non|nan|ben|bah|beh|bon ben|euh+|heu+|hum+|hmm+|eh bien|eh ben|alors|yes|yeah|yep|no|nope|well|um+|uh+|erm)(?=[\s,;:.!?…–—]|$)[\s,;:.!?…–—-]*)*/iu;

/**
 * The answer without what is said before it: « oui la caf du rhone et l'udaf 69 » → « la caf du rhone et l'udaf 69 »,
 * « euh, ben la mairie » → « la mairie ». Empty when the text is nothing but those words.
 */
export function cleanAnswer(text: string): string {
  const source = text.length > MAX_ANSWER_CHARACTERS ? text.slice(0, MAX_ANSWER_CHARACTERS) : text;
  return source.replace(LEADING_FILLER, '').trim();
}

/** The longest answer a field holds is far shorter; the rest of a pasted page is not an answer. */
const MAX_ANSWER_CHARACTERS = 10_000;
