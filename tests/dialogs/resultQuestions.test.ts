import fc from 'fast-check';
import { DateTime } from 'luxon';
import { CommuneIndex } from '../../src/geo';
import { readOfferMessage } from '../../src/offer';
import { conversation, folded } from '../helpers/transcript';
import { useVosgesBot } from './fixtures/vosgesOffer';

/**
 * Questions a parent asks of the places just shown (QA D6): answered from those places, never sent to the sheets'
 * journey nor « pas compris », and the search under way is kept.
 */
// Monday 15 February 2027, 20:30 in Paris.
const vosges = useVosgesBot();

const SHEETS_JOURNEY = ['fiche', 'pas bien compris', 'sheet'];
function expectNotSheets(text: string): void {
  for (const words of SHEETS_JOURNEY) expect(folded(text)).not.toContain(words);
}

describe('right after results, a question about them is answered from them', () => {
  test('when, where, how much, registering: each place shown, briefly', async () => {
    const chat = conversation(vosges.bot);
    await chat.says('médiation familiale à Remiremont');
    const when = folded((await chat.says("c'est quand ?")).text);
    expectNotSheets(when);
    expect(when).toContain('mediation familiale vosges sud');
    expect(when).toContain('du lundi au vendredi de 9 h a 17 h');
    const where = folded((await chat.says("c'est où exactement ?")).text);
    expect(where).toContain('9 rue charles de gaulle, 88200 remiremont');
    const price = folded((await chat.says('c payant ?')).text);
    expect(price).toContain('payant');
    expect(price).toContain('03 29 00 10 03');
    expect(price).not.toContain('aucun');
    const register = folded((await chat.says("il faut s'inscrire ?")).text);
    expect(register).toContain('sur inscription ou rendez-vous');
    // The search is still the one shown: "et à Épinal ?" moves it, with its kind.
    const moved = folded((await chat.says('et à Épinal ?')).text);
    expect(moved).toContain('mediation');
    expect(moved).toContain('epinal');
  });

  test.each([
    ["c'est quand ?"], ['c quand le prochain ?'], ['quels horaires ?'], ["c'est où ?"], ['c ou ?'], ["c'est gratuit ?"], ['c gratuit ?'],
    ['c payant ?'], ['combien ça coûte ?'], ["il faut s'inscrire ?"],
  ])('« %s » after a grouped answer speaks of the first places shown', async (question) => {
    const chat = conversation(vosges.bot);
    await chat.says('aide aux parents Épinal');
    const reply = folded((await chat.says(question)).text);
    expectNotSheets(reply);
    expect(reply).toContain('pour les lieux que je viens de vous montrer');
    expect(reply).toContain('grandir avec les ecrans');
    expect(reply).toContain('cafe des parents du champ-du-pin');
  });

  test('a monthly evening is said in words, with its next date', async () => {
    const chat = conversation(vosges.bot);
    await chat.says('une conférence à Épinal');
    const reply = folded((await chat.says('c quand le prochain ?')).text);
    expect(reply).toContain('le 2e jeudi du mois, de 18 h 30 a 20 h 30');
    expect(reply).toContain('prochaine ouverture le jeudi 11 mars a 18 h 30');
  });

  test('« vous pouvez me rappeler ? »: the bot cannot call, and gives the places’ numbers', async () => {
    const chat = conversation(vosges.bot);
    await chat.says('un LAEP 88370');
    const reply = folded((await chat.says('vous pouvez me rappeler ?')).text);
    expect(reply).toContain('je ne peux pas vous appeler');
    expect(reply).toContain('03 29 00 10 02');
  });

  test('in English too', async () => {
    const chat = conversation(vosges.bot, { locale: 'en-US' });
    await chat.says('family mediation in Remiremont');
    expect(folded((await chat.says('when is it?')).text)).toContain('monday to friday 09:00–17:00');
    expect(folded((await chat.says('is it free?')).text)).toContain('not free');
    expect(folded((await chat.says('where is it?')).text)).toContain('9 rue charles de gaulle');
    expect(folded((await chat.says('can you call me back?')).text)).toContain('03 29 00 10 03');
  });

  test('a partner’s « c’est quand ? » with no places shown still goes to the sheets', async () => {
    const fresh = folded((await conversation(vosges.bot).says("c'est quand ?")).text);
    expect(fresh).toContain('fiche');
    // After a sheet question, the deadline asked is the sheet's.
    const chat = conversation(vosges.bot);
    await chat.says('un LAEP à Givors');
    await chat.says('qui pilote la FICHE-ACTION 7 ?');
    expect(folded((await chat.says("c'est quand ?")).text)).not.toContain('pour les lieux que je viens de vous montrer');
  });

  test('hostile input after results: a reply, never raw HTML, never a crash', async () => {
    const chat = conversation(vosges.bot);
    await chat.says('médiation familiale à Remiremont');
    for (const text of ['', '🙂🙂', 'x'.repeat(10_000), "<img src=x onerror=alert(1)> c'est où ?", "c'est gratuit ?'; DROP TABLE users; --"]) {
      const turn = await chat.says(text);
      expect(turn.replies.length).toBeGreaterThan(0);
      expect(turn.text).not.toContain('<img');
    }
    // The search survived it all.
    expect(folded((await chat.says("c'est où ?")).text)).toContain('remiremont');
  });
});

describe('reading a question about the results', () => {
  const communes = CommuneIndex.load();
  const now = DateTime.fromISO('2027-02-15T20:30:00', { zone: 'Europe/Paris' });
  // The question is part of the offer's one reading of the message.
  const read = (text: string) => readOfferMessage(text, now, communes).resultQuestion;

  test.each([
    ["c'est quand ?", ['when']], ['quels horaires ?', ['when']], ['c ou ?', ['where']], ['c payant ?', ['price']], ['combien ça coûte ?', ['price']],
    ["il faut s'inscrire ?", ['registration']], ['vous pouvez me rappeler ?', ['callback']], ['when is it?', ['when']], ['is it free?', ['price']],
    ["c'est où et c'est gratuit ?", ['where', 'price']],
  ])('« %s » asks %j', (text, topics) => {
    expect(read(text)).toEqual(topics);
  });

  test.each([
    'un LAEP à Givors', 'et le samedi ?', "d'autres ?", 'plus loin', 'ouvert maintenant ?', 'et par téléphone ?',
    "mon fils ne me parle plus depuis des mois et je ne sais plus quand ni où trouver de l'aide pour lui",
  ])('« %s » is no question about the results', (text) => {
    expect(read(text)).toBeNull();
  });

  test('any text reads as null or as known topics, never throwing', () => {
    const topics = new Set(['when', 'where', 'price', 'registration', 'callback']);
    fc.assert(
      fc.property(fc.oneof(
        fc.string({ maxLength: 300 }),
        fc.string({ maxLength: 300, unit: 'grapheme' }),
        fc.array(fc.constantFrom('c', 'quand', 'où', 'gratuit', '<b>', 'DROP', ';', 'me', 'rappeler', '🙂', 'et', 'samedi'), { maxLength: 20 }).map((w) => w.join(' ')),
        fc.constantFrom('<b>c quand</b>', 'c ou ?'.repeat(500)),
      ), (text) => {
        const got = read(text);
        expect(got === null || (got.length > 0 && got.every((t) => topics.has(t)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
