import { DateTime } from 'luxon';
import type { Store } from '../../src/storage';
import { teamsStaff, withBotAndItsStore } from '../helpers/enrolment';
import { folded, type TestBot } from '../helpers/transcript';

/**
 * QA « staff » round 3, items 1, 2 and 6: how the report form reads counts and dates, through the whole bot on the
 * shipped sheets. Dates are written relative to today in Paris, so the transcripts hold whatever day they run.
 */
let bot: TestBot;
let store: Store;
withBotAndItsStore((running) => ({ bot, store } = running));

const ZONE = 'Europe/Paris';
const today = () => DateTime.now().setZone(ZONE).startOf('day');
/** « 20 décembre 2026 », as the bot says a date. */
const said = (date: DateTime) => date.setLocale('fr-FR').toFormat('d MMMM yyyy');
const month = (date: DateTime) => date.setLocale('fr-FR').toFormat('MMMM');

const { enrolled, draftOf } = teamsStaff(() => ({ bot, store }), 'round3');

/** The most recent past month where the 5th is past: where « du 3 au 5 » falls. */
const monthOfThe5th = () => (today().day >= 5 ? today() : today().minus({ months: 1 })).startOf('month');

describe('1. « 9 mamans et 2 papas » are 11 parents', () => {
  test('the first sentence adds up the parents, reads the workshops as sessions, and says so', async () => {
    const chat = await enrolled();
    const turn = await chat.says('on a fait 3 ateliers parents-enfants du 3 au 5 novembre avec 9 mamans et 2 papas pour la 2.3.2');
    expect(folded(turn.text)).toContain('parents : 11');
    expect(folded(turn.text)).toContain('seances : 3');
    expect((await draftOf(chat)).values).toMatchObject({ parents: 11, sessions: 3 });
  });

  test('« 14 parents dont 6 du quartier » is 14 parents, 6 of them in a QPV: a part, never a sum', async () => {
    const chat = await enrolled();
    const turn = await chat.says('on a fait un groupe de parole hier pour la PA 2.3.2 avec 14 parents dont 6 du quartier, 2 ateliers');
    expect(folded(turn.text)).toContain('parents : 14');
    expect(folded(turn.text)).toContain('dont en qpv : 6');
    expect((await draftOf(chat)).values).toMatchObject({ parents: 14, qpvParents: 6, sessions: 2 });
  });

  test('at « Combien de parents ? », « 9 mamans, 2 papas » is 11', async () => {
    const chat = await enrolled();
    for (const answer of ['PA 3.2.1', '1', 'groupe de parole', 'Groupe du lundi', 'hier', '1']) await chat.says(answer);
    expect((await draftOf(chat)).awaiting).toBe('parents');
    await chat.says('9 mamans, 2 papas');
    expect((await draftOf(chat)).values).toMatchObject({ parents: 11 });
  });
});

