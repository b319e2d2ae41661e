import path from 'node:path';
import fc from 'fast-check';
import { fold } from '../../src/language/text';
import { sheetMessages } from '../../src/messages/sheets';
import { SheetIndex, answerSheetQuestion, loadSheetKnowledge, readSheetQuestion, type SheetConversation } from '../../src/sheets';
import { writePartnerKnowledge, type PartnerKnowledge } from './partnerPlansFixture';

/**
 * QA « partners » round 2, answered on plans written for the tests (partnerPlansFixture.ts), turn after turn with the
 * conversation kept: N2 (a date asked in other words stays on the sheet discussed), N7 (an organisation's role), N8
 * (« et l'autre ? »), N9 (« FA » = « fiche action »), N10 (plans, a plan, an axis by its words), N11 (« et CTG ? »),
 * N12 (« l'ACTION 4.2 », words named back as typed).
 */

let knowledge: PartnerKnowledge;
let index: SheetIndex;
beforeAll(() => {
  knowledge = writePartnerKnowledge();
  index = SheetIndex.build(loadSheetKnowledge(path.join(knowledge.dir, 'sheets')).sheets);
});
afterAll(() => knowledge.remove());

type Row = [says: string, mentions: string[], never?: string[]];

function transcript(rows: Row[]): void {
  let memory: SheetConversation = {};
  for (const [says, mentions, never = []] of rows) {
    const turn = answerSheetQuestion(index, readSheetQuestion(index, says), memory, 'fr');
    memory = turn.conversation;
    const reply = fold(turn.text);
    for (const words of mentions) expect({ says, reply: reply.includes(fold(words)) ? true : turn.text }).toEqual({ says, reply: true });
    for (const words of never) expect({ says, reply: reply.includes(fold(words)) ? turn.text : false }).toEqual({ says, reply: false });
  }
}

const METZ_STEPS = ['Metz', 'Étape 1'];

describe('N2: a date asked without « calendrier » stays on the sheet discussed', () => {
  it.each([['et les grandes étapes ?'], ['ok et les dates clés ?'], ["c'est pour quand ?"], ['les jalons ?'], ['and the key dates?']])('« %s »', (says) => {
    transcript([
      ['partenaires de la FA 3', ['Udaf 80']],
      [says, ['2025-2027'], ['Finistère', ...METZ_STEPS]],
    ]);
  });

  it('a topic word the sheet discussed holds beats another plan’s match', () => {
    transcript([
      ['budget de la FA 8 de la Somme', ['20 000 €'], ['Finistère']],
      ['quand ouvre le LAEP itinérant ?', ['septembre 2026'], ['Finistère', 'pas de rubrique']],
    ]);
  });

  it('a topic the sheet discussed does not hold still goes to the sheet that has it', () => {
    transcript([
      ['FA 3', ['pères']],
      ['qui pilote les LAEP des villages en montagne ?', ['FA 8', 'Mutualité sociale agricole de Picardie']],
    ]);
  });
});

describe("N7: an organisation's role in a sheet", () => {
  it('is read from the lines naming it, partners first, then funding, pilot, actions', () => {
    const turn = answerSheetQuestion(index, readSheetQuestion(index, 'quel est le rôle de la Caf de la Somme dans la FA 8 ?'), {}, 'fr');
    expect(turn.text).toContain('Caf de la Somme');
    expect(turn.text).not.toContain('Mutualité sociale agricole de Picardie');
    transcript([
      ['FA 8 de la Somme', ['villages']],
      ['la MSA y fait quoi ?', ['MSA de Picardie : 20 000 €'], ['On trouve ce terme']],
      ['que fait la Caf de la Somme dans cette fiche ?', ['Caf de la Somme'], ['MSA de Picardie']],
      ['que fait le Secours populaire dans cette fiche ?', ['ne cite pas']],
    ]);
  });

  it('reads a role question in French and English', () => {
    for (const says of ['quel est le rôle de la MSA dans la FA 8 ?', 'que fait la MSA dans cette fiche ?', 'la MSA y fait quoi ?', 'what role does the MSA play in FA 8?', 'what does the MSA do in FA 8?']) {
      const question = readSheetQuestion(index, says);
      expect({ says, role: question.asksRole, bare: question.bareGlossary }).toEqual({ says, role: true, bare: false });
    }
    expect(readSheetQuestion(index, 'que veut dire MSA ?').asksRole).toBe(false);
  });

  it('with no sheet named nor discussed, lists the sheets where it appears with its role', () => {
    transcript([["quel est le rôle de l'Udaf 80 ?", ['FA 3', 'partenaire']]]);
  });
});

