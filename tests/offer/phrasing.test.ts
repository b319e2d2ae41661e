import { OUT_OF_SCOPE } from '../../src/offer/vocabulary';
import { DateTime } from 'luxon';
import { atPlace, countOf, nounOf, offerPhrases, ofPlace, oneOf, whatFound, whatNone, whatNoneOpen } from '../../src/messages/offer';
import type { SearchLabels } from '../../src/offer/present';
import { KINDS, kindDefinition, type KindId } from '../../src/offer/vocabulary';
import type { Language } from '../../src/language/text';

/**
 * Every sentence the search builds, over every kind × count × place (vowels, h, articles) × language: French
 * agreement ("aucune médiation familiale ouverte", "1 résultat", "2 résultats") and elision ("d'Amboise", "du Havre").
 */
const now = DateTime.fromISO('2026-03-10T10:30:00', { zone: 'Europe/Paris' });
const PLACES = ['Lyon', 'Amboise', 'Yzeure', 'Hyères', 'Orléans', 'Écully', 'Le Havre', 'Les Mureaux', 'La Rochelle', "L'Arbresle", 'Haguenau'];
const COUNTS = [1, 2, 7];
const LANGUAGES: Language[] = ['fr', 'en'];
const labels = (kinds: KindId[] | null, extra: Partial<SearchLabels> = {}): SearchLabels => ({
  kinds, audiences: [], age: null, time: null, freeText: null, ...extra,
});
const saturday = { weekdays: [6] };

