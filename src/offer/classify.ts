import { peerGroups } from './peerGroups';
import { foldedText, PhraseMatcher, type FoldedText } from './phrases';
import { AUDIENCES, FAMILY_THEME_PREFIX, KIND_AGES, KINDS, PEER_GROUP, REMOTE_KINDS, SCHOOL_STAGES, type AudienceId, type KindId, type SchoolStage } from './vocabulary';

/** Recognising what a service is, from its own words (the schema has no value for these kinds). */

const serviceKinds = new PhraseMatcher<KindId>(KINDS.flatMap((k) => k.serviceWords.map((w) => [w, k.id] as const)));
const serviceAudiences = new PhraseMatcher<AudienceId>(AUDIENCES.flatMap((a) => a.serviceWords.map((w) => [w, a.id] as const)));

/** Kinds that describe the place hosting a service rather than the service: given to structure entries only. */
export const PLACE_KINDS: ReadonlySet<KindId> = new Set(['centre-social']);

function kindsIn(text: FoldedText | null): Set<KindId> {
  const found = new Set<KindId>();
  if (!text) return found;
  for (const match of serviceKinds.findExact(text.tokens)) found.add(match.value);
  return found;
}

export type ServiceText = {
  name: FoldedText;
  description: FoldedText | null;
  /** The schema's type(s), as words. */
  types: readonly string[] | null;
  remote: boolean;
};

/** The opening of a description is where it says what the service is. */
const DESCRIPTION_HEAD_TOKENS = 60;

/**
 * The kinds of a service. Its name says best what it is; the description is read only when the name says nothing,
 * because descriptions often mention other activities ("en lien avec le LAEP voisin").
 */
export function kindsOfService(service: ServiceText): KindId[] {
  let kinds = kindsIn(service.name);
  for (const place of PLACE_KINDS) kinds.delete(place);
  // « Groupe parents d'ados », « Groupe des papas »: a name that says a group of parents and no kind of its own. A
  // group of parents that is something else (« Groupe de parents d'élèves ») is no groupe de parole.
  const groups = peerGroups(service.name.tokens);
  if (kinds.size === 0 && groups.some((group) => !group.other)) kinds.add(PEER_GROUP.kind);
  if (groups.length > 0 && groups.every((group) => group.other)) kinds.delete(PEER_GROUP.kind);
  if (kinds.size === 0) {
    const typeWords = foldedText((service.types ?? []).join(' '))?.tokens ?? [];
    const head = service.description?.tokens.slice(0, DESCRIPTION_HEAD_TOKENS) ?? [];
    kinds = kindsIn({ folded: '', tokens: [...typeWords, '.', ...head] });
    for (const place of PLACE_KINDS) kinds.delete(place);
  }
  if (service.remote) {
    for (const kind of [...kinds]) {
      const remoteKind = REMOTE_KINDS[kind];
      if (remoteKind) kinds.add(remoteKind);
    }
  }
  return [...kinds];
}

/** Whether a structure is a place of its own for parents (centre social, EVS, maison des familles). */
export function isFamilyPlace(name: FoldedText, description: FoldedText | null): boolean {
  const kinds = kindsIn(name);
  if (kinds.has('centre-social')) return true;
  const head = description ? { folded: '', tokens: description.tokens.slice(0, 30) } : null;
  return kinds.size === 0 && kindsIn(head).has('centre-social');
}

/**
 * The audiences a service is for: those its words name ("parents d'ados", "familles monoparentales"), and those whose
 * children's ages hold the ages it states or its kind implies ("moins de 4 ans", a LAEP: tout-petits). An upper bound
 * one year above the audience's is still within it: "0-6 ans" is written for children under 6.
 */
export function audiencesOfService(texts: ReadonlyArray<FoldedText | null>, kinds: readonly KindId[] = []): AudienceId[] {
  const found = new Set<AudienceId>(namedAudiences(texts));
  const ages = statedAges(texts) ?? kindAges(kinds);
  if (ages) {
    for (const audience of AUDIENCES) {
      if (audience.ages && ages[0] >= audience.ages[0] && ages[1] <= audience.ages[1] + 1) found.add(audience.id);
    }
  }
  return [...found];
}

function namedAudiences(texts: ReadonlyArray<FoldedText | null>): AudienceId[] {
  const found = new Set<AudienceId>();
  for (const text of texts) {
    if (!text) continue;
    for (const match of serviceAudiences.findExact(text.tokens)) found.add(match.value);
  }
  return [...found];
}

const AGE_RANGES: readonly RegExp[] = [
  /\b(?:de|entre)\s+(\d{1,2})\s+(?:a|et)\s+(\d{1,2})\s+ans\b/g,
  /\b(\d{1,2})\s*-\s*(\d{1,2})\s*ans\b/g,
  /\b(\d{1,2})\s+a\s+(\d{1,2})\s+ans\b/g,
];
const AGE_BELOW = /\bmoins\s+de\s+(\d{1,2})\s+ans\b/g;
/** Babies' ages are given in months (« bébés de 0 à 12 mois », « moins de 18 mois »): read as the years they span. */
const MONTH_RANGES: readonly RegExp[] = [/\b(?:de|entre)\s+(\d{1,2})\s+(?:a|et)\s+(\d{1,2})\s+mois\b/g, /\b(\d{1,2})\s*-\s*(\d{1,2})\s*mois\b/g];
const MONTHS_BELOW = /\bmoins\s+de\s+(\d{1,2})\s+mois\b/g;
/** The years a child of `months` months is in: 12 months is still « under one » in a range « de 0 à 12 mois ». */
const yearsOfMonths = (months: number, upper: boolean): number => (upper ? Math.max(0, Math.ceil(months / 12) - 1) : Math.floor(months / 12));

