import { join } from 'node:path';
import { glossaryCard, sheetCard, sheetListCard, wholeSheetBlocks } from '../../src/cards/sheetCards';
import { SheetIndex, answerSheetQuestion, loadSheetKnowledge, readSheetQuestion } from '../../src/sheets';

const sheets = loadSheetKnowledge(join(__dirname, '../../knowledge/sheets')).sheets;
const index = SheetIndex.build(sheets);

type Element = { type?: string; text?: string; facts?: Array<{ title: string; value: string }>; body?: Element[]; card?: Element; actions?: Element[] };

/** Everything a person can read in a card, as the eval tools and screen readers see it. */
function readable(element: Element): string[] {
  const own = element.type === 'TextBlock' && element.text ? [element.text] : [];
  const facts = (element.facts ?? []).flatMap((fact) => [fact.title, fact.value]);
  const children = [...(element.body ?? []), ...(element.actions ?? []), ...(element.card ? [element.card] : [])];
  return [...own, ...facts, ...children.flatMap(readable)];
}

function allTypes(element: Element): string[] {
  const children = [...(element.body ?? []), ...(element.actions ?? []), ...(element.card ? [element.card] : [])];
  return [element.type ?? '', ...children.flatMap(allTypes)];
}

const ALLOWED = new Set(['AdaptiveCard', 'TextBlock', 'FactSet', 'Action.ShowCard']);

describe('sheet cards', () => {
  it('show a whole sheet inside the card of any answer, naming the sheet, within Teams limits', () => {
    for (const sheet of sheets) {
      const card = sheetCard({ sheet, language: 'fr', blocks: [], withWholeSheet: true }) as Element;
      expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
      const texts = readable(card);
      expect(texts[0]).toContain(sheet.code);
      expect(texts.some((text) => text.includes(sheet.plan.title))).toBe(true);
      for (const section of sheet.sections) for (const item of section.items) expect(texts.some((text) => text.includes(item.text))).toBe(true);
      expect(allTypes(card).every((type) => ALLOWED.has(type))).toBe(true);
      expect(JSON.stringify(card).length).toBeLessThan(28_000);
    }
  });

  it('label sections in readable case and in the user’s language', () => {
    const blocks = wholeSheetBlocks(sheets.find((sheet) => sheet.code === 'PA 3.2.1')!, 'en');
    expect(blocks.map((block) => block.heading)).toContain('Pilotage / coordination');
    const card = sheetCard({ sheet: sheets[0], language: 'en', blocks, withWholeSheet: true }) as Element & { lang?: string };
    expect(card.lang).toBe('en');
    expect(readable(card).some((text) => text.startsWith('Plan: '))).toBe(true);
    expect(card.actions?.[0]).toMatchObject({ type: 'Action.ShowCard', title: 'Show the whole sheet' });
  });

  it('list sheets with why each matches, and explain a term', () => {
    const list = sheetListCard('2 fiches correspondent :', [{ sheet: sheets[0], reason: { heading: 'Diagnostic', text: 'un passage' } }, { sheet: sheets[1] }], 'fr') as Element;
    const texts = readable(list);
    expect(texts).toContain('Diagnostic : « un passage »');
    expect(texts.some((text) => text.includes(sheets[1].code))).toBe(true);
    const glossary = glossaryCard({ term: 'CTG', expansion: 'convention territoriale globale', usedIn: ['PA 3.2.1 — …'], language: 'fr' }) as Element;
    expect(readable(glossary)).toEqual(expect.arrayContaining(['CTG', 'convention territoriale globale', '• PA 3.2.1 — …']));
  });

  it('show a sheet’s words as text, whatever markup they hold', () => {
    const hostile = { ...sheets[0], title: 'TITRE <img src="http://127.0.0.1:9/beacon">', plan: { ...sheets[0].plan, title: '[Plan](javascript:alert(1))' } };
    const card = sheetCard({
      sheet: hostile,
      language: 'fr',
      blocks: [{ heading: '**Pilotage**', lines: [{ text: '![x](http://127.0.0.1:9/i.png) CAF', number: '1' }, { text: '`code` _x_', level: 1 }] }],
      facts: [{ title: 'Pilote', value: '<a href="http://evil.example">CAF</a>' }],
      withWholeSheet: false,
    }) as Element;
    const texts = readable(card);
    expect(texts).toEqual(
      expect.arrayContaining([
        `${hostile.code} — TITRE &lt;img src="http://127.0.0.1:9/beacon"&gt;`,
        `Plan : \\[Plan\\](javascript:alert(1))${hostile.plan.period ? ` · ${hostile.plan.period}` : ''}`,
        '\\*\\*Pilotage\\*\\*',
        '1. !\\[x\\](http://127.0.0.1:9/i.png) CAF',
        '\u00a0\u00a0\u00a0\u00a0– \\`code\\` \\_x\\_',
        '&lt;a href="http://evil.example"&gt;CAF&lt;/a&gt;',
      ]),
    );
  });

  it('come with every kind of answer', () => {
    for (const question of ['qui pilote la PA 3.2.1', 'quelles fiches parlent des LAEP', 'que veut dire CTG', 'parle-moi de la FICHE 1.2.5']) {
      const turn = answerSheetQuestion(index, readSheetQuestion(index, question), {}, 'fr');
      expect(turn.cards.length).toBeGreaterThan(0);
      for (const card of turn.cards) expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    }
  });
});
