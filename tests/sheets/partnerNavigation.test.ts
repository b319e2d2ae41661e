import path from 'node:path';
import fc from 'fast-check';
import { fold } from '../../src/language/text';
import {
  SheetConversationSchema,
  SheetIndex,
  answerSheetQuestion,
  isExplicitSheetQuestion,
  loadSheetKnowledge,
  readSheetQuestion,
  sheetQuestionScore,
  type SheetConversation,
  type SheetTurn,
} from '../../src/sheets';
import { writePartnerKnowledge, type PartnerKnowledge } from './partnerPlansFixture';

/**
 * Partners' questions that move along a plan or pick among sheets (QA « partners », defects 4, 5, 6, 7, 8, 10), on
 * plans written for these tests (partnerPlansFixture.ts): next and previous sheet in the plan's order, next action,
 * codes typed with dots (« F.A. 5 »), a number no sheet has, a choice among plans sharing a number, a sheet's second
 * code in its title, and a topic only partly covered. Each reads like a transcript: what is said, what must and must
 * not be answered.
 */

let knowledge: PartnerKnowledge;
let index: SheetIndex;

beforeAll(() => {
  knowledge = writePartnerKnowledge();
  index = SheetIndex.build(loadSheetKnowledge(path.join(knowledge.dir, 'sheets')).sheets);
});
afterAll(() => knowledge.remove());

interface Expect {
  outcome?: SheetTurn['outcome'];
  says?: string[];
  never?: string[];
}

function check(turn: SheetTurn, expected: Expect): void {
  const text = fold(turn.text);
  if (expected.outcome) expect(turn.outcome).toBe(expected.outcome);
  for (const words of expected.says ?? []) expect(text).toContain(fold(words));
  for (const words of expected.never ?? []) expect(text).not.toContain(fold(words));
  // Every turn's state must survive a trip through the database.
  expect(SheetConversationSchema.parse(JSON.parse(JSON.stringify(turn.conversation)))).toEqual(turn.conversation);
}

/** Plays turns in one conversation, checking each. */
function transcript(turns: Array<[string, Expect]>, start: SheetConversation = {}): SheetTurn[] {
  let conversation = start;
  const played: SheetTurn[] = [];
  for (const [text, expected] of turns) {
    const turn = answerSheetQuestion(index, readSheetQuestion(index, text), conversation, 'fr');
    check(turn, expected);
    conversation = turn.conversation;
    played.push(turn);
  }
  return played;
}

const SOMME = 'Schéma départemental des services aux familles de la Somme';
const FINISTERE = 'Schéma départemental des services aux familles du Finistère';

