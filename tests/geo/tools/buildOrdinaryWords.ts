/**
 * Writes src/geo/words/ordinaryWords.ts: the commune names (folded, without their article) that are also ordinary
 * French or English words, with their singular or plural, so that the place finder reads them as places only when
 * the sentence marks them (see src/geo/words/README.md for the sources and the rule).
 *
 * A build tool, not part of the shipped code: run it again when the commune packages change.
 *   npx esbuild tests/geo/tools/buildOrdinaryWords.ts --bundle --platform=node --outfile=/tmp/bow.js && \
 *   node /tmp/bow.js fr.dic fr_50k.txt en.dic en_50k.txt > src/geo/words/ordinaryWords.ts
 */
import { readFileSync } from 'node:fs';
import { fold } from '../../../src/language/text';
import { loadCommuneTable } from '../../../src/geo/communeCache';
import { keyWithoutArticle } from '../../../src/geo/placeKey';
import { valuesOf } from '../../../src/geo/textColumn';
import { wrappedWords } from './wrapWords';

/** Occurrences per million words from which a word counts as ordinary: "dangers" (4.3) is, "havre" (1.4) is not. */
export const MIN_PER_MILLION = 3;

type Language = { name: string; derivesByRules: boolean; stems: Set<string>; properNouns: Set<string>; perMillion: Map<string, number>; suffixes: readonly string[] };

/** Lower-case entries of a Hunspell dictionary (capitalised ones are proper nouns), folded, without their flags. */
function dictionaryEntries(file: string): { stems: Set<string>; properNouns: Set<string> } {
  const stems = new Set<string>();
  const properNouns = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const word = line.split('/')[0].split(/\s/)[0];
    if (!word || !/^\p{L}+$/u.test(word)) continue;
    (word[0] === word[0].toLowerCase() ? stems : properNouns).add(fold(word));
  }
  return { stems, properNouns };
}

/** A "word count" frequency list, folded (forms that fold alike add up), per million words. */
function frequencies(file: string): Map<string, number> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [word, count] = line.trim().split(' ');
    const n = Number(count);
    if (!word || !Number.isFinite(n)) continue;
    total += n;
    const folded = fold(word);
    counts.set(folded, (counts.get(folded) ?? 0) + n);
  }
  return new Map([...counts].map(([w, n]) => [w, (n * 1e6) / total]));
}

/**
 * Whether a folded form is an ordinary word of the language: a lower-case entry of the dictionary, or a regular
 * inflection of one ("dangers", "tours") that is not more frequent than the entry itself. A plural far more
 * frequent than its singular is a name heard as a word ("paris" is not the plural of "pari" in what people write).
 */
function isOrdinary(form: string, language: Language): boolean {
  const frequency = language.perMillion.get(form) ?? 0;
  if (frequency < MIN_PER_MILLION) return false;
  if (language.stems.has(form)) return true;
  // Conjugated verbs and other forms the dictionary derives by rules ("eu", "bonne") are frequent words too, unless
  // the dictionary knows them as proper nouns ("Vienne", "Paris"). Only in French: the English subtitles' frequent
  // forms missing from the English dictionary are mostly characters' names.
  const derivable = language.suffixes.some((suffix) => form.endsWith(suffix) && language.stems.has(form.slice(0, -suffix.length)));
  if (language.derivesByRules && !derivable && !language.properNouns.has(form)) return true;
  for (const suffix of language.suffixes) {
    if (!form.endsWith(suffix) || form.length <= suffix.length + 1) continue;
    const stem = form.slice(0, -suffix.length);
    if (language.stems.has(stem) && (language.perMillion.get(stem) ?? 0) >= frequency) return true;
  }
  return false;
}

/** The singular and plural forms a form may be typed as ("danger" for "Dangers", "tours" for "Tours"). */
function relatedForms(form: string, language: Language): string[] {
  const out: string[] = [];
  for (const suffix of language.suffixes) {
    out.push(form + suffix);
    if (form.endsWith(suffix) && form.length > suffix.length + 1) out.push(form.slice(0, -suffix.length));
  }
  return out;
}

function main(): void {
  const [frDic, frFreq, enDic, enFreq] = process.argv.slice(2);
  if (!frDic || !frFreq || !enDic || !enFreq) throw new Error('usage: buildOrdinaryWords fr.dic fr_50k.txt en.dic en_50k.txt');
  const languages: Language[] = [
    { name: 'fr', derivesByRules: true, ...dictionaryEntries(frDic), perMillion: frequencies(frFreq), suffixes: ['s', 'x', 'e', 'es'] },
    { name: 'en', derivesByRules: false, ...dictionaryEntries(enDic), perMillion: frequencies(enFreq), suffixes: ['s', 'es'] },
  ];
  const table = loadCommuneTable();
  const words = new Set<string>();
  for (const key of valuesOf(table.nameGroups.keys)) {
    // A name of one word, or an article and one word ("La Garde", "Les Tours"): longer names are not typed by chance.
    const bare = key.includes(' ') ? keyWithoutArticle(key) : key;
    if (!bare || bare.includes(' ') || /\d/.test(bare)) continue;
    for (const language of languages) {
      if (!isOrdinary(bare, language)) continue;
      words.add(bare);
      for (const related of relatedForms(bare, language)) if (isOrdinary(related, language)) words.add(related);
    }
  }
  const { sorted, lines } = wrappedWords(words);
  process.stdout.write(
    `/**\n * Generated by tests/geo/tools/buildOrdinaryWords.ts: do not edit by hand. Sources and licences: README.md beside this file.\n` +
      ` * Commune names (folded, without their article) that are also ordinary French or English words, with their singular\n` +
      ` * or plural: ${sorted.length} words.\n */\n` +
      `export const ORDINARY_WORDS_NAMING_COMMUNES_TEXT = \`\n${lines.join('\n')}\n\`;\n`,
  );
}

main();
