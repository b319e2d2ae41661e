import { setClock as at, useBotWithExtraOffer } from '../helpers/extraOffer';
import { conversation, folded } from '../helpers/transcript';

/**
 * QA "parents" round 4, overseas: « aujourd'hui », « ce soir », « demain » are the place's own today, tonight and
 * tomorrow, in the hours when its calendar shows another date than Paris's; the status of a place on another clock
 * says « (heure locale) » once.
 */
const FAMILY = ['famille--soutien-a-la-parentalite-et-a-leducation'];
const service = (fields: Record<string, unknown>) => ({
  source: 'fix-round4', type: 'accompagnement', frais: 'gratuit', publics: ['familles'], modes_accueil: ['en-presentiel'],
  zone_eligibilite: null, thematiques: FAMILY, ...fields,
});
const ABYMES = { commune: 'Les Abymes', code_postal: '97139', code_insee: '97101', latitude: 16.2710, longitude: -61.5040 };
const SAINT_PIERRE = { commune: 'Saint-Pierre', code_postal: '97410', code_insee: '97416', latitude: -21.3393, longitude: 55.4781 };
const STRUCTURES = [
  { id: 's-r4-gp', nom: 'Case des parents', ...ABYMES, adresse: '3 rue Nozières' },
  { id: 's-r4-974', nom: 'Kaz Fanmi', ...SAINT_PIERRE, adresse: '8 rue Archambaud' },
];
const SERVICES = [
  service({ id: 'r4-laep-gp', structure_id: 's-r4-gp', nom: 'LAEP Ti Moun', ...ABYMES,
    description: "Lieu d'accueil enfants-parents pour les moins de 6 ans.", horaires_accueil: 'Mo-Fr 08:00-12:00' }),
  service({ id: 'r4-cafe-974', structure_id: 's-r4-974', nom: 'Café des parents Kaz Fanmi', ...SAINT_PIERRE,
    description: 'Un café entre parents, en fin de journée.', horaires_accueil: 'Mo-Fr 17:00-19:30' }),
];

const useBot = useBotWithExtraOffer('fix-round4', { structures: STRUCTURES, services: SERVICES });

const say = async (message: string): Promise<string> => folded((await conversation(useBot()).says(message)).text);

describe('Monday 7 December, 22:30 in Paris: already Tuesday, 1:30, in La Réunion', () => {
  beforeEach(() => at('2026-12-07T21:30:00Z'));

  test('« un café des parents ce soir à Saint-Pierre 97410 »: tonight is Tuesday evening there', async () => {
    const reply = await say('un café des parents ce soir à saint-pierre 97410');
    expect(reply).toContain(folded('Café des parents Kaz Fanmi'));
    expect(reply).toContain(folded('**Ce soir** : le mardi de 17 h à 19 h 30'));
    expect(reply).not.toContain('lundi de 17 h');
  });

  test('« demain » is Wednesday there, « aujourd’hui » Tuesday', async () => {
    expect(await say('un café des parents demain à saint-pierre 97410')).toContain(folded('**Demain** : le mercredi de 17 h à 19 h 30'));
    expect(await say("un café des parents aujourd'hui à saint-pierre 97410")).toContain(folded("**Aujourd'hui** : le mardi de 17 h à 19 h 30"));
  });

  test('a day named in full is that date everywhere: « le mardi 8 décembre »', async () => {
    expect(await say('un café des parents le mardi 8 décembre à saint-pierre 97410')).toContain(folded('le mardi de 17 h à 19 h 30'));
  });

  test('the status is on the place’s clock and says so, once', async () => {
    const reply = await say('un café des parents à saint-pierre 97410');
    expect(reply).toContain(folded("Ouvre aujourd'hui à 17 h (heure locale)"));
    expect(reply.split('heure locale').length - 1).toBe(1);
  });

  test('a place on Paris’s clock says no « heure locale »', async () => {
    const reply = await say("un groupe de parole parents d'ados à saint-pierre-des-corps");
    expect(reply).toContain(folded("Groupe de parole parents d'ados"));
    expect(reply).not.toContain('heure locale');
  });
});

describe('Tuesday 8 December, 3:00 in Paris: still Monday, 22:00, in Guadeloupe', () => {
  beforeEach(() => at('2026-12-08T02:00:00Z'));

  test('« un LAEP demain aux Abymes » is Tuesday there, not Wednesday', async () => {
    const reply = await say('un laep demain aux abymes');
    expect(reply).toContain(folded('LAEP Ti Moun'));
    expect(reply).toContain(folded('**Demain** : le mardi de 8 h à 12 h'));
  });

  test('« aujourd’hui » is Monday there; the status says tomorrow at 8, local time', async () => {
    const reply = await say("un laep aujourd'hui aux abymes");
    expect(reply).toContain(folded("**Aujourd'hui** : le lundi de 8 h à 12 h"));
    expect(reply).toContain(folded('Fermé maintenant ; prochaine ouverture demain à 8 h (heure locale)'));
  });
});

describe('a follow-up the next morning keeps the day that was meant', () => {
  test('« demain » said Monday 22:30 in Paris (Tuesday 1:30 in La Réunion), « et à Saint-Pierre ? » at 8:00: still Wednesday there', async () => {
    const chat = conversation(useBot());
    at('2026-12-07T21:30:00Z');
    await chat.says('un café des parents demain à lyon');
    at('2026-12-08T07:00:00Z');
    const reply = folded((await chat.says('et à saint-pierre 97410 ?')).text);
    expect(reply).toContain(folded('Café des parents Kaz Fanmi'));
    expect(reply).toContain(folded('le mercredi de 17 h à 19 h 30'));
    expect(reply).not.toContain(folded('le mardi de 17 h'));
  });
});