describe('« et la suivante ? »: the next sheet of the same plan, or the next action', () => {
  it('goes along the plan in the order of its numbers, gaps included, and says when there is none', () => {
    transcript([
      ['FA 3', { says: ['FA 3', 'groupes de parole pour les pères'] }],
      // The Finistère's sheet 7 says « suivant la naissance »: no word match may take the conversation there.
      ['et la suivante ?', { says: ['FA 5', 'modes de garde', SOMME], never: ['FICHE-ACTION', 'Finistère'] }],
      ['fiche suivante', { says: ['FA 8', 'villages'], never: ['Finistère'] }],
      ['et la suivante ?', { outcome: 'not-found', says: ['FA 8', 'dernière fiche', SOMME], never: ['Finistère', 'FICHE-ACTION'] }],
      ['et la précédente ?', { says: ['FA 5', 'modes de garde'] }],
      ['la fiche précédente', { says: ['FA 3'] }],
      ['et la précédente ?', { outcome: 'not-found', says: ['FA 3', 'première fiche'] }],
    ]);
  });

  it('keeps asking what was asked: the pilot of one sheet, then the pilot of the next', () => {
    transcript([
      ['qui pilote la FA 3 ?', { says: ['Caf de la Somme'] }],
      ['et la suivante ?', { says: ['FA 5', 'Département de la Somme'], never: ['Caf de la Somme', 'Udaf 80'] }],
    ]);
  });

  it('after « action 2 », goes to the next and previous action of that sheet', () => {
    transcript([
      ['qui pilote la FA 3 ?', { says: ['Caf de la Somme'] }],
      ['action 2', { says: ['Former 12 animateurs'] }],
      ['et la suivante ?', { says: ['FA 3', 'Action 3', 'Ouvrir 5 groupes'], never: ['FA 5', 'Finistère'] }],
      ['et la suivante ?', { outcome: 'not-found', says: ["l'action 3 est la dernière", 'FA 3'] }],
      ["l'action précédente", { says: ['Action 2', 'Former 12 animateurs'] }],
      // « fiche » names what moves: the sheet, not the action.
      ['fiche suivante', { says: ['FA 5'] }],
    ]);
  });

  it('with no sheet under discussion, asks which sheet to go on from', () => {
    transcript([['et la suivante ?', { outcome: 'not-found', says: ['de quelle fiche'], never: ['FA 5', 'Finistère', 'suivant la naissance'] }]]);
  });

  it('reads « suivant(e) » as a move only when nothing else is a topic', () => {
    expect(readSheetQuestion(index, 'et la suivante ?').step).toEqual({ direction: 'next' });
    expect(readSheetQuestion(index, 'fiche précédente').step).toEqual({ direction: 'previous', target: 'sheet' });
    expect(readSheetQuestion(index, "l'action d'après").step).toEqual({ direction: 'next', target: 'action' });
    expect(readSheetQuestion(index, 'next one').step).toEqual({ direction: 'next' });
    for (const topic of ['les étapes suivantes de la FA 3', 'les mois suivant la naissance', 'quelles fiches parlent des années suivantes ?']) {
      expect(readSheetQuestion(index, topic).step).toBeUndefined();
    }
  });
});

describe('a code typed with dots or spaces between its letters', () => {
  it.each(['F.A. 5 calendrier', 'F.A 5 calendrier', 'f. a. 5 calendrier', 'calendrier de la F.A 5', 'F A 5 calendrier', 'FA.5 calendrier'])('%s', (text) => {
    // Asked while another sheet is being discussed: its calendar must not be answered instead.
    const [, turn] = transcript([
      ['FA 3', {}],
      [text, { says: ['FA 5', 'Chaque rentrée scolaire'], never: ['2025-2027'] }],
    ]);
    expect(turn.conversation.currentSheetIds).toEqual(['somme-sdsf/5']);
  });

  it('reads spelt letters only into a prefix that sheets use', () => {
    expect(readSheetQuestion(index, 'P.A. 2.3.2').codes.map((code) => code.digits)).toEqual(['232']);
    expect(readSheetQuestion(index, 'il y a 15 fiches ?').codes).toEqual([]);
    expect(readSheetQuestion(index, 'il y a 15 fiches ?').unreadCode).toBeUndefined();
    expect(readSheetQuestion(index, 'de 15 communes').unreadCode).toBeUndefined();
  });

  it('never answers with the sheet being discussed when the number typed is no sheet’s', () => {
    transcript([
      ['FA 3', {}],
      ['XY 5 calendrier', { outcome: 'not-found', says: ['XY 5'], never: ['2025-2027', 'Chaque rentrée'] }],
      // Nothing stands as the current sheet after it: « ses partenaires » is not FA 3's.
      ['et ses partenaires ?', { never: ['Udaf 80'] }],
    ]);
    transcript([
      ['qui pilote la FA 3 ?', {}],
      ['qui pilote la 16 ?', { outcome: 'not-found', says: ['16'], never: ['Caf de la Somme'] }],
    ]);
  });

  it('any way of spelling a known code reads that code (property)', () => {
    const sheets = index.sheets.filter((sheet) => sheet.prefix.length === 2 && /^[A-Z]+$/.test(sheet.prefix));
    fc.assert(
      fc.property(fc.constantFrom(...sheets), fc.constantFrom('.', '. ', ' ', '.-', ''), fc.constantFrom('', '.', ' '), fc.boolean(), (sheet, between, after, lower) => {
        const letters = sheet.prefix.split('').join(between) + after;
        const text = `${lower ? letters.toLowerCase() : letters} ${sheet.number} partenaires`;
        const question = readSheetQuestion(index, text);
        expect(question.codes.map((code) => index.findByNumber(code).map((found) => found.id)).flat()).toContain(sheet.id);
      }),
    );
  });

  it('hostile text never reads as another sheet nor throws (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('F', 'A', '.', ' ', '1', '5', 'x', 'é', '<', '>', "'", ';', '-', 'la') , maxLength: 200 }), (text) => {
        const question = readSheetQuestion(index, text);
        const turn = answerSheetQuestion(index, question, { currentSheetIds: ['somme-sdsf/3'] }, 'fr');
        expect(typeof turn.text).toBe('string');
        // A number read as no sheet's, asked alone, is never answered with the sheet under discussion.
        if (question.unreadCode !== undefined && question.codes.length === 0 && question.topicWords.length === 0 && !question.listing) {
          expect(turn.outcome).toBe('not-found');
          expect(turn.conversation.currentSheetIds ?? []).not.toContain('somme-sdsf/3');
        }
      }),
    );
  });
});

