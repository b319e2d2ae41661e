import { DateTime } from 'luxon';
import type { Store } from '../../src/storage';
import { teamsStaff, withBotAndItsStore } from '../helpers/enrolment';
import { folded, type TestBot } from '../helpers/transcript';

/**
 * Issue 10, round 2: what new staff users met in the report conversation, through the whole bot on the shipped sheets.
 * Dates are written relative to today in Paris, so the transcripts hold whatever day they run.
 */
let bot: TestBot;
let store: Store;
withBotAndItsStore((running) => ({ bot, store } = running));

const ZONE = 'Europe/Paris';
const today = () => DateTime.now().setZone(ZONE).startOf('day');
const FRENCH_WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
/** « 12 mars 2026 », as staff type a date. */
const written = (date: DateTime) => date.setLocale('fr-FR').toFormat('d MMMM yyyy');

const { newChat, enrolled, draftOf } = teamsStaff(() => ({ bot, store }), 'round2');

/** From « Pour quelle fiche ? » to the summary of a report on PA 3.2.1: 1 session, 8 parents, 2 in a QPV, 5 children, 6 families. */
async function toSummary(chat: ReturnType<typeof newChat>) {
  for (const answer of ['PA 3.2.1', '1', 'groupe de parole', 'Groupe du lundi', 'hier', '1', '8', '2', '5', '6', '1', 'aucun']) await chat.says(answer);
  let turn = await chat.says('non concerné');
  for (let guard = 0; guard < 6 && !folded(turn.text).includes('confirmer'); guard++) turn = await chat.says('non concerné');
  expect(folded(turn.text)).toContain('confirmer');
  return turn;
}

/** The codes of the sheets a choice lists, in its order (« 1. PA 2.3.3 — … »). */
function offeredCodes(text: string): string[] {
  return [...text.matchAll(/^\d+\. ((?:PA|FICHE) [\d.]+)/gm)].map((match) => match[1] as string);
}

describe('1. « Pour quelle fiche ? » answered with the sheet’s subject', () => {
  test.each([
    ['celle sur les cafés des parents', 'FICHE 1.2.5', 'tours-cdv/1.2.5', 'soutenir la vie familiale'],
    ['l’accompagnement à la scolarité', 'PA 2.3.3', 'rhone-avs/2.3.3', 'conforter les actions solidaires'],
    ['la fiche sur les conseils locaux de la parentalité', 'PA 3.2.1', 'rhone-sdsf/3.2.1', 'conseils locaux'],
  ])('« %s »: one sheet fits, it is taken and said by its code and title', async (answer, code, sheetId, title) => {
    const chat = await enrolled();
    const reply = folded((await chat.says(answer)).text);
    expect(reply).toContain(`fiche retenue : ${folded(code)}`);
    expect(reply).toContain(title);
    expect((await draftOf(chat)).values?.sheet).toMatchObject({ sheetId });
    // The subject named the sheet, not the kind of action: the kind is still asked.
    expect((await draftOf(chat)).values).not.toHaveProperty('kind');
  });

  test('« la fiche sur la médiation familiale »: several sheets fit, numbered with their codes; « 2 » picks the second', async () => {
    const chat = await enrolled();
    const turn = await chat.says('la fiche sur la médiation familiale');
    expect(folded(turn.text)).toContain('plusieurs fiches parlent de « la mediation familiale »');
    const listed = offeredCodes(turn.text);
    expect(listed.length).toBeGreaterThanOrEqual(2);
    // Each offered sheet is a quick reply, by its code.
    expect(JSON.stringify(turn.replies)).toContain(`"${listed[0]}"`);
    expect((await draftOf(chat)).values).not.toHaveProperty('sheet');
    const taken = folded((await chat.says('2')).text);
    expect(taken).toContain(`fiche retenue : ${folded(listed[1]!)}`);
    expect((await draftOf(chat)).values?.sheet).toMatchObject({ sheetCode: listed[1] });
  });

  test('the choice is answered by its code too, or « la première »', async () => {
    const chat = await enrolled();
    const listed = offeredCodes((await chat.says('la fiche sur la médiation familiale')).text);
    expect(folded((await chat.says('la première')).text)).toContain(`fiche retenue : ${folded(listed[0]!)}`);
    const other = await enrolled(newChat());
    await other.says('la fiche sur la médiation familiale');
    await other.says(listed[1]!);
    expect((await draftOf(other)).values?.sheet).toMatchObject({ sheetCode: listed[1] });
  });

  test('« la fiche sur les éléphants »: none fits; the re-ask says a code or a subject will do', async () => {
    const chat = await enrolled();
    const reply = folded((await chat.says('la fiche sur les éléphants')).text);
    expect(reply).toContain('je ne trouve pas de fiche sur « les elephants »');
    expect(reply).toContain('numero de la fiche');
    expect(reply).toContain('son sujet');
    expect((await draftOf(chat)).values).not.toHaveProperty('sheet');
  });

  test('a sentence that tells the action, not the sheet, is not taken for a subject', async () => {
    const chat = await enrolled();
    const reply = folded((await chat.says('café des parents hier, 14 parents')).text);
    expect(reply).not.toContain('fiche retenue');
    expect((await draftOf(chat)).values).toMatchObject({ kind: 'cafe-des-parents', parents: 14 });
    expect((await draftOf(chat)).values).not.toHaveProperty('sheet');
  });
});

