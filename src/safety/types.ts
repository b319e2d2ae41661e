import { z } from 'zod';

/**
 * What the safety reader finds in a message, and the shape of its vocabulary. The concerns are listed in order of
 * urgency: a reading keeps that order, and the reply names the numbers in it, the most urgent first. One exception: a
 * concern raised only because a child is there (violence *in front of* the children) comes right after the concern of
 * the person who wrote, so that the victim's own line is named first.
 */
export const SAFETY_CONCERNS = [
  'immediate-danger',
  'medical-emergency',
  'suicide',
  'child-danger',
  'domestic-violence',
  'sexual-violence',
  'runaway',
  'abduction',
  'breaking-point',
  // Last: a baby was shaken and no sign of harm is said (a sign makes it a medical emergency, first): the 15 if a sign
  // shows, after what the writer needs now (the 119 for a parent at breaking point, or for a child in danger).
  'shaken-baby',
] as const;
export const SafetyConcernSchema = z.enum(SAFETY_CONCERNS);
export type SafetyConcern = z.infer<typeof SafetyConcernSchema>;

/**
 * The concerns a message raises, most urgent first (a child's concern raised by witness after the concern that raised
 * it), each once; and whether the writer says they cannot call (deaf, hard of hearing, cannot speak): then the number
 * reached by text comes before every voice line. No concern only when the whole message says that the writer cannot
 * call (« je suis sourde »): the 114 is offered, with no alarm.
 */
export const SafetyReadingSchema = z
  .object({ concerns: z.array(SafetyConcernSchema), cannotCall: z.literal(true).optional() })
  .strict()
  .refine((reading) => new Set(reading.concerns).size === reading.concerns.length, { message: 'concerns are listed once each' })
  .refine((reading) => reading.concerns.length > 0 || reading.cannotCall === true, { message: 'a reading names a concern, or says the writer cannot call' });
export type SafetyReading = z.infer<typeof SafetyReadingSchema>;

const Bilingual = z.object({ fr: z.string().min(1), en: z.string().min(1) }).strict();
export type BilingualText = z.infer<typeof Bilingual>;

/**
 * A phrase as written in the vocabulary: folded words separated by spaces, `@name` for any word of a word class, and
 * `…` where a few other words may stand ("@conjoint … me … @frapper" meets "mon mari il me frappe").
 */
const Phrase = z.string().regex(/^[^\s…]+(?: (?:…|[^\s…]+))*$/, 'words separated by single spaces, … between two words');
const PhrasesByLanguage = z.object({ fr: z.array(Phrase), en: z.array(Phrase) }).strict();

const Url = z.url({ protocol: /^https$/ });

/** A national number: what it is called and what it is for, as the reply says it, with the pages that say so. */
export const SafetyNumberSchema = z
  .object({
    /** The digits to dial, as dialled in France. */
    dial: z.string().regex(/^\d{2,6}$/),
    /** The number as written for a reader ("116 000"). */
    display: z.string().min(2),
    name: Bilingual,
    /** What it is for and when it answers, short enough for a 360 px card. */
    description: Bilingual,
    /** `call`: a tel: button; `sms`: reached by text message only, shown without a call button. */
    reach: z.enum(['call', 'sms']),
    sources: z.array(Url).min(1),
  })
  .strict();
export type SafetyNumber = z.infer<typeof SafetyNumberSchema>;

/** One sentence of the reply and the numbers it names. */
const CallSchema = z.object({ numbers: z.array(z.string()).min(1), line: Bilingual }).strict();
export type SafetyCall = z.infer<typeof CallSchema>;

export const ConcernVocabularySchema = z
  .object({
    id: SafetyConcernSchema,
    /** What the reply says for this concern, the right numbers first. */
    calls: z.array(CallSchema).min(1),
    /** Said after the numbers when this concern is found without an immediate danger: "En cas de danger immédiat : 17 ou 112." */
    reminder: z.boolean(),
    /** Said by a person about themselves or their child: always a concern. */
    statements: PhrasesByLanguage,
    /** The name of the danger ("violences conjugales"): a concern unless the message is about sheets, actions, prevention. */
    topics: PhrasesByLanguage,
    /** Phrases that overlap a match and mean something else ("venir à bout", "mourir de rire"). */
    exceptions: PhrasesByLanguage,
    /**
     * Words that, standing inside a match, cancel it: « devant » in « il me frappe devant mes enfants » makes the
     * children witnesses, not the ones hit (the witnesses' concern comes from `withChild`, after the writer's own).
     */
    interruptions: PhrasesByLanguage.default({ fr: [], en: [] }),
    /**
     * Phrases that say the situation is over ("il est revenu", "on l'a retrouvée"): a match of this concern said before
     * one of them no longer counts; one said after it still does ("il est revenu, mais ce matin il a refait une fugue").
     */
    resolutions: PhrasesByLanguage,
    /**
     * Phrases that raise this concern only in a message that also names a word of one of `classes`: « tout mou » of a
     * baby is an emergency, of a teenager a figure of speech; « il vomit » after « je l'ai secoué » is a sign of harm.
     */
    inContext: z.array(z.object({ classes: z.array(z.string()).min(1), phrases: PhrasesByLanguage }).strict()).default([]),
    /** A concern that is raised as well when the message names a child ("devant les enfants"). */
    withChild: SafetyConcernSchema.optional(),
  })
  .strict();
export type ConcernVocabulary = z.infer<typeof ConcernVocabularySchema>;

const SingleWord = z.string().regex(/^[a-z0-9]+$/, 'one folded word');