describe('2. a day to come is not silently moved to last year', () => {
  test('« le <day in 12 days> » is asked about: last year\'s, while this one is not yet past', async () => {
    // A day ahead in this year (the last day of the year from 20 December on); on 31 December there is none.
    let ahead = DateTime.min(today().plus({ days: 12 }), today().endOf('year').startOf('day'));
    if (ahead.month === 2 && ahead.day === 29) ahead = ahead.plus({ days: 1 });
    if (ahead <= today()) return;
    const back = ahead.minus({ years: 1 });
    const chat = await enrolled();
    for (const answer of ['PA 3.2.1', '1', 'groupe de parole', 'Groupe du lundi']) await chat.says(answer);
    const doubt = await chat.says(`le ${ahead.day} ${month(ahead)}`);
    expect(folded(doubt.text)).toContain(folded(`Le ${said(back)}, c’est bien ça ? Le ${said(ahead)} n’est pas encore passé.`));
    expect((await draftOf(chat)).awaiting).toBe('dates');
    // « non »: the date goes and is asked again; « oui » would have kept it.
    const asked = await chat.says('non');
    expect(folded(asked.text)).toContain('quand a-t-elle eu lieu');
    expect((await draftOf(chat)).values).not.toHaveProperty('dates');
  });

  test('said in the first sentence, it is asked when the form comes to the date; « oui » keeps it', async () => {
    let ahead = DateTime.min(today().plus({ days: 10 }), today().endOf('year').startOf('day'));
    if (ahead.month === 2 && ahead.day === 29) ahead = ahead.plus({ days: 1 });
    if (ahead <= today()) return;
    const back = ahead.minus({ years: 1 });
    const chat = await enrolled();
    await chat.says(`on a fait un groupe de parole le ${ahead.day} ${month(ahead)} pour la PA 3.2.1 avec 8 parents`);
    await chat.says('1');
    const doubt = await chat.says('Groupe du lundi');
    expect(folded(doubt.text)).toContain(folded(`Le ${said(back)}, c’est bien ça ?`));
    const next = await chat.says('oui');
    expect(folded(next.text)).toContain('combien de seances');
    expect((await draftOf(chat)).values?.dates).toEqual({ start: back.toISODate(), end: back.toISODate() });
  });
});

describe('6. days without a month, a part of a month, changes while a question is pending', () => {
  test('« du 3 au 5 » in a sentence is the most recent past such days', async () => {
    const chat = await enrolled();
    const turn = await chat.says('on a fait un groupe de parole du 3 au 5 pour la PA 3.2.1 avec 8 parents');
    expect(folded(turn.text)).not.toContain('pas reconnu de date');
    const start = monthOfThe5th().set({ day: 3 });
    expect((await draftOf(chat)).values?.dates).toEqual({ start: start.toISODate(), end: start.set({ day: 5 }).toISODate() });
  });

  test('« début <last month> » asks which days of that month, saying so; « du 3 au 5 » is then read in it', async () => {
    const last = today().minus({ months: 1 }).startOf('month');
    const chat = await enrolled();
    const turn = await chat.says(`on a fait un groupe de parole début ${month(last)} pour la PA 3.2.1 avec 8 parents`);
    expect(folded(turn.text)).toContain(folded(`la date « début ${month(last)} », car elle ne dit pas le jour`));
    await chat.says('1');
    const asked = await chat.says('Groupe du lundi');
    expect(folded(asked.text)).toContain(folded(`« début ${month(last)} » ne dit pas le jour. Quel jour, ou quels jours, de ${month(last)}`));
    await chat.says('du 3 au 5');
    expect((await draftOf(chat)).values?.dates).toEqual({ start: last.set({ day: 3 }).toISODate(), end: last.set({ day: 5 }).toISODate() });
  });

  test('« début <month> » typed at the date question asks the same, and « le 3 » is the 3rd of that month', async () => {
    const last = today().minus({ months: 1 }).startOf('month');
    const chat = await enrolled();
    for (const answer of ['PA 3.2.1', '1', 'groupe de parole', 'Groupe du lundi']) await chat.says(answer);
    const asked = await chat.says(`début ${month(last)}`);
    expect(folded(asked.text)).toContain(folded(`quels jours, de ${month(last)}`));
    await chat.says('le 3');
    expect((await draftOf(chat)).values?.dates).toEqual({ start: last.set({ day: 3 }).toISODate(), end: last.set({ day: 3 }).toISODate() });
  });

  test('« modifier la date en du 3 au 5 » is taken and said; a value not understood is said so', async () => {
    const chat = await enrolled();
    await chat.says('on a fait un groupe de parole hier pour la PA 3.2.1 avec 8 parents');
    expect((await draftOf(chat)).awaiting).toBe('action');
    const changed = await chat.says('modifier la date en du 3 au 5');
    const start = monthOfThe5th().set({ day: 3 });
    expect((await draftOf(chat)).values?.dates).toEqual({ start: start.toISODate(), end: start.set({ day: 5 }).toISODate() });
    expect(folded(changed.text)).toContain(folded(`C’est noté : du 3 au ${said(start.set({ day: 5 }))}.`));
    const refused = await chat.says('modifier la date en du 45 au 50');
    expect(folded(refused.text)).toContain(folded('Je n’ai pas reconnu de date. Quand a-t-elle eu lieu ?'));
    // The change alone asks the date plainly.
    const plain = await chat.says('modifier la date');
    expect(folded(plain.text)).not.toContain('pas reconnu');
    expect(folded(plain.text)).toContain('quand a-t-elle eu lieu');
  });

  test('« modifier le nombre de parents en 11 » while the action is asked: said back, then the action asked again', async () => {
    const chat = await enrolled();
    await chat.says('on a fait un groupe de parole hier pour la PA 3.2.1 avec 8 parents');
    expect((await draftOf(chat)).awaiting).toBe('action');
    const turn = await chat.says('modifier le nombre de parents en 11');
    const lines = turn.text.split('\n');
    expect(lines[0]).toBe('C’est noté : 11 parents.');
    expect(folded(turn.text)).toContain('quelle action de la fiche');
    expect((await draftOf(chat)).values).toMatchObject({ parents: 11 });
    expect((await draftOf(chat)).awaiting).toBe('action');
  });
});