const serviceStages = new PhraseMatcher<SchoolStage>(SCHOOL_STAGES.flatMap((stage) => stage.serviceWords.map((w) => [w, stage] as const)));
const parentStages = new PhraseMatcher<SchoolStage>(SCHOOL_STAGES.flatMap((stage) => stage.parentWords.map((w) => [w, stage] as const)));
/** Words between the two years of a range: « du CP au CM2 », « de la 6e à la 3e », « CP-CM2 », « 6e et 5e ». */
const RANGE_LINKS: ReadonlySet<string> = new Set(['au', 'a', 'la', 'l', 'jusqu', 'et', 'to']);
/** Words before a stage or year in a parent's message: « en CE2 », « au collège », « à la maternelle », « in year 3 ». */
const BEFORE_STAGE: ReadonlySet<string> = new Set(['en', 'au', 'a', 'la', 'l', 'in', 'at', 'de', 'du']);

/**
 * The children's ages the school words of a service's text say: pupils and schools (« écoliers et collégiens »:
 * 6–15) and ranges of years (« du CP au CM2 »: 6–10), widened over all; null when it names none.
 */
export function schoolAgesOfService(tokens: readonly string[]): [number, number] | null {
  const matches = serviceStages.findExact(tokens);
  let min = Infinity;
  let max = -Infinity;
  const widen = (ages: readonly [number, number]) => {
    min = Math.min(min, ages[0]);
    max = Math.max(max, ages[1]);
  };
  for (const match of matches) {
    if (!match.value.grade) {
      widen(match.value.ages);
      continue;
    }
    const end = matches.find((other) => other.value.grade && other.start >= match.end && other.start - match.end <= 2 &&
      tokens.slice(match.end, other.start).every((t) => RANGE_LINKS.has(t)));
    if (end) widen([Math.min(match.value.ages[0], end.value.ages[0]), Math.max(match.value.ages[1], end.value.ages[1])]);
  }
  return min === Infinity ? null : [min, max];
}

/**
 * The school stage or year a parent's message puts the child in (« ma fille en CE2 », « mon fils est au collège »),
 * read after « en », « au »… only: « CP » or « lycée » elsewhere in a sentence may be something else.
 */
export function schoolStageOfChild(tokens: readonly string[]): { stage: SchoolStage; start: number; end: number } | null {
  for (const match of parentStages.findExact(tokens)) {
    if (match.start > 0 && BEFORE_STAGE.has(tokens[match.start - 1])) return { stage: match.value, start: match.start, end: match.end };
  }
  return null;
}

/** The children's ages a service's words state ("de 3 à 10 ans", "0-6 ans", "moins de 6 ans", "écoliers"), widened over all. */
function statedAges(texts: ReadonlyArray<FoldedText | null>): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const text of texts) {
    const school = text ? schoolAgesOfService(text.tokens) : null;
    if (school) {
      min = Math.min(min, school[0]);
      max = Math.max(max, school[1]);
    }
    if (text && text.folded.includes('mois')) {
      for (const pattern of MONTH_RANGES) {
        for (const m of text.folded.matchAll(pattern)) {
          const a = Number(m[1]);
          const b = Number(m[2]);
          if (a <= b && b <= 72) {
            min = Math.min(min, yearsOfMonths(a, false));
            max = Math.max(max, yearsOfMonths(b, true));
          }
        }
      }
      for (const m of text.folded.matchAll(MONTHS_BELOW)) {
        const below = Number(m[1]);
        if (below > 0 && below <= 72) {
          min = Math.min(min, 0);
          max = Math.max(max, yearsOfMonths(below - 1, true));
        }
      }
    }
    if (!text || !text.folded.includes('ans')) continue;
    const folded = text.folded;
    for (const pattern of AGE_RANGES) {
      for (const m of folded.matchAll(pattern)) {
        const a = Number(m[1]);
        const b = Number(m[2]);
        if (a <= b && b <= 25) {
          min = Math.min(min, a);
          max = Math.max(max, b);
        }
      }
    }
    for (const m of folded.matchAll(AGE_BELOW)) {
      const below = Number(m[1]);
      if (below > 0 && below <= 25) {
        min = Math.min(min, 0);
        max = Math.max(max, below - 1);
      }
    }
  }
  return min === Infinity ? null : [min, max];
}

/** The ages a kind is for by definition (a LAEP: under 6), widened over the service's kinds. */
function kindAges(kinds: readonly KindId[]): [number, number] | null {
  const ranges = kinds.flatMap((kind) => (KIND_AGES[kind] ? [KIND_AGES[kind]] : []));
  if (ranges.length === 0) return null;
  return [Math.min(...ranges.map((r) => r[0])), Math.max(...ranges.map((r) => r[1]))];
}

/**
 * Children's ages a service is for: those it states, else those its kind implies (a LAEP), else those of the audience
 * its words name (a group for parents of teenagers is for 11–17), so that the parent of a baby never gets the group
 * for teenagers. A service for several audiences with ages spans them; one for single parents has no ages.
 */
export function agesOfService(texts: ReadonlyArray<FoldedText | null>, kinds: readonly KindId[]): [number, number] | null {
  const stated = statedAges(texts) ?? kindAges(kinds);
  if (stated) return stated;
  const ranges = namedAudiences(texts).flatMap((id) => {
    const ages = AUDIENCES.find((a) => a.id === id)?.ages;
    return ages ? [ages] : [];
  });
  if (ranges.length === 0) return null;
  return [Math.min(...ranges.map((r) => r[0])), Math.max(...ranges.map((r) => r[1]))];
}

export function isFamilyTheme(themes: readonly string[] | null): boolean {
  return (themes ?? []).some((theme) => theme.startsWith(FAMILY_THEME_PREFIX));
}