export const SafetyVocabularySchema = z
  .object({
    numbers: z.record(z.string(), SafetyNumberSchema),
    /** SMS spellings and abbreviations, each rewritten to plain words before matching ("jvx" → "je veux"). */
    rewrites: z.record(SingleWord, z.string().min(1)),
    /**
     * Words written apart that name one person, read as one word of a class ("beau père" → "beaupere", "petit ami" →
     * "copain"): a phrase then needs no gap for them. Phrases write the joined word, never the words apart.
     */
    compounds: z.record(z.string().regex(/^[a-z0-9]+(?: [a-z0-9]+)+$/, 'two folded words or more'), SingleWord),
    /**
     * Asides dropped before matching, `#` for a number: a child's age (« ma fille de 14 ans n'est pas rentrée »,
     * « my 13 year old daughter ») says nothing of the danger and must not push a phrase's words out of its gap.
     */
    asides: z.array(z.string().regex(/^(?:#|[a-z0-9]+)(?: (?:#|[a-z0-9]+))*$/, 'folded words or #, separated by single spaces')),
    /**
     * What follows a « j » glued to a verb in SMS French, when that part is no word of its own ("jveu" → "je" + "veu"
     * → "je veux", "jpx" → "je peux", "jmen" → "je m'en"). A glued part that is a word ("jsuis", "jtiens") or a
     * vocabulary word ("jetouffe") needs no entry: the reader splits it by rule (detect.ts).
     */
    afterJe: z.record(SingleWord, z.string().min(1)),
    /** Word classes used in phrases as `@name`: each a list of single folded words. */
    classes: z.record(z.string().regex(/^[a-z]+$/), z.array(SingleWord).min(1)),
    /** The classes whose words name a child (for `withChild`). */
    childClasses: z.array(z.string()).min(1),
    /** Real words one typo away from a vocabulary word: never read as a typo ("voilée" is not "violée"). */
    notTypos: z.array(SingleWord),
    /** Words that show a message is about sheets, programmes or prevention rather than a person's own situation. */
    topicFrames: PhrasesByLanguage,
    /** Said after the numbers when the reply has no immediate danger and a concern asks for it. */
    reminder: z.object({ numbers: z.array(z.string()).min(1), line: Bilingual }).strict(),
    /**
     * A person who says they cannot call (« je suis sourde », « je peux pas téléphoner », « I'm deaf »): with any
     * concern, the number reached by text (114) is said first. Never a concern on its own: « un LAEP pour parents
     * sourds » is a search.
     */
    cannotCall: z
      .object({
        statements: PhrasesByLanguage,
        exceptions: PhrasesByLanguage,
        call: CallSchema,
        /**
         * Words that may stand beside the statement in a message that says nothing else (« bonjour, je suis sourde,
         * aidez-moi »): such a message is answered with the 114 alone. Any other word makes it a search or a question.
         */
        alone: z.array(SingleWord),
      })
      .strict(),
    /** Said last when no emergency number leads: the bot can look for a listening service nearby. */
    closing: Bilingual,
    concerns: z.array(ConcernVocabularySchema),
  })
  .strict()
  .superRefine((vocabulary, context) => {
    const ids = vocabulary.concerns.map((c) => c.id);
    for (const id of SAFETY_CONCERNS) if (!ids.includes(id)) context.addIssue({ code: 'custom', message: `concern ${id} has no vocabulary` });
    if (new Set(ids).size !== ids.length) context.addIssue({ code: 'custom', message: 'a concern is described twice' });
    const numbers = [
      ...vocabulary.concerns.flatMap((c) => c.calls.flatMap((call) => call.numbers)),
      ...vocabulary.reminder.numbers,
      ...vocabulary.cannotCall.call.numbers,
    ];
    for (const number of numbers) if (!(number in vocabulary.numbers)) context.addIssue({ code: 'custom', message: `unknown number ${number}` });
    const classNames = [...vocabulary.childClasses, ...vocabulary.concerns.flatMap((c) => c.inContext.flatMap((when) => when.classes))];
    for (const name of classNames) if (!(name in vocabulary.classes)) context.addIssue({ code: 'custom', message: `unknown class ${name}` });
    const phrases = [
      ...vocabulary.topicFrames.fr,
      ...vocabulary.topicFrames.en,
      ...[vocabulary.cannotCall.statements, vocabulary.cannotCall.exceptions].flatMap((phrases) => [...phrases.fr, ...phrases.en]),
      ...vocabulary.concerns.flatMap((c) =>
        [c.statements, c.topics, c.exceptions, c.resolutions, c.interruptions, ...c.inContext.map((when) => when.phrases)].flatMap((phrases) => [
          ...phrases.fr,
          ...phrases.en,
        ]),
      ),
    ];
    const compounds = Object.keys(vocabulary.compounds);
    for (const phrase of phrases) {
      const spaced = ` ${phrase} `;
      for (const compound of compounds) if (spaced.includes(` ${compound} `)) context.addIssue({ code: 'custom', message: `"${phrase}" writes "${compound}" apart` });
      for (const word of phrase.split(' ')) {
        if (word.startsWith('@') && !(word.slice(1) in vocabulary.classes)) context.addIssue({ code: 'custom', message: `unknown class in "${phrase}"` });
      }
      if (phrase.startsWith('…') || phrase.endsWith('…')) context.addIssue({ code: 'custom', message: `"${phrase}" starts or ends with …` });
    }
  });
export type SafetyVocabulary = z.infer<typeof SafetyVocabularySchema>;
