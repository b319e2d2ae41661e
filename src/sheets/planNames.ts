import { STOP_WORDS, contentWords, fold, words } from '../language/text';
import { GLOSSARY } from './glossary';
import type { Plan } from './model';
import { questionTokens } from './phrases';
import { CITIES, DEPARTEMENTS, NAMES_ALSO_WORDS, REGIONS } from './territories';
import { normaliseTerm } from './terms';
import { PLAN_NAMING_CUES } from './vocabulary';

/**
 * Recognises a plan named in a question: by the words of its id ("sdsf", "tours"), an abbreviation of its title
 * ("AVS" for "Animation de la vie sociale…", from the glossary or the title's initials), or words of its title or
 * territory after "du / de / dans le…" ("du schéma jeunesse", "de Tours").
 */

interface PlanWords {
  plan: Plan;
  /** Words that name this plan wherever they appear. */
  names: Set<string>;
  /** Title and territory words, which name the plan only after a naming cue. */
  titleWords: Set<string>;
}

export interface PlanHint {
  planIds: string[];
  /** Named by an id word or an abbreviation, not only by title words. */
  strong: boolean;
  /** Token positions that named the plan. */
  tokens: number[];
}

const MIN_ACRONYM = 3;

/** A plan is named by its words, not by its years or single letters. */
function planNameWords(text: string): string[] {
  return contentWords(text).filter((word) => !/^\d+$/.test(word) && word.length > 1);
}

function planWords(plan: Plan): PlanWords {
  const names = new Set<string>(planNameWords(plan.id.replace(/[-_.]+/g, ' ')).map(normaliseTerm));
  const foldedTitle = fold(plan.title);
  for (const entry of GLOSSARY) {
    if (foldedTitle.includes(fold(entry.expansion))) names.add(fold(entry.term));
  }
  const initials = planNameWords(plan.title).map((word) => word[0]).join('');
  for (let length = MIN_ACRONYM; length <= initials.length; length++) names.add(initials.slice(0, length));
  // Numbers count in titles and periods: "Contrat de ville 2015-2020" and "… 2021-2026" are two plans.
  const titleWords = new Set<string>(
    [...words(plan.title), ...words(plan.territory ?? ''), ...words(plan.period ?? '')]
      .filter((word) => !STOP_WORDS.has(word) && (word.length > 1 || /\d/.test(word)))
      .map(normaliseTerm),
  );
  return { plan, names, titleWords };
}

/** A territory the question names, as written in the list of territories ("Gironde"), at these token positions. */
export interface NamedPlace {
  name: string;
  tokens: number[];
}

interface Place {
  name: string;
  tokens: readonly string[];
}

/** Territories by their first folded word, longest first ("bouches du rhone" before "rhone"). */
const PLACES_BY_FIRST: ReadonlyMap<string, readonly Place[]> = (() => {
  const byFirst = new Map<string, Place[]>();
  for (const name of [...DEPARTEMENTS, ...REGIONS, ...CITIES]) {
    const tokens = questionTokens(name);
    if (tokens.length === 0) continue;
    const list = byFirst.get(tokens[0]) ?? [];
    list.push({ name, tokens });
    byFirst.set(tokens[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return byFirst;
})();

/** Whether a word of the original text, folded, is `token` and starts with a capital ("Somme", not "somme"). */
function writtenWithCapital(text: string, token: string): boolean {
  return (text.match(/[\p{L}]+/gu) ?? []).some((word) => fold(word) === token && word[0] !== word[0].toLowerCase());
}

/** Whether the word stands on its own somewhere, not inside a compound name ("Nord" in "Metz-Nord"). */
function writtenAlone(text: string, token: string): boolean {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].some((match) => {
    if (fold(match[0]) !== token) return false;
    const start = match.index;
    const end = start + match[0].length;
    return text[start - 1] !== '-' && text[end] !== '-';
  });
}

export class PlanNamer {
  private readonly plans: PlanWords[];
  /** Every folded word of the loaded plans' titles, territories and ids: a territory made only of these is covered. */
  private readonly coveredWords: Set<string>;

  constructor(plans: readonly Plan[]) {
    this.plans = plans.map(planWords);
    this.coveredWords = new Set(
      plans.flatMap((plan) => [...words(plan.title), ...words(plan.territory ?? ''), ...words(plan.id.replace(/[-_.]+/g, ' '))]),
    );
  }

  /**
   * Territories the question names that no loaded plan covers ("du Gard" when no plan of the Gard is loaded).
   * Names that are also everyday words count only when written with a capital.
   */
  unknownPlaces(tokens: readonly string[], text: string): NamedPlace[] {
    const found: NamedPlace[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const place = (PLACES_BY_FIRST.get(tokens[i]) ?? []).find((candidate) =>
        candidate.tokens.every((token, k) => tokens[i + k] === token),
      );
      if (!place) continue;
      const positions = place.tokens.map((_, k) => i + k);
      i += place.tokens.length - 1;
      if (place.tokens.length === 1 && NAMES_ALSO_WORDS.has(place.tokens[0]) && !writtenWithCapital(text, place.tokens[0])) continue;
      if (place.tokens.length === 1 && !writtenAlone(text, place.tokens[0])) continue;
      const covered = place.tokens.every((token) => STOP_WORDS.has(token) || this.coveredWords.has(token));
      if (!covered && !found.some((known) => known.name === place.name)) found.push({ name: place.name, tokens: positions });
    }
    return found;
  }

  /** The plans the question names, if it names fewer than all of them. */
  detect(tokens: readonly string[], taken: readonly boolean[]): PlanHint | undefined {
    if (this.plans.length < 2) return undefined;
    const scores = new Map<string, number>();
    const strongPlans = new Set<string>();
    const used = new Set<number>();
    let previousNamed = false;
    for (let i = 0; i < tokens.length; i++) {
      if (taken[i]) {
        previousNamed = false;
        continue;
      }
      // "schéma des services aux familles": stop-words inside a plan's name do not break it.
      if (STOP_WORDS.has(tokens[i])) continue;
      const term = normaliseTerm(tokens[i]);
      const byName = this.plans.filter((p) => p.names.has(term) || p.names.has(tokens[i]));
      const afterCue: boolean = previousNamed || this.followsCue(tokens, i);
      const byTitle: PlanWords[] = afterCue ? this.plans.filter((p) => p.titleWords.has(term)) : [];
      const matched: PlanWords[] = byName.length > 0 ? byName : byTitle;
      previousNamed = matched.length > 0;
      if (matched.length === 0 || matched.length === this.plans.length) continue;
      used.add(i);
      for (const p of matched) {
        scores.set(p.plan.id, (scores.get(p.plan.id) ?? 0) + (byName.length > 0 ? 2 : 1) / matched.length);
        if (byName.length > 0) strongPlans.add(p.plan.id);
      }
    }
    if (scores.size === 0) return undefined;
    const best = Math.max(...scores.values());
    const planIds = [...scores.entries()].filter(([, score]) => score === best).map(([id]) => id);
    if (planIds.length === this.plans.length) return undefined;
    return { planIds, strong: planIds.some((id) => strongPlans.has(id)), tokens: [...used] };
  }

  /** "du schéma", "de la", "dans le": a cue up to two short words back. */
  private followsCue(tokens: readonly string[], index: number): boolean {
    for (let back = 1; back <= 3 && index - back >= 0; back++) {
      const token = tokens[index - back];
      if (PLAN_NAMING_CUES.has(token)) return true;
      if (!STOP_WORDS.has(token)) return false;
    }
    return false;
  }
}
