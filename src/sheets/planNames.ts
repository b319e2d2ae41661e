import { STOP_WORDS, contentWords, fold, words } from '../language/text';
import { GLOSSARY } from './glossary';
import type { Plan } from './model';
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

export class PlanNamer {
  private readonly plans: PlanWords[];

  constructor(plans: readonly Plan[]) {
    this.plans = plans.map(planWords);
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