/** French elision and contraction errors: "de Amboise", "de Le Havre", "à Le Havre", "de Les". */
const BAD_FRENCH = /\bde [AEIOUYÉÈÊÂÎÔaeiouyéèêâîô]|\bde H[yô]|\bde (Le|Les) |\bà (Le|Les) |\b1 \S+s\b(?! \()|aucun(e)? \S+s\b/;

describe('place names after "de" and "à"', () => {
  it.each([
    ['Lyon', 'de Lyon', 'à Lyon'],
    ['Amboise', "d'Amboise", 'à Amboise'],
    ['Yzeure', "d'Yzeure", 'à Yzeure'],
    ['Hyères', "d'Hyères", 'à Hyères'],
    ['Écully', "d'Écully", 'à Écully'],
    ['Haguenau', 'de Haguenau', 'à Haguenau'],
    ['Le Havre', 'du Havre', 'au Havre'],
    ['Les Mureaux', 'des Mureaux', 'aux Mureaux'],
    ['La Rochelle', 'de La Rochelle', 'à La Rochelle'],
    ['votre position', 'de votre position', 'à votre position'],
  ])('%s', (name, of, at) => {
    expect(ofPlace(name)).toBe(of);
    expect(atPlace(name)).toBe(at);
  });
});

describe('every template, every kind, every count, every place', () => {
  for (const language of LANGUAGES) {
    for (const kind of KINDS) {
      it(`${language}: ${kind.id}`, () => {
        for (const count of COUNTS) {
          for (const place of PLACES) {
            const where = offerPhrases.nearPlace(place, 30, language);
            const sentences = [
              offerPhrases.results(whatFound(count, labels([kind.id]), now, language), where, language),
              offerPhrases.results(whatFound(count, labels([kind.id], { time: saturday }), now, language), where, language),
              offerPhrases.noneNearby(whatNone(labels([kind.id], { time: saturday }), now, language), where, language),
              offerPhrases.widenedNew(60, countOf(count, nounOf(labels([kind.id]), language)), offerPhrases.betweenRadii(place, 30, 60, language), language),
              offerPhrases.nothingNew(offerPhrases.betweenRadii(place, 30, 60, language), language),
              offerPhrases.groupedHeader('', where, language),
            ];
            const open = whatNoneOpen(labels([kind.id]), now, language);
            sentences.push(offerPhrases.noneOpenYet(open.none, open.open, open.feminine, 'ce soir', place, language));
            const text = sentences.join('\n');
            if (language === 'fr') {
              expect({ text, bad: BAD_FRENCH.exec(text)?.[0] ?? null }).toEqual({ text, bad: null });
              const definition = kindDefinition(kind.id);
              // The count agrees with the noun: "1 médiation familiale", "2 services de médiation familiale".
              expect(sentences[0]).toContain(`${count} ${count > 1 ? definition.plural.fr : definition.label.fr}`);
              // "ouvert" agrees in gender and number with what it qualifies.
              const agreed = `ouvert${(count > 1 ? definition.pluralFeminine : definition.feminine) ? 'e' : ''}${count > 1 ? 's' : ''} le samedi`;
              expect(sentences[1]).toContain(agreed);
              expect(sentences[2]).toContain(`${definition.feminine ? 'aucune' : 'aucun'} ${definition.label.fr} ouvert${definition.feminine ? 'e' : ''} le samedi`);
              expect(sentences[6]).toContain(`n'est ouvert${definition.feminine ? 'e' : ''} ce soir`);
              expect(sentences[6]).toContain(definition.feminine ? 'Voici celles' : 'Voici ceux');
            } else {
              const definition = kindDefinition(kind.id);
              expect(sentences[0]).toContain(`${count} ${count > 1 ? definition.plural.en : definition.label.en}`);
              expect(text).not.toMatch(/\bde |\bà /);
            }
          }
        }
      });
    }
  }

  it('counts results in the singular and the plural', () => {
    expect(countOf(1, offerPhrases.textResults('sophrologie', 'fr'))).toBe('1 résultat pour « sophrologie »');
    expect(countOf(2, offerPhrases.textResults('sophrologie', 'fr'))).toBe('2 résultats pour « sophrologie »');
    expect(countOf(1, offerPhrases.textResults('sophrology', 'en'))).toBe('1 result for “sophrology”');
    expect(countOf(3, offerPhrases.textResults('sophrology', 'en'))).toBe('3 results for “sophrology”');
  });

  it('agrees several kinds in the masculine as soon as one is masculine', () => {
    expect(whatNone(labels(['mediation', 'conference'], { time: saturday }), now, 'fr')).toMatch(/^aucune médiation familiale ni aucune conférence-débat ouverte le samedi/);
    // Each noun keeps its own "aucun(e)": "aucune médiation familiale ni aucun lieu d'accueil…".
    expect(whatNone(labels(['mediation', 'laep'], { time: saturday }), now, 'fr')).toMatch(/^aucune médiation familiale ni aucun lieu d'accueil enfants-parents \(LAEP\) ouvert le samedi/);
    expect(whatFound(2, labels(['laep', 'point-ecoute', 'groupe-parole']), now, 'fr')).toBe('2 aides adaptées');
    expect(whatFound(1, labels(null), now, 'fr')).toBe('1 aide à la parentalité');
  });
});

describe('a département named as the place', () => {
  it.each<[string, '' | 'le' | 'la' | 'les' | "l'", string, string]>([
    ['Rhône', 'le', 'dans le Rhône', 'du Rhône'],
    ['Gironde', 'la', 'dans la Gironde', 'de la Gironde'],
    ['Yvelines', 'les', 'dans les Yvelines', 'des Yvelines'],
    ['Ain', "l'", "dans l'Ain", "de l'Ain"],
    ['Indre-et-Loire', '', "dans le département d'Indre-et-Loire", "d'Indre-et-Loire"],
    ['Paris', '', 'dans le département de Paris', 'de Paris'],
  ])('%s', (name, article, inIt, ofIt) => {
    const departement = { code: '01', name, article };
    expect(offerPhrases.inDepartement(departement, 'fr')).toBe(inIt);
    expect(offerPhrases.ofDepartement(departement)).toBe(ofIt);
    expect(offerPhrases.inDepartement(departement, 'en')).toBe(`in ${name}`);
    expect(offerPhrases.departementCovered(departement, 'fr')).toContain(`tout le département ${ofIt}.`);
    expect(offerPhrases.departementCovered(departement, 'fr')).not.toMatch(BAD_FRENCH);
  });
});

describe('the question "where?" says what will be searched, with its article', () => {
  it.each(KINDS.map((k) => k.id))('%s', (kind) => {
    const definition = kindDefinition(kind);
    const fr = offerPhrases.askPlace(oneOf(labels([kind]), 'fr'), 'fr');
    expect(fr).toContain(`Où dois-je chercher ${definition.feminine ? 'une' : 'un'} ${definition.label.fr} ?`);
    expect(fr).not.toMatch(BAD_FRENCH);
    const en = offerPhrases.askPlace(oneOf(labels([kind]), 'en'), 'en');
    expect(en).toMatch(new RegExp(`^Where should I look for an? ${definition.label.en.replace(/[()]/g, '\\$&')}\\?`));
  });

  it('two kinds each take their own article; three or more are "une aide adaptée à votre situation"', () => {
    expect(oneOf(labels(['groupe-parole', 'mediation']), 'fr')).toBe(`un ${kindDefinition('groupe-parole').label.fr} ou une ${kindDefinition('mediation').label.fr}`);
    expect(oneOf(labels(['laep', 'point-ecoute', 'groupe-parole']), 'fr')).toBe('une aide adaptée à votre situation');
    expect(oneOf(labels(null), 'fr')).toBe('une aide à la parentalité');
    expect(offerPhrases.askPlace(oneOf(labels(['laep', 'point-ecoute', 'groupe-parole']), 'en'), 'en')).toMatch(/^Where should I look for support suited to your situation\?/);
  });

  it('a baby under one is no "enfant de 0 an"', () => {
    expect(offerPhrases.forAge(0, 'fr')).toBe("pour un bébé de moins d'un an");
    expect(offerPhrases.forAge(1, 'fr')).toBe('pour un enfant de 1 an');
    expect(offerPhrases.forAge(0, 'en')).toBe('for a baby under one');
  });

  it('something this offer does not hold: named, with the right agreement, and where to find it, as a link', () => {
    for (const language of LANGUAGES) {
      for (const topic of OUT_OF_SCOPE) {
        const text = offerPhrases.outOfScope({ label: topic.topic.label[language], plural: topic.topic.plural }, 'monenfant.fr', 'https://monenfant.fr', language);
        expect(text).toMatch(/\[monenfant\\?\.fr\]\(https:\/\/monenfant\.fr\)\.$/);
        if (language === 'fr') expect(text).toContain(topic.topic.plural ? 'ne font pas partie' : 'ne fait pas partie');
        else expect(text).toContain(topic.topic.plural ? ' are not ' : ' is not ');
      }
    }
  });
});
