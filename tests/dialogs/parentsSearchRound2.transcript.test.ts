import { lastReply, positionIn as at, useBotWithExtraOffer } from '../helpers/extraOffer';
import { conversation, folded } from '../helpers/transcript';

/**
 * QA "parents" round 2 (N-M1…N-M8, N-L1…N-L4), through the whole bot, on an offer of our own (fictional services in
 * regions the development offer does not cover): situations that point to services by their own words, a postcode
 * that beats a word read as a far village, zones for a position overseas, dated closures and school holidays, and the
 * follow-ups parents type.
 */
const FAMILY = ['famille--soutien-a-la-parentalite-et-a-leducation'];
const service = (fields: Record<string, unknown>) => ({
  source: 'fix-round2', type: 'accompagnement', frais: 'gratuit', publics: ['familles'], modes_accueil: ['en-presentiel'],
  zone_eligibilite: null, thematiques: FAMILY, ...fields,
});
const STRASBOURG = { commune: 'Strasbourg', code_postal: '67000', latitude: 48.5839, longitude: 7.7455 };
const STRUCTURES = [
  { id: 's-epe67', nom: 'École des parents du Bas-Rhin', ...STRASBOURG, adresse: '5 place de la Gare' },
  { id: 's-mdf-mirail', nom: 'Maison des familles du Mirail', commune: 'Toulouse', code_postal: '31100', adresse: '2 allée de Bellefontaine',
    latitude: 43.5866, longitude: 1.3934 },
  { id: 's-cs-13013', nom: 'Centre social des Olivettes', commune: 'Marseille', code_postal: '13013', adresse: 'Le Mistral, bât. N',
    latitude: 43.3329, longitude: 5.4137 },
  { id: 's-mda44', nom: 'Maison des ados (antenne)', commune: 'Saint-Herblain', code_postal: '44800', adresse: '1 rue de la Paix',
    latitude: 47.2122, longitude: -1.6497 },
  { id: 's-fr48', nom: 'Familles rurales du Gévaudan', commune: 'Marvejols', code_postal: '48100', adresse: 'Place du Soubeyran',
    latitude: 44.5536, longitude: 3.2914 },
  { id: 's-case974', nom: 'Case des familles', commune: 'Saint-Denis', code_postal: '97490', adresse: '12 rue des Lilas',
    latitude: -20.8907, longitude: 55.4900 },
];
const SERVICES = [
  service({ id: 'r2-laep-67', structure_id: 's-epe67', nom: 'LAEP Les Cigognes', ...STRASBOURG, latitude: 48.5820, longitude: 7.7510,
    description: 'Accueil libre des enfants de moins de 4 ans avec leur parent, sans inscription.',
    horaires_accueil: 'Mo,We 14:00-17:30; Sa 09:00-12:00; Dec 21-Jan 03 off' }),
  service({ id: 'r2-peres-67', structure_id: 's-epe67', nom: 'Rencontres entre papas', ...STRASBOURG, publics: ['familles', 'hommes'],
    description: 'Un vendredi par mois, des pères échangent sur leur place auprès de leurs enfants.', horaires_accueil: 'Fr 18:00-19:30' }),
  service({ id: 'r2-massage-67', structure_id: 's-epe67', nom: 'Atelier massage bébé', ...STRASBOURG, latitude: 48.5830, longitude: 7.7460,
    description: 'Atelier parents-enfants pour les jeunes parents, bébés de 0 à 12 mois.', horaires_accueil: 'Th 10:00-11:30' }),
  service({ id: 'r2-deuil-67', structure_id: 's-epe67', nom: 'Permanence Traversée', ...STRASBOURG, latitude: 48.5900, longitude: 7.7600,
    description: "Soutien des parents en deuil, après le décès d'un enfant, sur rendez-vous.", horaires_accueil: 'Mo-Fr 09:00-17:00' }),
  service({ id: 'r2-ligne-67', structure_id: 's-epe67', nom: "Ligne d'écoute Parents Alsace", ...STRASBOURG, modes_accueil: ['a-distance'],
    zone_eligibilite: ['67', '68'], telephone: '03 88 00 00 01',
    description: 'Au téléphone, un psychologue répond aux parents, anonymement.', horaires_accueil: 'Mo-Fr 09:00-21:00' }),
  service({ id: 'r2-handicap-31', structure_id: 's-mdf-mirail', nom: "Groupe de parents d'enfants différents", commune: 'Toulouse',
    code_postal: '31100', latitude: 43.5866, longitude: 1.3934,
    description: "Un samedi par mois, des parents d'enfants handicapés ou autistes partagent leur quotidien.", horaires_accueil: 'Sa 10:00-12:00' }),
  service({ id: 'r2-laep-31', structure_id: 's-mdf-mirail', nom: "Lieu d'accueil enfants-parents Les Lutins", commune: 'Toulouse',
    code_postal: '31100', latitude: 43.5900, longitude: 1.4000, description: 'Pour les enfants de 0 à 6 ans.', horaires_accueil: 'Tu 09:00-11:30' }),
  service({ id: 'r2-clas-13013', structure_id: 's-cs-13013', nom: 'Coup de pouce Olivettes', commune: 'Marseille', code_postal: '13013',
    latitude: 43.3329, longitude: 5.4137, description: 'Accompagnement à la scolarité des collégiens, avec les parents.',
    horaires_accueil: 'Mo,Tu,Th 16:30-18:30' }),
  service({ id: 'r2-ecoute-44', structure_id: 's-mda44', nom: 'Accueil des parents inquiets', commune: 'Saint-Herblain', code_postal: '44800',
    latitude: 47.2122, longitude: -1.6497, telephone: '02 40 00 00 02',
    description: 'Les parents inquiets pour leur adolescent (décrochage, conduites à risque) sont reçus, sur rendez-vous.',
    horaires_accueil: 'Mo-Fr 13:00-19:00' }),
  service({ id: 'r2-laep-48', structure_id: 's-fr48', nom: 'LAEP itinérant du Gévaudan', commune: 'Marvejols', code_postal: '48100',
    latitude: 44.5536, longitude: 3.2914, telephone: '04 66 00 00 03',
    description: "Lieu d'accueil enfants-parents itinérant pour les moins de 6 ans.", horaires_accueil: 'Tu 09:30-11:30; Th 14:00-16:30' }),
  service({ id: 'r2-cafe-974', structure_id: 's-case974', nom: 'Café des parents de la Case', commune: 'Saint-Denis', code_postal: '97490',
    latitude: -20.8907, longitude: 55.4900, description: 'Un café entre parents, chaque matin en semaine.', horaires_accueil: 'Mo-Fr 08:00-10:00' }),
];

