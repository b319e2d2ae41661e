import { usePartnerBot } from '../sheets/partnerPlansFixture';

/**
 * Partners' follow-ups in Teams, QA « partners » round 2 (N2, N7, N8, N9, N10, N11), through the whole bot, on plans
 * written for the tests (tests/sheets/partnerPlansFixture.ts) — not the QA's: a date asked without « calendrier »
 * stays on the sheet discussed, an organisation's role is read from the lines naming it, « et l'autre ? » after a
 * choice, « FA 8 » read as « fiche action 8 » too, the list of plans, a plan or an axis named by its words, and a
 * plan's abbreviation asked after a definition.
 */

const partners = usePartnerBot();
const play = partners.play;

const METZ_STEPS = ['Metz', 'Étape 1'];

describe('a date asked in other words stays on the sheet discussed (N2)', () => {
  it('« et les grandes étapes ? », « ok et les dates clés ? », « c’est pour quand ? »', async () => {
    await play([
      ['partenaires de la FA 3', ['Udaf 80']],
      ['et les grandes étapes ?', ['2025-2027'], METZ_STEPS],
      ['ok et les dates clés ?', ['2025-2027'], ['Finistère', ...METZ_STEPS]],
      ["c'est pour quand ?", ['2025-2027'], ['Finistère', ...METZ_STEPS]],
    ]);
  });

  it('« quand ouvre le LAEP itinérant ? » while the sheet that has it is discussed', async () => {
    await play([
      ['budget de la FA 8 de la Somme', ['20 000 €'], ['Finistère']],
      ['quand ouvre le LAEP itinérant ?', ['septembre 2026'], ['Finistère', 'pas de rubrique']],
      ['et les jalons ?', ['septembre 2026'], ['Finistère']],
    ]);
  });
});

describe("an organisation's role in a sheet (N7)", () => {
  it('is read from the lines that name it, partners first, never the glossary', async () => {
    await play([['quel est le rôle de la Caf de la Somme dans la FA 3 ?', ['Pilote', 'Caf de la Somme'], ['Udaf 80']]]);
    await play([
      ['qui pilote la FA 8 de la Somme ?', ['Mutualité sociale agricole de Picardie']],
      ['la MSA y fait quoi ?', ['MSA de Picardie : 20 000 €'], ['On trouve ce terme', 'mutualité sociale agricole.']],
      ['que fait la Caf de la Somme dans cette fiche ?', ['Partenaires', 'Caf de la Somme'], ['Mutualité sociale agricole de Picardie']],
    ]);
  });

  it('with no sheet named, lists the sheets where it appears, with its role', async () => {
    await play([['quel est le rôle de l’Udaf 80 ?', ['FA 3', 'partenaire']]]);
  });
});

describe('choosing among sheets sharing a number (N8, N9)', () => {
  it('« et l’autre ? » after a choice is the sheet left aside', async () => {
    await play([
      ['pilote de la fiche 8', ['2 plans']],
      ['celle de la Somme', ['Mutualité sociale agricole de Picardie'], ['Finistère']],
      ["et l'autre ?", ['Finistère'], ['Somme']],
      ["et l'autre ?", ['Somme']],
    ]);
  });

  it('« FA 8 » names a « FICHE-ACTION 8 » too: FA is its initials', async () => {
    await play([['FA 8', ['2 plans', 'Somme', 'Finistère']]]);
  });
});

describe('plans, and a plan or an axis as a whole (N10)', () => {
  it('lists the plans with their territory, period and number of sheets', async () => {
    for (const says of ['quels plans connais-tu ?', 'liste des plans', 'quels sont les plans disponibles ?']) {
      await play([[says, ['Somme (80)', '2025-2029', '3 fiches', 'Vallée du Lot']]]);
    }
  });

  it('« résume le schéma de la Somme » lists its sheets', async () => {
    await play([['résume le schéma de la Somme', ['FA 3', 'FA 5', 'FA 8'], ['Rhône']]]);
  });

  it('« quelles fiches de l’axe Familles monoparentales ? » lists the sheets under that axis', async () => {
    await play([['quelles fiches de l’axe Familles monoparentales ?', ['FICHE 2', 'parents solos'], ['FICHE 6']]]);
  });
});

describe('the glossary, then a plan’s abbreviation alone (N11)', () => {
  it('« que veut dire LAEP ? » then « et CTG ? »', async () => {
    await play([
      ['que veut dire LAEP ?', ["lieu d'accueil enfants-parents"]],
      ['et CTG ?', ['convention territoriale globale'], ['pas bien compris']],
    ]);
  });
});