describe('a first sentence stuffed with invisible marks', () => {
  test('« début » + 930 combining accents + « novembre »: the form and its draft are kept, the quotation cut short', async () => {
    const chat = await enrolled();
    const stuffed = `on a fait un café des parents début${'\u0301'.repeat(930)} novembre, 12 parents`;
    await chat.says(stuffed);
    const before = await draftOf(chat);
    expect(before.values).toMatchObject({ parents: 12 });
    // The next turn still finds the form (a state that no longer parsed was dropped with its draft).
    await chat.says('PA 2.3.2');
    expect(((await draftOf(chat)).values ?? {}).sheet).toBeDefined();
    expect((await draftOf(chat)).values).toMatchObject({ parents: 12 });
  });
});

describe('a count answered with another count’s noun', () => {
  test('« 8 enfants » at « combien habitent un QPV ? » is the children, and the QPV question is asked again', async () => {
    const chat = await enrolled();
    await chat.says('on a fait un café des parents hier pour la PA 2.3.2 avec 11 parents');
    await chat.says('1');
    await chat.says('Café des parents de décembre');
    const qpv = folded((await chat.says('1 séance')).text);
    expect(qpv).toContain('quartier prioritaire');
    const turn = folded((await chat.says('8 enfants')).text);
    expect((await draftOf(chat)).values).toMatchObject({ children: 8 });
    expect((await draftOf(chat)).values?.qpvParents).toBeUndefined();
    expect(turn).toContain('quartier prioritaire');
    // The question alone, with no empty reason before it (« . Parmi ces… »).
    expect(turn).not.toMatch(/(^|\s)\. /);
    // « 3 parents » answers it: parents are the whole the QPV parents are part of.
    await chat.says('3 parents');
    expect((await draftOf(chat)).values).toMatchObject({ qpvParents: 3, children: 8 });
  });
});

describe('a date typed at a count question', () => {
  test('« le 20 novembre » at « Combien de séances ? » is not 20 sessions: said so, and asked again', async () => {
    const chat = await enrolled();
    await chat.says('on a fait un café des parents hier pour la PA 2.3.2 avec 11 parents');
    await chat.says('1');
    const sessions = folded((await chat.says('Café des parents de décembre')).text);
    expect(sessions).toContain('combien de seances');
    const turn = folded((await chat.says('le 20 novembre')).text);
    expect(turn).toContain('date');
    expect(turn).toContain('combien de seances');
    expect((await draftOf(chat)).values?.sessions).toBeUndefined();
    await chat.says('2 séances');
    expect((await draftOf(chat)).values).toMatchObject({ sessions: 2 });
  });
});
