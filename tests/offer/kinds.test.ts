import { DateTime } from 'luxon';
import { CommuneIndex } from '../../src/geo';
import { agesOfService, audiencesOfService, isFamilyPlace, kindsOfService } from '../../src/offer/classify';
import { foldedText } from '../../src/offer/phrases';
import { readOfferMessage } from '../../src/offer/understand';

const communes = CommuneIndex.load();
const now = DateTime.fromISO('2026-03-10T10:30:00', { zone: 'Europe/Paris' });

const folded = (text: string) => foldedText(text) ?? { folded: '', tokens: [] };
const kinds = (name: string, description: string | null = null, remote = false) =>
  kindsOfService({ name: folded(name), description: description ? folded(description) : null, types: null, remote }).sort();

describe('kinds of service, from their own words', () => {
  it.each([
    ['LAEP La Ribambelle', ['laep']],
    ["Lieu d'accueil enfants-parents Les Petits Pas", ['laep']],
    ['Groupe de parole parents solos', ['groupe-parole']],
    ["Groupe de parole parents d'ados", ['groupe-parole']],
    ["Groupe d'entraide entre parents", ['groupe-parole']],
    ['Café des parents du jeudi', ['cafe-parents']],
    ['Point écoute parents', ['point-ecoute']],
    ['Médiation familiale', ['mediation']],
    ['Espace rencontre parents-enfants', ['espace-rencontre']],
    ['Atelier parents-enfants du mercredi', ['atelier']],
    ['Sorties familles', ['atelier']],
    ['Accompagnement à la scolarité (CLAS)', ['clas']],
    ['Aide aux devoirs des Minguettes', ['clas']],
    ['Conférence-débat : les écrans en famille', ['conference']],
    ["Soirée d'échange : être parent d'ado", ['conference']],
    ['Écoute téléphonique Allô Parents', ['ecoute-distance']],
    // A group of parents named in everyday words is a groupe de parole; a school's parents' group is not.
    ["Groupe parents d'ados", ['groupe-parole']],
    ['Groupe des papas', ['groupe-parole']],
    ['Groupe pour parler entre mamans', ['groupe-parole']],
    ["Groupe de parents d'élèves", []],
    ['Groupe scolaire Jean Moulin', []],
  ])('%s', (name, expected) => {
    expect(kinds(name)).toEqual(expected);
  });

  it('reads the description only when the name says nothing', () => {
    expect(kinds('Les Petits Pas', 'Accueil libre des enfants de moins de 6 ans : un lieu d’accueil enfants-parents.')).toEqual(['laep']);
    expect(kinds('Café des parents', 'En lien avec le LAEP voisin et la médiation familiale.')).toEqual(['cafe-parents']);
    expect(kinds('Permanence emploi', 'Aide à la recherche d’emploi.')).toEqual([]);
  });

  it('makes a remote listening point a helpline too', () => {
    expect(kinds('Point écoute parents', null, true)).toEqual(['ecoute-distance', 'point-ecoute']);
  });

  it('tells centres sociaux, EVS and maisons des familles', () => {
    expect(isFamilyPlace(folded('Centre social du Moulin'), null)).toBe(true);
    expect(isFamilyPlace(folded('Espace de vie sociale Le Lien'), null)).toBe(true);
    expect(isFamilyPlace(folded('Maison des familles du Plateau'), null)).toBe(true);
    expect(isFamilyPlace(folded('Association La Ribambelle'), folded('Soutien à la parentalité.'))).toBe(false);
  });

  it('reads audiences and ages', () => {
    expect(audiencesOfService([folded('Groupe de parole'), folded('Groupe d’entraide pour les familles monoparentales')])).toEqual(['solo']);
    expect(audiencesOfService([folded('Groupe de parole'), folded('Pour les parents de collégiens et lycéens')])).toEqual(['ados']);
    expect(agesOfService([folded('Activités pour les enfants de 3 à 10 ans')], [])).toEqual([3, 10]);
    expect(agesOfService([folded('Pour les 0-6 ans')], [])).toEqual([0, 6]);
    expect(agesOfService([folded('Enfants de moins de 6 ans')], [])).toEqual([0, 5]);
    expect(agesOfService([folded('Accueil libre')], ['laep'])).toEqual([0, 6]);
    expect(agesOfService([folded('Accueil libre')], [])).toBeNull();
  });
});

