import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Settings } from 'luxon';
import { conversation, DEV_KNOWLEDGE, folded, startTestBot, type TestBot } from '../helpers/transcript';

/**
 * QA "parents" D5, D8, D9, D10, D13, D16, through the whole bot, on an offer of our own (fictional services in the
 * Creuse and the Finistère, regions the development offer does not cover): what a parent types in SMS style, or with
 * a word that is also a village, must keep the search where and on what the parent asked.
 */
const FAMILY = ['famille--soutien-a-la-parentalite-et-a-leducation'];
const CONFLICTS = ['famille--surmonter-conflits-separation-violence'];
const service = (fields: Record<string, unknown>) => ({
  source: 'fix-offerread', type: 'accompagnement', frais: 'gratuit', publics: ['familles'], modes_accueil: ['en-presentiel'],
  zone_eligibilite: null, thematiques: FAMILY, ...fields,
});
const STRUCTURES = [
  { id: 'fr-mdf-souterraine', nom: 'Maison des familles du Pays sostranien', commune: 'La Souterraine', code_postal: '23300', adresse: '3 rue de Lyon' },
  { id: 'fr-cs-boussac', nom: 'Centre social de Boussac', commune: 'Boussac', code_postal: '23600', adresse: '8 place de l’Hôtel de Ville',
    latitude: 46.3497, longitude: 2.2167 },
  { id: 'fr-udaf29', nom: 'Udaf du Finistère', commune: 'Quimper', code_postal: '29000', adresse: '1 allée Sully', latitude: 47.996, longitude: -4.102 },
  { id: 'fr-rencontre-brest', nom: 'Association Trait d’union', commune: 'Brest', code_postal: '29200', adresse: '12 rue Jean Jaurès',
    latitude: 48.392, longitude: -4.484 },
];
const SERVICES = [
  service({ id: 'fr-laep-souterraine', structure_id: 'fr-mdf-souterraine', nom: 'Les Petits Pas', commune: 'La Souterraine', code_postal: '23300',
    adresse: '3 rue de Lyon', description: "Lieu d'accueil enfants-parents, pour les moins de 6 ans accompagnés d'un parent.", horaires_accueil: 'Th 09:00-11:30' }),
  service({ id: 'fr-clas-boussac', structure_id: 'fr-cs-boussac', nom: 'Coup de pouce du soir', commune: 'Boussac', code_postal: '23600',
    latitude: 46.3497, longitude: 2.2167, description: 'Aide aux devoirs pour les écoliers et collégiens, avec leurs parents.',
    horaires_accueil: 'Mo,Th 16:45-18:15' }),
  service({ id: 'fr-mediation-boussac', structure_id: 'fr-cs-boussac', nom: 'Médiation familiale du Boischaut', commune: 'Boussac',
    code_postal: '23600', latitude: 46.3497, longitude: 2.2167, thematiques: CONFLICTS, frais: 'payant',
    description: 'Médiation familiale pour les parents séparés ou en conflit.', horaires_accueil: 'Tu-Fr 09:00-17:00' }),
  service({ id: 'fr-ecoute-29', structure_id: 'fr-udaf29', nom: 'Allô Familles Finistère', commune: 'Quimper', code_postal: '29000',
    latitude: 47.996, longitude: -4.102, modes_accueil: ['a-distance'], zone_eligibilite: ['29'],
    description: "Ligne d'écoute : une psychologue écoute les parents au téléphone, anonymement.", horaires_accueil: 'Mo-Fr 10:00-19:00' }),
  service({ id: 'fr-rencontre-brest', structure_id: 'fr-rencontre-brest', nom: 'Espace rencontre Trait d’union', commune: 'Brest',
    code_postal: '29200', latitude: 48.392, longitude: -4.484, thematiques: CONFLICTS,
    description: "Espace rencontre : lieu neutre où l'enfant retrouve le parent avec qui il ne vit pas.", horaires_accueil: 'Sa 09:00-18:00' }),
];

