import { conversation, folded } from '../helpers/transcript';
import { usePartnerBot } from '../sheets/partnerPlansFixture';

/**
 * Partners in Teams (and on the website) move along a plan, pick one of two plans sharing a number, type codes
 * oddly, and ask a field with a topic — through the whole bot (routing, dialogs, state), on plans written for these
 * tests (tests/sheets/partnerPlansFixture.ts). QA « partners », defects 4, 5, 6, 7.
 */

const partners = usePartnerBot();
const play = partners.play;

const PARENT_SEARCH = ['ou dois-je chercher', 'code postal'];

describe('in Teams', () => {
  it('« qui pilote les LAEP … ? » in a new conversation is a question on the sheets, not a parent’s search', async () => {
    await play([['qui pilote les LAEP des villages en montagne ?', ['FA 8', 'Mutualité sociale agricole de Picardie'], PARENT_SEARCH]]);
  });

  it('« et la suivante ? » goes to the next sheet of the same plan, then says there is none', async () => {
    await play([
      ['FA 3', ['groupes de parole pour les pères']],
      ['et la suivante ?', ['FA 5', 'modes de garde'], ['Finistère', 'suivant la naissance']],
      ['fiche suivante', ['FA 8']],
      ['et la suivante ?', ['dernière fiche'], ['Finistère']],
      ['et la précédente ?', ['FA 5']],
    ]);
  });

  it('after « action 2 », « et la suivante ? » is the next action of that sheet', async () => {
    await play([
      ['qui pilote la FA 3 ?', ['Caf de la Somme']],
      ['action 2', ['Former 12 animateurs']],
      ['et la suivante ?', ['Ouvrir 5 groupes'], ['FA 5', 'Finistère']],
    ]);
  });

  it('« F.A. 5 » is FA 5, never the sheet discussed before', async () => {
    await play([
      ['fa 3 partenaires', ['Udaf 80']],
      ['F.A. 5 calendrier', ['Chaque rentrée scolaire'], ['2025-2027']],
      ['calendrier de la F.A 8', ['septembre 2026']],
    ]);
  });

  it('after two plans shown for one number, « celle de la Somme » and « la deuxième » are understood', async () => {
    await play([
      ['budget de la fiche 8', ['2 plans', 'Somme', 'Finistère']],
      ['celle de la Somme', ['20 000 €'], ['pas bien compris', 'Finistère']],
    ]);
    await play([
      ['budget de la fiche 8', ['2 plans']],
      ['la deuxième', [], ['pas bien compris']],
    ]);
  });

  it('a number no plan has is named as typed, with the same plan’s sheets', async () => {
    await play([['qui pilote la FA 16 ?', ['FA 16', 'FA 3 à FA 8'], ['FA 1.6', 'FICHE-ACTION']]]);
  });

  it("a sheet's second code, with its plan named", async () => {
    await play([["qui porte l'action 4.1 de la CTG de la Vallée du Lot ?", ['Centre social de Fumel'], ['2.3.2']]]);
  });
});

describe('on the website', () => {
  it('a plan’s button on a card, submitted, picks that sheet and keeps what was asked', async () => {
    const chat = conversation(partners.bot, { channelId: 'webchat' });
    const shown = await chat.says('qui pilote la fiche 8 ?');
    const asks = shown.replies
      .flatMap((reply) => (reply.attachments as Array<{ content?: { actions?: Array<{ type: string; data?: { ask?: string } }> } }> | undefined) ?? [])
      .flatMap((attachment) => attachment.content?.actions ?? [])
      .flatMap((action) => (action.type === 'Action.Submit' && action.data?.ask ? [action.data] : []));
    expect(asks).toHaveLength(2);
    const somme = asks.find((data) => folded(data.ask ?? '').includes('somme'));
    expect(somme).toBeDefined();
    const chosen = folded((await chat.submits(somme as Record<string, unknown>)).text);
    expect(chosen).toContain(folded('Mutualité sociale agricole de Picardie'));
    expect(chosen).not.toContain(folded('Finistère'));
  });
});