describe("parents' words", () => {
  const read = (text: string) => readOfferMessage(text, now, communes);

  it.each([
    ['aide aux devoirs à Bron', ['clas']],
    ['un soutien scolaire pour mon fils', ['clas']],
    ["je voudrais parler à quelqu'un", ['ecoute-distance', 'point-ecoute']],
    ['soutien entre pairs', ['cafe-parents', 'groupe-parole']],
    ['entraide entre parents', ['cafe-parents', 'groupe-parole']],
    ['peer support near me', ['cafe-parents', 'groupe-parole']],
    ["un groupe d'entraide", ['cafe-parents', 'groupe-parole']],
    ["rencontrer d'autres parents", ['cafe-parents', 'groupe-parole']],
    ['un laep', ['laep']],
    ['un lieu d’accueil parents-enfants', ['laep']],
    ['mediaton familliale', ['mediation']],
    ['on se sépare, on se dispute pour les enfants', ['mediation']],
    ['homework help', ['clas']],
    ['un café-parents', ['cafe-parents']],
    ['des sorties en famille', ['atelier']],
    ['une conférence sur les écrans', ['conference']],
    ['un centre social', ['centre-social']],
  ])('%s', (text, expected) => {
    expect(read(text).kinds.sort()).toEqual(expected);
  });

  it.each([
    ['je suis maman solo', ['solo']],
    // A father who says he is one: the fathers' audience too (it ranks their services first, src/offer/search.ts).
    ['papa solo à Lyon', ['solo', 'peres']],
    ['famille monoparentale', ['solo']],
    ['single mum', ['solo']],
    ['mon ado ne me parle plus', ['ados']],
    ['ma fille de 15 ans', ['ados']],
    ['mon fils de 4 ans', ['petits']],
    ['mon bébé de 18 mois', ['petits']],
    ['my 3-year-old son', ['petits']],
  ])('%s → audience %j', (text, expected) => {
    expect(read(text).audiences).toEqual(expected);
  });

  it('reads a child’s age', () => {
    expect(read('mon fils de 4 ans').age).toBe(4);
    expect(read("j'ai 35 ans et ma fille a 9 ans").age).toBe(9);
    expect(read('le samedi à 10 h').age).toBeNull();
  });

  it('tells follow-ups: more, further, near me, remote', () => {
    expect(read("d'autres ?").more).toBe(true);
    expect(read('voir plus').more).toBe(true);
    expect(read("rencontrer d'autres parents").more).toBe(false);
    expect(read('plus loin').farther).toBe(true);
    expect(read('près de chez moi').nearMe).toBe(true);
    expect(read('near me').nearMe).toBe(true);
    expect(read('au téléphone').remote).toBe(true);
    expect(read('et à Givors ?').followUp).toBe(true);
  });

  it.each([
    // What parents describe, mapped by the situations vocabulary (src/offer/situations.ts).
    ["on se dispute pour la garde des enfants, à qui m'adresser vers Givors ?", ['mediation']],
    ['mon ex ne veut pas me laisser voir mes enfants', ['espace-rencontre', 'mediation']],
    ['mon fils a 14 ans il ne me parle plus', ['groupe-parole', 'point-ecoute']],
    ['je suis enceinte et seule', ['groupe-parole', 'laep', 'point-ecoute']],
    ['jsuis epuisee avec mon bebe', ['cafe-parents', 'ecoute-distance', 'groupe-parole', 'laep', 'point-ecoute']],
    ['il a des difficultés scolaires', ['clas']],
    ['trop d écrans à la maison', ['conference', 'groupe-parole', 'point-ecoute']],
    ['my son is autistic', ['cafe-parents', 'ecoute-distance', 'groupe-parole', 'laep', 'point-ecoute']],
    ['we are separating, custody is a mess', ['mediation']],
    ['je me sens isolée avec mon petit', ['cafe-parents', 'groupe-parole', 'laep']],
  ])('%s → situation kinds %j', (text, expected) => {
    const reading = read(text);
    expect([...reading.kinds, ...reading.situationKinds].sort()).toEqual(expected);
  });

  it.each([
    ['je suis seule avec deux enfants', ['solo']],
    ['maman solo', ['solo']],
    ['papa solo', ['solo', 'peres']],
    ['célibataire avec enfants', ['solo']],
    ["crise d'ado à la maison", ['ados']],
  ])('%s → audience %j', (text, expected) => {
    expect(read(text).audiences).toEqual(expected);
  });

  it('reads support in general apart from any kind', () => {
    for (const text of ['aide à la parentalité à Roubaix', 'du soutien à la parentalité près de Tours', 'aide pour parents à Paris',
      'quelque chose pour les parents à Marseille', 'parenting support in Lyon']) {
      const reading = read(text);
      expect({ text, general: reading.general, kinds: reading.kinds, freeText: reading.freeText }).toEqual({ text, general: true, kinds: [], freeText: '' });
    }
  });

  it('never leaves a town for the text search', () => {
    expect(read('du soutien à la parentalité près de Tours').freeText).toBe('');
    expect(read('aide pour parents à Paris').freeText).toBe('');
    expect(read('je suis enceinte et seule à Bron').freeText).toBe('');
  });

  it('keeps unknown words for a free-text search', () => {
    expect(read('sophrologie à Villeurbanne').freeText).toBe('sophrologie');
    expect(read('un groupe de parole à Villeurbanne').freeText).toBe('');
  });
});