describe('one number in two plans: the user picks one', () => {
  const AMBIGUOUS: [string, Expect] = ['qui pilote la fiche 8 ?', { says: ['2 plans', SOMME, FINISTERE, 'Mutualité sociale agricole de Picardie'] }];

  it('offers one button per plan on the cards and as replies, whose words are read back', () => {
    const [shown] = transcript([AMBIGUOUS]);
    const asks = shown.cards.flatMap((card) => ((card as { actions?: Array<{ type: string; data?: { ask?: string; msteams?: { type: string; value: string } } }> }).actions ?? []))
      .filter((action) => action.type === 'Action.Submit');
    expect(asks).toHaveLength(2);
    for (const action of asks) expect(action.data?.msteams).toEqual({ type: 'imBack', value: action.data?.ask });
    expect(shown.suggestions).toEqual(asks.map((action) => action.data?.ask));
    for (const ask of asks.map((action) => action.data?.ask ?? '')) {
      const chosen = answerSheetQuestion(index, readSheetQuestion(index, ask), shown.conversation, 'fr');
      expect(chosen.conversation.currentSheetIds).toHaveLength(1);
      // What was asked (the pilot) stands for the sheet chosen.
      expect(chosen.conversation.lastFields).toEqual(['pilot']);
      expect(fold(ask)).toContain(fold(index.sheetById(chosen.conversation.currentSheetIds?.[0] ?? '')?.plan.title ?? '?'));
    }
  });

  it.each([
    ['celle de la Somme', 'somme-sdsf/8'],
    ['celle du Finistère', 'finistere-sdsf/8'],
    ['la Somme', 'somme-sdsf/8'],
    ['le schéma de la Somme', 'somme-sdsf/8'],
  ])('understands the plan named: %s', (text, id) => {
    const [, chosen] = transcript([AMBIGUOUS, [text, { outcome: 'answered' }]]);
    expect(chosen.conversation.currentSheetIds).toEqual([id]);
  });

  it('understands an ordinal, in the order the sheets were shown', () => {
    const [shown] = transcript([AMBIGUOUS]);
    for (const [text, position] of [['la deuxième', 1], ['la première', 0], ['the first one', 0], ['la 2e', 1], ['la dernière', 1]] as const) {
      const chosen = answerSheetQuestion(index, readSheetQuestion(index, text), shown.conversation, 'fr');
      expect(chosen.conversation.currentSheetIds).toEqual([shown.conversation.currentSheetIds?.[position]]);
    }
    check(answerSheetQuestion(index, readSheetQuestion(index, 'la troisième'), shown.conversation, 'fr'), { outcome: 'clarify', says: ['que 2'] });
  });

  it('picks in a list just shown', () => {
    const [list] = transcript([['quelles fiches impliquent la Caf de la Somme ?', { outcome: 'listed' }]]);
    const offered = list.conversation.offeredSheetIds ?? [];
    expect(offered.length).toBeGreaterThan(1);
    const chosen = answerSheetQuestion(index, readSheetQuestion(index, 'la deuxième'), list.conversation, 'fr');
    expect(chosen.conversation.currentSheetIds).toEqual([offered[1]]);
  });

  it('scores the choice as a question on the sheets, never as nothing understood', () => {
    const [shown] = transcript([AMBIGUOUS]);
    for (const text of ['celle de la Somme', 'la deuxième', 'the second one']) {
      const question = readSheetQuestion(index, text);
      expect(sheetQuestionScore(index, question, shown.conversation)).toBeGreaterThanOrEqual(0.8);
      expect(isExplicitSheetQuestion(question, shown.conversation)).toBe(true);
    }
  });
});

