import { foldKeepingPlaces, tokenize, type Token } from './folding';
import { findPhrase, phrases, type Phrase } from './words';

/** The report's fields a person names when correcting one (ReportBody's keys; « dates » is startDate and endDate). */
export type ReportField =
  | 'sheet' | 'action' | 'title' | 'kind' | 'dates' | 'sessions' | 'parents' | 'children' | 'families' | 'qpvParents'
  | 'singleParentFamilies' | 'partners' | 'indicators' | 'comment';

export type FormCommand = { kind: 'confirm' } | { kind: 'cancel' } | { kind: 'edit'; field: ReportField | null } | null;

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
  const f = foldKeepingPlaces(text).text.replace(/[!.?👍✅]+$/u, '').trim();
  if (f.length === 0) return null;
  const tokens = tokenize(f);
  const edit = EDIT_VERBS.test(f) || WRONG.test(f);
  if (CANCEL.test(f) && !edit) return { kind: 'cancel' };
  if (edit) return { kind: 'edit', field: fieldNamed(tokens) };
  if (tokens.length > 0 && tokens.every((t) => CONFIRM_WORDS.has(t.word)) && tokens.some((t) => CONFIRMING.has(t.word))) {
    return { kind: 'confirm' };
  }
  // « non », « non, le nombre de parents »: the summary is not right; what to change, if said.
  const no = /^(?:non|no|nope|pas du tout)(?:\s|,|$)/.test(f);
  if (no) return { kind: 'edit', field: fieldNamed(tokens) };
  // A field named alone, after « que voulez-vous modifier ? »: « les partenaires », « le nombre de parents ».
  if (tokens.length <= 5 && !tokens.some((t) => t.digits)) {
    const field = fieldNamed(tokens);
    const rest = tokens.filter((t) => !/^(?:le|la|les|l|de|des|d|du|nombre|the|number|of|sur|la|en)$/.test(t.word));
    if (field !== null && rest.length <= 2) return { kind: 'edit', field };
  }
  return null;
}

const NONE_WORDS = new Set([
  'aucun', 'aucune', 'rien', 'non', 'neant', 'none', 'no', 'nothing', 'nope', 'na', 'ras', 'sans', 'pas', 'de', 'd', 'merci',
  'n', 'a', 'signaler', 'particulier', 'autre', 'autres', 'commentaire', 'commentaires', 'partenaire', 'partenaires', 'remarque',
  'remarques', 'indicateur', 'indicateurs', 'comment', 'comments', 'partner', 'partners', 'thanks', 'for', 'now', 'pour', 'l',
  'instant', 'le', 'moment', 'ce', 'je', 'ai', 'y', 'en', 'il', 'ya', 'special', 'thank', 'you', 'ca', 'va', 'c', 'est', 'tout',
]);
/** Words that say « none » by themselves; the others only go with one (« pas de commentaire », « rien à signaler »). */
const SAYS_NONE = new Set(['aucun', 'aucune', 'rien', 'non', 'neant', 'none', 'no', 'nothing', 'nope', 'na', 'ras', 'pas', 'sans']);

/** « aucun », « rien », « non », « pas de commentaire », « none », « - »: an optional field left empty. */
export function saysNone(text: string): boolean {
  try {
    if (text.length > MAX_COMMAND_CHARACTERS) return false;
    const f = foldKeepingPlaces(text).text.trim();
    if (/^(?:-+|\/|\.+|n\/a|x|ø)$/.test(f)) return true;
    const tokens = tokenize(f);
    return tokens.length > 0 && tokens.length <= 8 && tokens.every((t) => NONE_WORDS.has(t.word)) && tokens.some((t) => SAYS_NONE.has(t.word));
  } catch {
    return false;
  }
}