describe('N8, N9: two sheets sharing a number', () => {
  it('« et l’autre ? » after a choice is the sheet left aside, and back', () => {
    transcript([
      ['pilote de la fiche 8', ['2 plans']],
      ['celle de la Somme', ['Mutualité sociale agricole de Picardie'], ['Finistère']],
      ["et l'autre ?", ['Finistère'], ['Somme']],
      ["et l'autre ?", ['Somme']],
    ]);
    transcript([
      ['pilote de la fiche 8', ['2 plans']],
      ['la première', []],
      ['the other one?', []],
    ]);
  });

  it('« FA 8 » also names a « FICHE-ACTION 8 »: a prefix typed as initials', () => {
    transcript([['FA 8', ['2 plans', 'Somme', 'Finistère']]]);
  });
});

describe('N10: plans, a plan, an axis by its words', () => {
  it.each([['quels plans connais-tu ?'], ['liste des plans'], ['quels sont les plans disponibles ?']])('« %s » lists the plans', (says) => {
    transcript([[says, ['Somme (80)', '2025-2029', '3 fiches', 'Vallée du Lot', 'Finistère']]]);
  });

  it('« résume le schéma de la Somme » lists its sheets in order', () => {
    const turn = answerSheetQuestion(index, readSheetQuestion(index, 'résume le schéma de la Somme'), {}, 'fr');
    expect(turn.outcome).toBe('listed');
    const positions = ['FA 3', 'FA 5', 'FA 8'].map((code) => turn.text.indexOf(code));
    expect(positions.every((at, i) => at >= 0 && (i === 0 || at > positions[i - 1]))).toBe(true);
  });

  it('« quelles fiches de l’axe Familles monoparentales ? » lists the sheets under an axis of that title', () => {
    transcript([['quelles fiches de l’axe Familles monoparentales ?', ['FICHE 2', 'parents solos'], ['FICHE 6']]]);
  });
});

describe('N11: a plan’s abbreviation alone after a definition', () => {
  it('« que veut dire LAEP ? » then « et CTG ? »', () => {
    transcript([
      ['que veut dire LAEP ?', ["lieu d'accueil enfants-parents"]],
      ['et CTG ?', ['convention territoriale globale']],
      ['et le CCAS ?', ["centre communal d'action sociale"]],
    ]);
  });
});

describe('N12: words as French writes them', () => {
  it('elides « la » before a code that starts with a vowel, and reads it back', () => {
    const fr = sheetMessages.fr;
    expect(fr.askSummary('ACTION 4.2')).toBe("Parle-moi de l'ACTION 4.2");
    expect(fr.askSummary('PA 3.2.1')).toBe('Parle-moi de la PA 3.2.1');
    expect(fr.askPilot('ACTION 3.4')).toBe("Qui pilote l'ACTION 3.4 ?");
    expect(readSheetQuestion(index, fr.askSummary('ACTION 3.4')).codes.map((code) => code.number)).toEqual(['3.4']);
  });

  it('names a word it did not find as typed, accents kept', () => {
    const turn = answerSheetQuestion(index, readSheetQuestion(index, 'les LAEP des villages ont-ils été créées ?'), {}, 'fr');
    if (turn.text.includes("je n'ai pas trouvé")) expect(turn.text).not.toMatch(/« (ete|creees) »/);
    const question = readSheetQuestion(index, 'groupes de pères créées été');
    expect(question.typedForms).toEqual(expect.arrayContaining([['creees', 'créées'], ['ete', 'été']]));
  });

  it('never throws on hostile follow-ups, and keeps a valid conversation (property)', () => {
    const words = fc.constantFrom('et', "l'autre", 'autre', 'other', 'CTG', 'rôle', 'que fait', 'MSA', 'étapes', 'dates clés', 'plans', 'axe', 'schéma', '?', '<b>', '🙂', 'FA 8');
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string({ maxLength: 12 })), { maxLength: 8 }), (parts) => {
        let memory: SheetConversation = { currentSheetIds: [index.sheets[0].id], setAsideSheetIds: [index.sheets[1].id], lastGlossary: true };
        const turn = answerSheetQuestion(index, readSheetQuestion(index, parts.join(' ')), memory, 'fr');
        memory = turn.conversation;
        expect(typeof turn.text).toBe('string');
      }),
      { numRuns: 200 },
    );
  });
});