describe("a sheet's second code in its title, and the plan named", () => {
  it('reads « ACTION 4.1 » of « FICHE N°2 - ACTION 4.1 : … » as that sheet, in the plan named', () => {
    transcript([
      ["qui porte l'action 4.1 de la CTG de la Vallée du Lot ?", { says: ['FICHE 2', 'Centre social de Fumel'], never: ['2.3.2', 'Rhône'] }],
      ["partenaires de l'action 1.2", { says: ['FICHE 6', 'Caf de Lot-et-Garonne'] }],
    ]);
  });

  it('keeps an axis an axis, and a sheet of its own number first', () => {
    expect(readSheetQuestion(index, "les fiches de l'axe 2.3").axis).toBe('2.3');
    expect(index.findByNumber({ number: '3.4', digits: '34', prefix: 'action' }).map((sheet) => sheet.id)).toEqual(['metz-cdv/3.4']);
  });
});

describe('a number no sheet has', () => {
  it.each([
    ['FA 99', 'FA 99'],
    ['qui pilote la FA 4 ?', 'FA 4'],
    ['qui pilote la FA 21 ?', 'FA 21'],
  ])('%s is named back as typed, with the same plan’s sheets nearby', (text, shown) => {
    const [turn] = transcript([[text, { outcome: 'not-found', says: [shown, `${SOMME} » a les fiches FA 3 à FA 8`], never: ['9.9', '2.1', '1.6', 'FICHE-ACTION', 'PA 2.3'] }]]);
    for (const suggestion of turn.suggestions) expect(suggestion).toMatch(/FA \d/);
  });
});

describe('a field asked with a topic (« qui pilote les LAEP … ? »)', () => {
  it('answers the sheet that covers it, as the best match', () => {
    transcript([['qui pilote les LAEP des villages en montagne ?', { says: ['FA 8', 'Mutualité sociale agricole de Picardie', 'le mieux'] }]]);
  });

  it('is not answered on the sheet under discussion when the topic is another sheet’s', () => {
    transcript([
      ['qui pilote la FA 3 ?', {}],
      ['qui pilote les LAEP des villages en montagne ?', { says: ['FA 8', 'Mutualité sociale agricole de Picardie'], never: ['Caf de la Somme'] }],
    ]);
  });

  it('scores above a parent’s search for the same kind of service', () => {
    const question = readSheetQuestion(index, 'qui pilote les LAEP des villages en montagne ?');
    // A parent's search that names a kind of service scores 0.6 (src/offer/engine.ts).
    expect(sheetQuestionScore(index, question, {})).toBeGreaterThan(0.7);
    // Everyday field words stay a parent's: « quand ouvre le LAEP ? ».
    expect(readSheetQuestion(index, 'quand ouvre le LAEP ?').fieldInPlanWords).toBe(false);
  });

  it('in Teams, any field with a topic some sheet holds is a sheet question', () => {
    const question = readSheetQuestion(index, 'pour qui sont les LAEP des villages ?');
    expect(sheetQuestionScore(index, question, {}, { partners: true })).toBeGreaterThan(0.7);
  });
});