describe('2. « cette fiche » when a sheet is under discussion', () => {
  test('a question on PA 3.2.1, then « déclarer une action »: « cette fiche » is PA 3.2.1', async () => {
    const chat = newChat();
    expect(folded((await chat.says('qui pilote la PA 3.2.1 ?')).text)).toContain('3.2.1');
    await enrolled(chat);
    const reply = folded((await chat.says('cette fiche')).text);
    expect(reply).toContain('fiche retenue : pa 3.2.1');
    expect((await draftOf(chat)).values?.sheet).toMatchObject({ sheetId: 'rhone-sdsf/3.2.1' });
  });

  test.each(['la même fiche', 'celle-là', 'oui c’est celle-ci'])('a question in the middle of the form, then « %s »', async (answer) => {
    const chat = await enrolled();
    expect(folded((await chat.says('quels sont les partenaires de la PA 2.3.2 ?')).text)).toContain('quelle fiche');
    expect(folded((await chat.says(answer)).text)).toContain('fiche retenue : pa 2.3.2');
    expect((await draftOf(chat)).values?.sheet).toMatchObject({ sheetId: 'rhone-sdsf/2.3.2' });
  });

  test('no sheet discussed yet: « cette fiche » is said not known, with how to name one', async () => {
    const chat = await enrolled();
    const reply = folded((await chat.says('cette fiche')).text);
    expect(reply).toContain('pas encore parle');
    expect(reply).toContain('son sujet');
    expect((await draftOf(chat)).values).not.toHaveProperty('sheet');
  });
});

describe('3. dates refused in the first sentence are said, with why, when the date is asked', () => {
  test('« le 12 mars <next year> » is to come: refused at once, and again with the date’s question', async () => {
    const chat = await enrolled();
    await chat.says('annuler');
    const next = `12 mars ${today().year + 1}`;
    const opening = folded((await chat.says(`on a fait un café des parents le ${next} pour la PA 2.3.2`)).text);
    expect(opening).toContain("je n'ai pas retenu");
    expect(opening).toContain(`le ${next}`);
    expect(opening).toContain('a venir');
    expect((await draftOf(chat)).values).not.toHaveProperty('dates');
    await chat.says('1');
    const asked = folded((await chat.says('Café des parents du jeudi')).text);
    expect(asked).toContain(`je n'ai pas retenu « le ${next} » : cette date est a venir`);
    expect(asked.match(/a venir/g)).toHaveLength(1);
    expect(asked).toContain('quand a-t-elle eu lieu');
  });

  test('an end before its start: said when the date is asked, as a typed one would be', async () => {
    const chat = await enrolled();
    await chat.says('annuler');
    await chat.says('on a fait un groupe de parole du 20 au 10 mars pour la PA 3.2.1');
    await chat.says('1');
    const asked = folded((await chat.says('Groupe de mars')).text);
    expect(asked).toContain('la fin de la periode est avant son debut');
    expect(asked).toContain('quand a-t-elle eu lieu');
  });
});

