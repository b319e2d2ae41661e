import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { CommuneIndex } from '../../src/geo';
import type { Language } from '../../src/language/text';
import { answerOfferQuery } from '../../dialogs/findSupport/answer';
import { loadOffer, OfferConversationSchema, readOfferMessage, type OfferConversation } from '../../src/offer';

// Temporary: captures every answer of a broad set of conversations, to compare before/after the refactor.
const communes = CommuneIndex.load();
const SHARED = resolve(__dirname, '../../../shared');
const offers = {
  demo: loadOffer(join(__dirname, '../../knowledge/offer'), communes).offer,
  dev: loadOffer(join(SHARED, 'fixtures/knowledge-dev/offer'), communes).offer,
};
const times = ['2026-03-10T10:30:00', '2026-03-14T19:00:00', '2026-03-15T22:00:00', '2026-07-14T08:00:00'];
const evalCases = readFileSync(join(SHARED, 'eval/offer-dev.jsonl'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('//')).map((l) => JSON.parse(l));
const chats: Array<{ say: string; position?: { latitude: number; longitude: number } }[]> = [
  ...evalCases.map((c: { say?: string; turns?: { say: string }[] }) => (c.turns ?? [{ say: c.say ?? "" }]).map((t) => ({ say: t.say }))),
  ...['un groupe de parole', 'un LAEP', 'médiation familiale', 'espace rencontre', 'aide aux devoirs', 'café des parents', 'atelier parents-enfants', 'point écoute', 'écoute par téléphone', 'centre social']
    .flatMap((k) => ['Givors', 'Lyon', 'Vénissieux', 'Amboise', 'Le Havre', 'Villeurbanne', 'Bron', 'Marseille'].map((p) => [{ say: `${k} à ${p}` }, { say: "d'autres" }, { say: 'plus loin' }, { say: "d'autres" }, { say: 'plus loin' }, { say: 'plus loin' }, { say: 'et le samedi ?' }, { say: 'ce soir' }, { say: 'maintenant' }])),
  [{ say: 'aide à la parentalité à Roubaix' }, { say: "d'autres" }, { say: "d'autres" }, { say: 'plus loin' }, { say: 'plus loin' }, { say: 'plus loin' }, { say: 'et le samedi ?' }],
  [{ say: 'aide à la parentalité à Lyon' }, { say: "d'autres" }, { say: "d'autres" }, { say: "d'autres" }, { say: 'ce soir' }, { say: 'maintenant' }],
  [{ say: 'quelque chose pour les parents à Marseille' }, { say: 'plus loin' }],
  [{ say: 'atelier cuisine à Lyon' }, { say: 'atelier zorglub à Lyon' }, { say: 'zorglub' }],
  [{ say: 'un groupe de parole pour parents solos à Vaulx-en-Velin' }, { say: 'et pour les ados ?' }, { say: 'pour un enfant de 4 ans' }],
  [{ say: 'un groupe de parole près de chez moi' }, { say: 'Givors' }],
  [{ say: 'un groupe de parole près de chez moi' }, { say: 'ok', position: { latitude: 45.59, longitude: 4.77 } }, { say: "d'autres" }],
  [{ say: 'un LAEP près de moi', position: { latitude: 45.75, longitude: 4.85 } }, { say: 'plus loin' }],
  [{ say: 'un groupe de parole à Saint-Julien' }, { say: 'dans le Var' }, { say: "dans l'Ain" }],
  [{ say: 'un groupe de parole à Saint-Paul' }, { say: 'le premier' }],
  [{ say: 'un groupe de parole' }, { say: 'bonjour' }, { say: '69700' }],
  [{ say: 'je voudrais parler à quelqu’un au téléphone' }, { say: 'ce soir' }, { say: 'à Lyon' }],
  [{ say: 'mon fils a 14 ans il ne me parle plus, Lyon' }, { say: 'je suis enceinte et seule à Bron' }, { say: 'on se dispute pour la garde des enfants, à qui m’adresser vers Givors ?' }],
  [{ say: 'parler à quelqu’un ce soir' }, { say: 'un groupe de parole le samedi à Lyon' }, { say: 'le 14 mars' }, { say: 'demain' }],
  [{ say: 'blorp' }, { say: '' }, { say: 'un LAEP à Zzzzville' }],
  [{ say: 'LAEP à Saint-Pierre-et-Miquelon' }, { say: 'un LAEP à 97500' }],
  [{ say: 'family mediation in Lyon' }, { say: 'more' }, { say: 'further' }, { say: 'on Saturday?' }],
  [{ say: 'parenting support near Tours' }, { say: 'a support group near me' }],
];

it('captures', () => {
  const out: unknown[] = [];
  for (const [offerName, offer] of Object.entries(offers)) {
    for (const iso of times) {
      const now = DateTime.fromISO(iso, { zone: 'Europe/Paris' });
      for (const language of ['fr', 'en'] as Language[]) {
        for (const chat of chats) {
          let conversation: OfferConversation = {};
          for (const turn of chat) {
            const got = answerOfferQuery(offer, communes, readOfferMessage(turn.say, now, communes), conversation, { now, language, position: turn.position });
            conversation = OfferConversationSchema.parse(JSON.parse(JSON.stringify(got.conversation)));
            out.push({ offerName, iso, language, say: turn.say, outcome: got.outcome, replies: got.replies, text: got.text, cards: got.cards, suggestions: got.suggestions, askLocation: got.askLocation, conversation });
          }
        }
      }
    }
  }
  const file = '/tmp/golden/answers.json';
  const json = JSON.stringify(out, null, 1);
  if (process.env.GOLDEN === 'write' || !existsSync(file)) writeFileSync(file, json);
  else writeFileSync('/tmp/golden/after.json', json);
  expect(out.length).toBeGreaterThan(1000);
});