// Monday 7 December 2026, 22:00 in Paris, as in the QA.
const useBot = useBotWithExtraOffer('fix-round2', { structures: STRUCTURES, services: SERVICES }, '2026-12-07T21:00:00Z');
const say = (...messages: string[]): Promise<string> => lastReply(useBot(), ...messages);

describe('N-M3: parents of a disabled or autistic child find the group of parents', () => {
  test.each([
    'mon fils est autiste, ya un groupe de parents a toulouse ?',
    'ma fille a un TSA, je voudrais rencontrer des parents qui vivent ca, on habite toulouse',
    'enfant handicapé, un soutien pour nous a toulouse ?',
    'Is there anything in Toulouse for parents of an autistic child?',
  ])('%s', async (text) => {
    const reply = await say(text);
    expect(reply).toContain(folded("Groupe de parents d'enfants différents"));
    expect(at(reply, "Groupe de parents d'enfants différents")).toBeLessThan(at(reply, 'Les Lutins'));
  });

  test('« groupe de parents » names a groupe de parole', async () => {
    expect(await say('groupe de parole toulouse')).toContain(folded("Groupe de parents d'enfants différents"));
  });
});

describe('N-M4: bereaved parents are offered the bereavement service first, never a baby workshop', () => {
  test.each([
    'nous avons perdu notre bebe cet ete, un soutien a strasbourg ?',
    'mon fils est décédé, je cherche de l aide a strasbourg',
    'we lost our baby, is there support in Strasbourg?',
  ])('%s', async (text) => {
    const reply = await say(text);
    expect(reply).toContain(folded('Permanence Traversée'));
    expect(reply).not.toContain(folded('Atelier massage bébé'));
    expect(reply).not.toContain(folded('LAEP Les Cigognes'));
    expect(at(reply, 'Permanence Traversée')).toBeLessThan(at(reply, 'Rencontres entre papas'));
  });
});

describe('N-M2: a postcode typed beats a word read as a far village', () => {
  test('« clas a frais vallon marseille 13013 » searches Marseille 13e', async () => {
    const reply = await say('clas a frais vallon marseille 13013');
    expect(reply).toContain(folded('Coup de pouce Olivettes'));
    expect(reply).not.toMatch(/de frais\b/);
  });
});

