import { DateTime } from 'luxon';
import fc from 'fast-check';
import { CommuneIndex } from '../../src/geo';
import { readOfferMessage } from '../../src/offer/understand';

/**
 * QA "parents" round 4, the reading of one message: parents type as in a text message (« parents dado », « pr les
 * ptits », « grpe de parol », « leap »), and « groupe » followed by parents is a groupe de parole.
 */
const communes = CommuneIndex.load();
const now = DateTime.fromISO('2026-12-07T15:00:00', { zone: 'Europe/Paris' });
const read = (text: string) => readOfferMessage(text, now, communes);

describe('the teenagers’ and young children’s audiences in SMS words', () => {
  test.each([
    ['parents dado villeurbanne', 'ados'],
    ['parents dados villeurbanne', 'ados'],
    ["parents d'ados villeurbanne", 'ados'],
    ['parents d ados villeurbanne', 'ados'],
    ['ado villeurbanne', 'ados'],
    ['adolescents villeurbanne', 'ados'],
    ['adolescentes villeurbanne', 'ados'],
    ['parents dadolescents villeurbanne', 'ados'],
    ['préado villeurbanne', 'ados'],
    ['ma fille 16ans villeurbanne', 'ados'],
    ['pr les ptits villeurbanne', 'petits'],
    ['mes ptits villeurbanne', 'petits'],
    ['mon bb villeurbanne', 'petits'],
    ['ma ptite villeurbanne', 'petits'],
    ['ma fille de 3ans villeurbanne', 'petits'],
    ['ma puce de 2 ans villeurbanne', 'petits'],
    ['mon ptit bout villeurbanne', 'petits'],
    ['enfant en bas âge villeurbanne', 'petits'],
  ])('« %s » is for %s, with nothing left to search as text', (text, audience) => {
    const reading = read(text);
    expect(reading.audiences).toContain(audience);
    expect(reading.place?.commune.name).toBe('Villeurbanne');
    expect(reading.freeText).toBe('');
  });

  test('an age typed as one word is the age: « ma fille de 3ans », « mon bb de 6mois »', () => {
    expect(read('ma fille de 3ans').age).toBe(3);
    expect(read('mon bb de 6mois').age).toBe(0);
    expect(read('mon fils 14ans').age).toBe(14);
  });
});

describe('« groupe » followed by parents is a groupe de parole', () => {
  test.each([
    "groupe parents d'ados lyon",
    'groupe parents lyon',
    'groupe de parents lyon',
    'groupe pour les parents lyon',
    'groupe entre parents lyon',
    'un groupe pour parler lyon',
    'un groupe pour échanger entre parents à lyon',
    'grp parents ado lyon',
    'groupes entre papas lyon',
    'un groupe avec d autres mamans lyon',
  ])('« %s »', (text) => {
    const reading = read(text);
    expect(reading.kinds).toContain('groupe-parole');
    expect(reading.place?.commune.name).toBe('Lyon');
    expect(reading.freeText).toBe('');
  });

  test.each([
    'groupe scolaire lyon',
    'groupe de musique lyon',
    'en groupe lyon',
    "groupe de parents d'élèves lyon",
    'groupe parents d eleves lyon',
  ])('« %s » names no groupe de parole', (text) => {
    expect(read(text).kinds).not.toContain('groupe-parole');
  });

  test('the teenagers said with the group stay read: « groupe parents d’ados »', () => {
    expect(read("groupe parents d'ados lyon")).toMatchObject({ kinds: ['groupe-parole'], audiences: ['ados'] });
  });
});

describe('kinds and audiences as parents text them', () => {
  test.each([
    ['cafe dé parents lyon', ['cafe-parents'], []],
    ['caf des parents lyon', ['cafe-parents'], []],
    ['kfé des parents lyon', ['cafe-parents'], []],
    ['cafe parents ado lyon', ['cafe-parents'], ['ados']],
    ['mediation famil lyon', ['mediation'], []],
    ['mediation familial lyon', ['mediation'], []],
    ['leap lyon', ['laep'], []],
    ['lape lyon', ['laep'], []],
    ['laep pr mon bb lyon', ['laep'], ['petits']],
    ['grpe de parol lyon', ['groupe-parole'], []],
    ['groupe parol lyon', ['groupe-parole'], []],
    ['groupe de parol pr ados lyon', ['groupe-parole'], ['ados']],
    ['gpe de parole lyon', ['groupe-parole'], []],
    ['ecoute ados lyon', ['point-ecoute'], ['ados']],
    ["ecoute parent d'ado lyon", ['point-ecoute'], ['ados']],
    ['pt ecoute lyon', ['point-ecoute'], []],
    ["point d'écoute lyon", ['point-ecoute'], []],
    ['psy pour ado lyon', ['point-ecoute'], ['ados']],
    ['centre sociale lyon', ['centre-social'], []],
    ['aide au devoir pr mon ado lyon', ['clas'], ['ados']],
    ['atelier parent bb lyon', ['atelier'], ['petits']],
    ['conf sur les ados lyon', ['conference'], ['ados']],
    ['grp de parents de tout-petits lyon', ['groupe-parole'], ['petits']],
  ])('« %s »: %j for %j', (text, kinds, audiences) => {
    const reading = read(text);
    expect(reading.kinds).toEqual(kinds);
    expect(reading.audiences).toEqual(audiences);
    expect(reading.place?.commune.name).toBe('Lyon');
    expect(reading.freeText).toBe('');
  });
});

describe('no commune is read from these words', () => {
  const SMS = ['parents dado', 'pr les ptits', 'mes ptits', 'ma puce de 2 ans', 'grpe de parol', 'leap', 'lape', 'pt ecoute', 'ecoute ados',
    'groupe entre parents', 'un groupe pour parler', 'caf des parents', 'kfé des parents', 'mediation famil', 'préado', 'ptit bout',
    'enfant en bas âge', 'ma fille de 3ans'];

  test('said alone, they name no place', () => {
    fc.assert(fc.property(fc.constantFrom(...SMS), (text) => {
      expect(read(text).place).toBeNull();
    }));
  });

  test('said with a town, the town is the place', () => {
    fc.assert(fc.property(fc.constantFrom(...SMS), fc.constantFrom(['à Bron', 'Bron'], ['a villeurbanne', 'Villeurbanne'], ['à tours', 'Tours'], ['vers Entre-Deux', 'Entre-Deux']),
      (text, [where, town]) => {
        expect(read(`${text} ${where}`).place?.commune.name).toBe(town);
      }));
  });
});