describe('4. plausible but suspicious dates are confirmed', () => {
  test('a date more than a year back: « …, c’est bien ça ? »; « oui » keeps it', async () => {
    const chat = await enrolled();
    for (const answer of ['PA 3.2.1', '1', 'groupe de parole', 'Groupe du lundi']) await chat.says(answer);
    const old = today().minus({ months: 20 }).set({ day: 12 });
    const asked = folded((await chat.says(`le ${written(old)}`)).text);
    expect(asked).toContain(`le ${written(old)}, c'est bien ca ?`);
    expect(JSON.stringify(asked)).not.toContain('combien de seances');
    expect(folded((await chat.says('oui')).text)).toContain('combien de seances');
    expect((await draftOf(chat)).values?.dates).toEqual({ start: old.toISODate(), end: old.toISODate() });
  });

  test('a date more than a year back: « non » asks the date again, and the right one is taken', async () => {
    const chat = await enrolled();
    for (const answer of ['PA 3.2.1', '1', 'groupe de parole', 'Groupe du lundi']) await chat.says(answer);
    const old = today().minus({ months: 20 }).set({ day: 12 });
    await chat.says(`le ${written(old)}`);
    expect(folded((await chat.says('non')).text)).toContain('quand a-t-elle eu lieu');
    expect((await draftOf(chat)).values).not.toHaveProperty('dates');
    expect(folded((await chat.says('hier')).text)).toContain('combien de seances');
  });

  test('in the first sentence, a date more than a year back is asked about when the form comes to it', async () => {
    const chat = await enrolled();
    await chat.says('annuler');
    const old = today().minus({ months: 20 }).set({ day: 12 });
    await chat.says(`on a fait un groupe de parole le ${written(old)} pour la PA 3.2.1`);
    await chat.says('1');
    expect(folded((await chat.says('Groupe du lundi')).text)).toContain(`le ${written(old)}, c'est bien ca ?`);
    expect(folded((await chat.says('oui')).text)).toContain('combien de seances');
  });

  test('a weekday that is not the date’s: which one is right is asked; the other date is taken', async () => {
    const chat = await enrolled();
    for (const answer of ['PA 3.2.1', '1', 'groupe de parole', 'Groupe du lundi']) await chat.says(answer);
    const day = today().minus({ days: 40 });
    const wrong = FRENCH_WEEKDAYS[(day.weekday + 4) % 7]!;
    const said = `${wrong} ${day.setLocale('fr-FR').toFormat('d MMMM')}`;
    const asked = folded((await chat.says(said)).text);
    expect(asked).toContain(`etait un ${FRENCH_WEEKDAYS[day.weekday - 1]}, pas un ${wrong}`);
    expect(asked).not.toContain('combien de seances');
    const other = /par exemple « ([^»]+) »/.exec(asked)?.[1] ?? '';
    expect(other).toContain(wrong);
    expect(folded((await chat.says(other)).text)).toContain('combien de seances');
    const taken = (await draftOf(chat)).values?.dates as { start: string };
    expect(DateTime.fromISO(taken.start, { zone: ZONE }).weekday).toBe(FRENCH_WEEKDAYS.indexOf(wrong) + 1);
  });

  test('a weekday that is not the date’s: « oui » keeps the date as numbered', async () => {
    const chat = await enrolled();
    for (const answer of ['PA 3.2.1', '1', 'groupe de parole', 'Groupe du lundi']) await chat.says(answer);
    const day = today().minus({ days: 40 });
    const wrong = FRENCH_WEEKDAYS[(day.weekday + 2) % 7]!;
    expect(folded((await chat.says(`${wrong} ${day.setLocale('fr-FR').toFormat('d MMMM')}`)).text)).toContain(`pas un ${wrong}`);
    expect(folded((await chat.says('oui')).text)).toContain('combien de seances');
    expect((await draftOf(chat)).values?.dates).toEqual({ start: day.toISODate(), end: day.toISODate() });
  });
});

