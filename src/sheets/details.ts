import type { AskedField } from './vocabulary';

/**
 * A question may ask for a detail a sheet's section can hold or not: an amount, a way to reach someone, a named
 * person, a date. The section may exist and still not hold it ("Financement : Caf, MSA" gives no amount): the answer
 * then says so plainly before quoting what the section says. Phrases are matched on folded question tokens;
 * detectors run on the sheet's own words.
 */

export const ASKED_DETAILS = ['amount', 'contact', 'person', 'date'] as const;
export type AskedDetail = (typeof ASKED_DETAILS)[number];

export interface DetailRule {
  detail: AskedDetail;
  /** Question phrases that ask for it. */
  phrases: readonly string[];
  /** The fields that would hold it when the question names none. */
  fields: readonly AskedField[];
  /** Whether a text holds such a detail. */
  holds: (text: string) => boolean;
}

const AMOUNT = /\d[\d\s.,]*\s?(?:€|k€|m€|euros?\b|eur\b)|€\s?\d/i;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const PHONE = /(?:\+33\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/;
const WEB = /\bhttps?:\/\/|\bwww\./i;
const CIVILITY = /\b(?:M\.|Mme|Mlle|Madame|Monsieur|Dr)\s+\p{Lu}/u;
const YEAR = /\b(?:19|20)\d{2}\b/;
const MONTH =
  /\b(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
const DAY_DATE = /\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b/;
const SEASON = /\b(?:rentr[ée]e|printemps|[ée]t[ée]|automne|hiver|trimestre|semestre)\b/i;

export const DETAIL_RULES: readonly DetailRule[] = [
  {
    detail: 'amount',
    phrases: [
      'montant', 'montants', 'combien coute', 'combien ca coute', 'combien d argent', 'en euros', 'euros', 'euro', 'somme', 'sommes',
      'chiffrage', 'cout', 'couts', 'how much', 'amount', 'amounts', 'cost', 'costs', 'in euros',
    ],
    fields: ['funding'],
    holds: (text) => AMOUNT.test(text),
  },
  {
    detail: 'contact',
    phrases: [
      'mail', 'email', 'e mail', 'courriel', 'adresse mail', 'telephone', 'tel', 'numero de telephone', 'joindre', 'contacter',
      'contact', 'contacts', 'coordonnees', 'site internet', 'site web', 'phone', 'phone number', 'reach', 'website',
    ],
    fields: ['pilot'],
    holds: (text) => EMAIL.test(text) || PHONE.test(text) || WEB.test(text),
  },
  {
    detail: 'person',
    phrases: ['la personne', 'quelle personne', 'interlocuteur', 'interlocutrice', 'qui precisement', 'nominativement', 'which person', 'whose name'],
    fields: ['pilot'],
    holds: (text) => CIVILITY.test(text),
  },
  {
    detail: 'date',
    phrases: ['quand', 'date', 'dates', 'quel jour', 'quelle date', 'a quelle date', 'when', 'what date', 'which day'],
    fields: ['deadlines'],
    holds: (text) => YEAR.test(text) || MONTH.test(text) || DAY_DATE.test(text) || SEASON.test(text),
  },
];

/** "le prochain comité": a date for one coming event needs a day or a month, not a span of years. */
export const NEXT_EVENT_PHRASES: readonly string[] = ['prochain', 'prochaine', 'prochains', 'prochaines', 'next', 'upcoming'];

/** Whether a text gives a day or a month, not only years. */
export function holdsDay(text: string): boolean {
  return MONTH.test(text) || DAY_DATE.test(text);
}

const RULES_BY_DETAIL: ReadonlyMap<AskedDetail, DetailRule> = new Map(DETAIL_RULES.map((rule) => [rule.detail, rule]));

export function detailRule(detail: AskedDetail): DetailRule {
  const rule = RULES_BY_DETAIL.get(detail);
  if (!rule) throw new Error(`no rule for detail ${detail}`);
  return rule;
}

/** The asked details none of these texts holds (a next event's date needs a day or a month). */
export function detailsMissing(texts: readonly string[], details: readonly AskedDetail[], nextEvent: boolean): AskedDetail[] {
  return details.filter((detail) => {
    if (detail === 'date' && nextEvent) return !texts.some(holdsDay);
    const rule = detailRule(detail);
    return !texts.some((text) => rule.holds(text));
  });
}
