import { lastReply, positionIn as at, useBotWithExtraOffer } from '../helpers/extraOffer';
import { folded } from '../helpers/transcript';

/**
 * QA "parents" round 3, through the whole bot, on an offer of our own: a single father in Lille (his services first,
 * the header in his words), and places overseas whose hours are read on their own clocks.
 */
const FAMILY = ['famille--soutien-a-la-parentalite-et-a-leducation'];
const service = (fields: Record<string, unknown>) => ({
  source: 'fix-round3', type: 'accompagnement', frais: 'gratuit', publics: ['familles'], modes_accueil: ['en-presentiel'],
  zone_eligibilite: null, thematiques: FAMILY, ...fields,
});
const LILLE = { commune: 'Lille', code_postal: '59000', code_insee: '59350' };
const STRUCTURES = [
  { id: 's-mdf-lille', nom: 'Maison des familles de Wazemmes', ...LILLE, adresse: '10 rue des Sarrazins', latitude: 50.6280, longitude: 3.0500 },
  { id: 's-case-gp', nom: 'Case des parents', commune: 'Les Abymes', code_postal: '97139', code_insee: '97101', adresse: '3 rue Nozières',
    latitude: 16.2710, longitude: -61.5040 },
  { id: 's-kaz-974', nom: 'Kaz Fanmi', commune: 'Saint-Pierre', code_postal: '97410', code_insee: '97416', adresse: '8 rue Archambaud',
    latitude: -21.3393, longitude: 55.4781 },
];
const SERVICES = [
  service({ id: 'r3-solos-59', structure_id: 's-mdf-lille', nom: 'Parents solos, parlons-en', ...LILLE, latitude: 50.6290, longitude: 3.0510,
    description: 'Groupe de parole pour les parents seuls avec leurs enfants, un jeudi sur deux.', horaires_accueil: 'Th 18:00-20:00' }),
  service({ id: 'r3-papas-59', structure_id: 's-mdf-lille', nom: 'Le groupe des papas', ...LILLE, latitude: 50.6400, longitude: 3.0700,
    publics: ['familles', 'hommes'], description: 'Des pères échangent sur leur place auprès de leurs enfants, un samedi par mois.',
    horaires_accueil: 'Sa 10:00-12:00' }),
  service({ id: 'r3-cafe-59', structure_id: 's-mdf-lille', nom: 'Café des parents de Wazemmes', ...LILLE, latitude: 50.6282, longitude: 3.0502,
    description: 'Un café entre parents, chaque mardi matin.', horaires_accueil: 'Tu 09:00-11:00' }),
  service({ id: 'r3-laep-gp', structure_id: 's-case-gp', nom: 'LAEP Ti Moun', commune: 'Les Abymes', code_postal: '97139', code_insee: '97101',
    latitude: 16.2710, longitude: -61.5040, description: "Lieu d'accueil enfants-parents pour les moins de 6 ans.",
    horaires_accueil: 'Mo-Fr 08:00-12:00' }),
  service({ id: 'r3-cafe-974', structure_id: 's-kaz-974', nom: 'Café des parents Kaz Fanmi', commune: 'Saint-Pierre', code_postal: '97410',
    code_insee: '97416', latitude: -21.3393, longitude: 55.4781, description: 'Un café entre parents, en fin de journée.',
    horaires_accueil: 'Mo-Fr 17:00-19:30' }),
];

// Monday 7 December 2026, 15:00 in Paris: 10:00 in Guadeloupe, 18:00 in La Réunion.
const bot = useBotWithExtraOffer('fix-round3', { structures: STRUCTURES, services: SERVICES }, '2026-12-07T14:00:00Z');
const say = (...messages: string[]): Promise<string> => lastReply(bot(), ...messages);

/** The answer's first sentence: what the bot understood and found. */
const header = (reply: string) => reply.slice(0, reply.indexOf('.') + 1);

describe('a single father in Lille: his services first, the header in his words', () => {
  test.each([
    ['je suis papa seul avec 2 enfants à Lille', 'pour les peres seuls'],
    ['papa solo a lille', 'pour les peres seuls'],
    ['père seul à Lille, il y a quoi pour moi ?', 'pour les peres seuls'],
    ['je suis papa, je suis seul avec mes enfants a lille', 'pour les peres seuls'],
    ['Papa célibataire à Lille, un groupe de parole ?', 'pour les peres seuls'],
    ['single dad in Lille, any support?', 'for single fathers'],
  ])('« %s »: the fathers’ group first, « %s »', async (text, understood) => {
    const reply = await say(text);
    expect(header(reply)).toContain(understood);
    expect(at(reply, 'Le groupe des papas')).toBeLessThan(at(reply, 'Parents solos, parlons-en'));
    expect(reply).toContain(folded('Parents solos, parlons-en'));
  });

  test.each([
    'je suis seul avec mes enfants a lille',
    'je suis seule avec mes enfants a lille',
    'maman solo a lille',
    'parent isolé à Lille, il existe quoi ?',
  ])('« %s »: no father said, none understood', async (text) => {
    const reply = await say(text);
    expect(header(reply)).toContain('pour les parents solos');
    expect(reply).not.toMatch(/peres? seuls?|papas? solos?/);
    expect(reply).toContain(folded('Parents solos, parlons-en'));
    expect(reply).not.toContain(folded('Le groupe des papas'));
  });

  test('a father who asks for no audience gets every group, the fathers’ first, and none said to be for fathers', async () => {
    const reply = await say('je suis papa, un groupe de parole a lille');
    expect(at(reply, 'Le groupe des papas')).toBeLessThan(at(reply, 'Parents solos, parlons-en'));
    expect(header(reply)).not.toContain('pour les peres');
    expect(header(reply)).toContain('2 groupes de parole');
  });

  test('the father of a mother’s children is not the parent typing', async () => {
    const reply = await say('le pere de mes enfants est parti, je suis seule avec eux a lille');
    expect(reply).not.toContain('peres seuls');
  });
});

describe('places overseas are judged on their own clocks', () => {
  // It is 15:00 in Paris, 10:00 in Les Abymes and 18:00 in Saint-Pierre de La Réunion.
  test('a LAEP open 8–12 in Les Abymes is open now, until 12 h', async () => {
    const reply = await say('un laep ouvert maintenant aux abymes');
    expect(reply).toContain(folded('LAEP Ti Moun'));
    expect(reply).toContain(folded("ouvert maintenant, jusqu'à 12 h"));
  });

  test('a café open 17–19 h 30 in Saint-Pierre (97410) is open now, and tonight', async () => {
    const now = await say('un cafe des parents ouvert maintenant a saint-pierre 97410');
    expect(now).toContain(folded('Café des parents Kaz Fanmi'));
    expect(now).toContain(folded("ouvert maintenant, jusqu'à 19 h 30"));
    const tonight = await say('un café des parents ce soir à saint-pierre 97410');
    expect(tonight).toContain(folded('Café des parents Kaz Fanmi'));
  });

  test('the card of a place in Les Abymes tells its status on its own clock', async () => {
    const reply = await say('un laep aux abymes');
    expect(reply).toContain(folded("LAEP Ti Moun ouvert maintenant, jusqu'à 12 h"));
  });
});