describe('5. a correction said in plain words at the summary', () => {
  test.each([
    ['en fait il y avait 14 parents', /parents\s*:?\s*14\b/, 'parents', 14],
    ['non c’était 3 séances', /seances\s*:?\s*3\b/, 'sessions', 3],
    ['finalement 8 enfants', /enfants\s*:?\s*8\b/, 'children', 8],
  ])('« %s » changes that count and shows the summary again', async (said, line, key, value) => {
    const chat = await enrolled();
    await toSummary(chat);
    const summary = folded((await chat.says(said)).text);
    expect(summary).toMatch(line);
    expect(summary).toContain('confirmer');
    expect(summary).not.toContain('pas compris');
    expect((await draftOf(chat)).values).toMatchObject({ [key]: value });
  });

  test('« c’était le 5 mars pas le 12 » changes the date', async () => {
    const chat = await enrolled();
    await toSummary(chat);
    const summary = folded((await chat.says('c’était le 5 mars pas le 12')).text);
    const march5 = (() => {
      const date = DateTime.fromObject({ year: today().year, month: 3, day: 5 }, { zone: ZONE });
      return date > today() ? date.minus({ years: 1 }) : date;
    })();
    expect(summary).toContain(`le ${written(march5)}`);
    expect(summary).toContain('confirmer');
    expect((await draftOf(chat)).values?.dates).toEqual({ start: march5.toISODate(), end: march5.toISODate() });
  });

  test.each(['en fait il y avait 20 en QPV', 'en fait il y avait 20 parents en QPV'])('a part larger than its whole is still refused: « %s » for 8 parents', async (said) => {
    const chat = await enrolled();
    await toSummary(chat);
    const reply = folded((await chat.says(said)).text);
    expect(reply).toContain("20, c'est plus que les 8 parents declares");
    expect((await draftOf(chat)).values).not.toMatchObject({ qpvParents: 20 });
  });

  test('fewer parents than the QPV ones already given: the QPV count is asked again', async () => {
    const chat = await enrolled();
    await toSummary(chat);
    const reply = folded((await chat.says('en fait il y avait 1 parent')).text);
    expect(reply).toContain("2, c'est plus que les 1 parents declares");
  });

  test('what is no correction is still said not understood', async () => {
    const chat = await enrolled();
    await toSummary(chat);
    expect(folded((await chat.says('RAS')).text)).toContain('pas compris');
  });
});

describe('hostile answers where subjects and corrections are now read', () => {
  const HOSTILE: Array<[string, string]> = [
    ['empty', ''],
    ['emoji', '🙂🙂🙂'],
    ['10 000 characters', `la fiche sur ${'les cafés '.repeat(1_000)}`],
    ['SQL', "celle sur '; DROP TABLE reports; --"],
    ['« cette fiche » fifty times', 'cette fiche '.repeat(50)],
  ];

  test.each(HOSTILE)('at « Pour quelle fiche ? »: %s takes no sheet and the form stays', async (_name, said) => {
    const chat = await enrolled();
    const turn = await chat.says(said);
    expect(turn.replies.length).toBeGreaterThan(0);
    const draft = await draftOf(chat);
    expect(draft.values).not.toHaveProperty('sheet');
    expect(draft.awaiting).toBe('sheet');
  });

  test('at « Pour quelle fiche ? »: HTML around a subject is never said back as HTML', async () => {
    const chat = await enrolled();
    const turn = await chat.says('<script>alert(1)</script> la fiche sur les éléphants <img src=x onerror=alert(1)>');
    expect(turn.text).not.toContain('<script>');
    expect(turn.text).not.toContain('<img');
    expect((await draftOf(chat)).values).not.toHaveProperty('sheet');
  });

  test.each([...HOSTILE, ['HTML', '<script>alert(1)</script> en fait <b>14</b> parents']])('at the summary: %s changes nothing it should not', async (name, said) => {
    const chat = await enrolled();
    await toSummary(chat);
    const before = (await draftOf(chat)).values;
    const turn = await chat.says(said);
    expect(turn.text).not.toContain('<script>');
    if (name !== 'HTML') expect((await draftOf(chat)).values).toEqual(before);
  });
});