describe('N-M1: a position overseas is offered no line reserved to a département elsewhere', () => {
  test('a position in La Réunion, then « par téléphone »', async () => {
    const chat = conversation(useBot());
    const first = folded((await chat.sharesPosition(-20.89, 55.47)).text);
    expect(first).toContain(folded('Café des parents de la Case'));
    expect(first).not.toContain(folded("Ligne d'écoute Parents Alsace"));
    const phone = folded((await chat.says('je voudrais parler a quelqu un par telephone')).text);
    expect(phone).not.toContain(folded("Ligne d'écoute Parents Alsace"));
  });

  test('a position in Strasbourg is offered its line', async () => {
    const chat = conversation(useBot());
    await chat.sharesPosition(48.58, 7.75);
    expect(folded((await chat.says('je voudrais parler a quelqu un par telephone')).text)).toContain(folded("Ligne d'écoute Parents Alsace"));
  });
});

describe('N-M5: a dated closure on the card, and the Christmas holidays as days', () => {
  test('the card says when it is closed', async () => {
    expect(await say('laep strasbourg')).toContain('ferme du 21 decembre au 3 janvier');
  });

  test('« pendant les vacances de Noël » is a span of days', async () => {
    const reply = await say('un laep a strasbourg pendant les vacances de noel');
    expect(reply).toContain('vacances de noel');
    expect(reply).toContain('19 decembre');
  });
});

describe('N-M8: after an empty « plus loin », « c’est quand ? » speaks of what was shown', () => {
  test('Marvejols', async () => {
    const reply = await say('un laep a marvejols pour notre fils de 2 ans', 'plus loin', 'c est quand ?');
    expect(reply).toContain(folded('LAEP itinérant du Gévaudan'));
    expect(reply).toContain('mardi');
  });
});

describe('N-L1 / N-L2: fathers, and ages in months', () => {
  test('a father asking for fathers gets the fathers’ group first, « Public : les pères »', async () => {
    const reply = await say('papa solo a strasbourg, il existe des groupes pour les peres ?');
    expect(at(reply, 'Rencontres entre papas')).toBeLessThan(at(reply, 'LAEP Les Cigognes'));
    expect(reply).toContain('public** : les peres');
  });

  test('« 0 à 12 mois » is under one: not offered for a child of 5, and said so on the card', async () => {
    expect(await say('un atelier a strasbourg pour ma fille de 5 ans')).not.toContain(folded('Atelier massage bébé'));
    expect(await say('atelier strasbourg')).toContain("bebes de moins d'un an");
  });

  test('« un bb de 8 mois » is a baby under one', async () => {
    expect(await say('toulouse', 'pour un bb de 8 mois')).toContain("bebe de moins d'un an");
  });
});

describe('N-L3: no « rien trouvé de spécifique » above a result whose words fit', () => {
  test('« phobie scolaire » finds the listening service that speaks of « décrochage »', async () => {
    const reply = await say('mon ado veut plus aller au college, phobie scolaire, on est a saint-herblain');
    expect(reply).toContain(folded('Accueil des parents inquiets'));
    expect(reply).not.toContain('rien trouve de specifique');
  });
});

describe('N-L4: follow-ups', () => {
  test.each([
    ['c payan ?', 'gratuit'],
    ['c gratos ?', 'gratuit'],
    ['on peut les appeler ?', '04 66 00 00 03'],
  ])('« %s » answers from the card', async (question, expected) => {
    const reply = await say('un laep a marvejols', question);
    expect(reply).toContain(folded('LAEP itinérant du Gévaudan'));
    expect(reply).toContain(expected);
  });

  test('« et par téléphone ? » adds the lines at a distance', async () => {
    const reply = await say('un laep a strasbourg', 'et par telephone ?');
    expect(reply).toContain(folded("Ligne d'écoute Parents Alsace"));
  });
});

describe('N-M7: a child hitting at school is a parent’s search', () => {
  test('Strasbourg', async () => {
    const reply = await say("mon fils a frappé un camarade a l'école, je suis convoqué, a qui en parler a strasbourg ?");
    expect(reply).not.toMatch(/aucun plan|fiche/);
    expect(reply).toMatch(/ligne d'ecoute parents alsace|rencontres entre papas|permanence|cigognes/);
  });
});