let bot: TestBot;
let knowledge: string;
beforeAll(async () => {
  // Monday 7 December 2026, 21:15 in Paris, as in the QA.
  Settings.now = () => Date.parse('2026-12-07T20:15:00Z');
  knowledge = mkdtempSync(path.join(os.tmpdir(), 'fix-offerread-'));
  cpSync(DEV_KNOWLEDGE, knowledge, { recursive: true });
  writeFileSync(path.join(knowledge, 'offer', 'structures-fixread.json'), JSON.stringify(STRUCTURES));
  writeFileSync(path.join(knowledge, 'offer', 'services-fixread.json'), JSON.stringify(SERVICES));
  bot = await startTestBot(knowledge);
});
afterAll(async () => {
  Settings.now = () => Date.now();
  await bot.stop();
  rmSync(knowledge, { recursive: true, force: true });
});

describe('D5: a word near a village’s name never moves the search', () => {
  test.each(['c payant ?', "c'est payant ?", 'et c payant ?', 'accueil ?'])('after a search in Boussac, « %s » stays there', async (question) => {
    const chat = conversation(bot);
    expect(folded((await chat.says('on se dispute tout le temps avec mon ex pour la garde, on est a boussac dans la creuse')).text)).toContain('boischaut');
    const reply = folded((await chat.says(question)).text);
    expect(reply).not.toMatch(/pavant|arcueil|aisne/);
  });
});

describe('D8: someone to talk to on the phone, typed in SMS style', () => {
  test.each([
    "je voudrais parler a quelqun au telephone, j'habite a brest",
    'jvoudrai parler a qqn par tel svp jsuis a brest',
    'je veux parler a qq1 au tél, je suis a brest',
  ])('%s → the phone line of the département', async (text) => {
    expect(folded((await conversation(bot).says(text)).text)).toContain('allo familles finistere');
  });
});

describe('D9: « écoliers et collégiens » is 6 to 15', () => {
  test('a parent of an 8-year-old finds it, and the card does not say teenagers', async () => {
    const reply = folded((await conversation(bot).says('aide aux devoirs pour mon fils de 8 ans a boussac 23600')).text);
    expect(reply).toContain('coup de pouce du soir');
    expect(reply).not.toMatch(/11 a 17|adolescent/);
    expect(reply).toMatch(/6 a 15/);
  });

  test('a child « en CE2 » too', async () => {
    expect(folded((await conversation(bot).says('aide aux devoirs pour ma fille en CE2 a boussac (creuse)')).text)).toContain('coup de pouce du soir');
  });
});

describe('D10: a département’s name that is also a small commune elsewhere is the département', () => {
  test.each(['laep creuse', 'un laep creuse svp'])('%s', async (text) => {
    const reply = folded((await conversation(bot).says(text)).text);
    expect(reply).toContain('petits pas');
    expect(reply).not.toMatch(/somme|de creuse\b/);
  });
});

describe('D13: a place for a young child and the parent is a LAEP', () => {
  test.each([
    'lieu pour ma fille de 2 ans a la souterraine',
    'on vit a la souterraine dans la creuse, yaurai un lieu pour ma fille de 2 ans et moi ?',
  ])('%s', async (text) => {
    const reply = folded((await conversation(bot).says(text)).text);
    expect(reply).toContain('petits pas');
    expect(reply).not.toContain('rien trouve de specifique');
  });
});

describe('D16: a position shared with a few words keeps the kind asked', () => {
  test.each(['voila ma position', 'voici ma localisation', 'here is my location'])('%s', async (text) => {
    const chat = conversation(bot);
    await chat.says('espace rencontre');
    const reply = folded((await chat.says(text, { entities: [{ type: 'GeoCoordinates', latitude: 48.39, longitude: -4.48 }] })).text);
    expect(reply).toContain("trait d'union");
    expect(reply).not.toMatch(/par type|lieu d accueil enfants-parents \(laep\) :/);
  });
});
