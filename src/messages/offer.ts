import type { DateTime } from 'luxon';
import { escapeMarkdown } from '../language/markdown';
import type { Language } from '../language/text';
import type { SearchLabels } from '../offer/present';
import { describeTimeIntent } from './time';
import { audienceDefinition, kindDefinition } from '../offer/vocabulary';
import type { NamedDepartement } from '../geo/commune';

/**
 * What the bot says about the local offer, in French ("vous", short and kind) and English. When a reply has service
 * cards, its text is a short header and the cards say the rest (each card is read as text by screen readers): the
 * same facts are never said twice. French sentences agree with what they count ("1 résultat", "aucune médiation
 * familiale ouverte") and elide before a vowel ("près d'Amboise", "du Havre").
 *
 * The phrases are Markdown text for replies. Arguments that are not ours (a place's name, the words the user typed)
 * are escaped here, where they go in; arguments built from these phrases are not escaped twice.
 */

type Texts = Record<Language, string>;

export const offerTexts = {
  positionNeeded: {
    fr: "Pour chercher près de vous, partagez votre position (bouton « Partager ma position ») ou dites-moi votre commune.",
    en: 'To search near you, share your location ("Share my location" button) or tell me your town.',
  },
  noMore: {
    fr: "Je vous ai montré tous les résultats de cette recherche.",
    en: 'I have shown you all the results of this search.',
  },
  widerHint: { fr: 'Dites « plus loin » pour élargir la recherche.', en: 'Say "further" to widen the search.' },
  maxRadius: {
    fr: 'Je ne cherche pas au-delà de 100 km : ce ne serait plus vraiment près de chez vous.',
    en: 'I do not search beyond 100 km: that would no longer be near you.',
  },
  noMatch: {
    fr: "Je n'ai pas trouvé d'aide qui corresponde à votre demande. Je peux chercher, près d'une commune : un groupe de parole, un café des parents, un lieu d'accueil enfants-parents (LAEP), une médiation familiale, un espace rencontre, une aide aux devoirs (CLAS), un atelier parents-enfants, un point écoute ou une écoute par téléphone.",
    en: 'I found no support matching your request. Near a town, I can look for: a parents’ support group, a parents’ café, a parent-child drop-in (LAEP), family mediation, a child contact centre, homework support (CLAS), parent-child activities, a listening point or a helpline.',
  },
  unknownPlace: {
    fr: "Je ne sais pas encore situer cette commune sur la carte. Essayez une commune voisine, un code postal, ou partagez votre position.",
    en: 'I cannot place this town on the map yet. Try a nearby town, a postcode, or share your location.',
  },
  remoteAlso: {
    fr: 'Pour voir aussi les lieux près de chez vous, dites-moi votre commune ou partagez votre position.',
    en: 'To also see places near you, tell me your town or share your location.',
  },
  yourPosition: { fr: 'votre position', en: 'your location' },
  remoteLabel: { fr: 'à distance (téléphone ou en ligne)', en: 'remote (phone or online)' },
  goThere: { fr: 'Y aller', en: 'Directions' },
  call: { fr: 'Appeler', en: 'Call' },
  website: { fr: 'Site web', en: 'Website' },
  address: { fr: 'Adresse', en: 'Address' },
  distance: { fr: 'Distance', en: 'Distance' },
  hours: { fr: 'Horaires', en: 'Opening hours' },
  closures: { fr: 'Fermeture', en: 'Closed' },
  today: { fr: "Aujourd'hui", en: 'Today' },
  phone: { fr: 'Téléphone', en: 'Phone' },
  email: { fr: 'Courriel', en: 'E-mail' },
  writeTo: { fr: 'Écrire un courriel', en: 'Send an e-mail' },
  access: { fr: 'Accès', en: 'Access' },
  forWhom: { fr: 'Pour', en: 'For' },
  audience: { fr: 'Public', en: 'Audience' },
  free: { fr: 'gratuit', en: 'free' },
  paid: { fr: 'payant', en: 'fee' },
  hoursUnknown: { fr: 'horaires non renseignés', en: 'hours not given' },
  structureHours: { fr: 'horaires de la structure', en: 'the organisation’s hours' },
  suggestMore: { fr: "D'autres", en: 'Show more' },
  suggestFarther: { fr: 'Plus loin', en: 'Further away' },
  suggestOpenNow: { fr: 'Ouverts maintenant', en: 'Open now' },
  suggestPeer: { fr: 'Un groupe de parole', en: 'A parents’ support group' },
  suggestLaep: { fr: 'Un LAEP', en: 'A parent-child drop-in' },
  suggestListening: { fr: 'Parler à quelqu’un au téléphone', en: 'Talk to someone on the phone' },
  suggestHomework: { fr: 'Aide aux devoirs', en: 'Homework help' },
  /** Said after a list that continues. */
  seeMoreOthers: { fr: "Dites « d'autres » pour voir la suite.", en: 'Say "more" to see the next ones.' },
  groupedHint: {
    fr: "Pour en voir plus d'un type, dites-le-moi, par exemple « un groupe de parole ».",
    en: 'To see more of one kind, tell me, for example "a support group".',
  },
  otherSupport: { fr: 'Autres aides aux familles', en: 'Other family support' },
  remoteGroup: { fr: 'À distance (téléphone ou en ligne)', en: 'At a distance (phone or online)' },
  closedThen: { fr: 'fermé', en: 'closed' },
  choosePlaceAgain: {
    fr: 'Il y a plusieurs communes de ce nom : laquelle ? Touchez-en une, ou dites son département.',
    en: 'Several towns have that name: which one? Tap one, or tell me its département.',
  },
  aboutShown: { fr: 'Pour les lieux que je viens de vous montrer :', en: 'For the places I just showed you:' },
  noPlacesShown: {
    fr: "Je ne vous ai montré aucun lieu pour l'instant. Dites-moi ce que vous cherchez et où, par exemple « un LAEP à Rennes ».",
    en: 'I have not shown you any place yet. Tell me what you are looking for and where, for example "a parent-child drop-in in Rennes".',
  },
  cannotCall: {
    fr: 'Je ne peux pas vous appeler : je suis un assistant écrit, sans téléphone. Vous pouvez joindre directement ces lieux :',
    en: 'I cannot call you: I am a written assistant, with no phone. You can contact these places directly:',
  },
  noContact: { fr: 'pas de numéro indiqué', en: 'no number given' },
  registrationRequired: { fr: 'sur inscription ou rendez-vous', en: 'registration or appointment needed' },
  registrationNotRequired: { fr: 'sans inscription', en: 'no registration needed' },
  registrationUnknown: { fr: 'à vérifier auprès du lieu', en: 'check with the place' },
  priceUnknown: { fr: 'tarif non précisé', en: 'price not given' },
  paidAccess: { fr: 'payant', en: 'not free' },
  addressUnknown: { fr: 'adresse précise non indiquée', en: 'exact address not given' },
  askWhen: { fr: "C'est quand ?", en: 'When is it?' },
  askWhere: { fr: "C'est où ?", en: 'Where is it?' },
  askPrice: { fr: "C'est gratuit ?", en: 'Is it free?' },
  askRegistration: { fr: "Faut-il s'inscrire ?", en: 'Do I need to register?' },
  nothingEvenWider: {
    fr: "Je n'ai rien trouvé d'autre, même en élargissant la recherche. Essayez une autre commune, ou un autre type d'aide :",
    en: 'I found nothing else, even with a wider search. Try another town, or another kind of support:',
  },
  askPlaceAgain: {
    fr: 'Pour continuer la recherche, dites-moi votre commune ou votre code postal, ou partagez votre position.',
    en: 'To go on with the search, tell me your town or postcode, or share your location.',
  },
} as const satisfies Record<string, Texts>;

/** A place name as French needs it after "de" and "à": "de Lyon", "d'Amboise", "du Havre", "aux Mureaux". */
const H_ASPIRE = new Set(['haguenau', 'hagondange', 'hayange', 'halluin', 'hautmont', 'hem', 'hirson', 'honfleur', 'houilles', 'harfleur',
  'hazebrouck', 'herblay', 'hautes', 'haute', 'hendaye', 'hoenheim', 'hombourg']);

function firstWordFolded(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z]+/)[0] ?? '';
}

/** "de Lyon", "d'Amboise", "d'Yzeure", "du Havre", "des Mureaux", "de La Rochelle", "de votre position". */
export function ofPlace(name: string): string {
  const shown = escapeMarkdown(name);
  if (/^le\s/i.test(name)) return `du ${escapeMarkdown(name.slice(3))}`;
  if (/^les\s/i.test(name)) return `des ${escapeMarkdown(name.slice(4))}`;
  const first = firstWordFolded(name);
  const vowel = /^[aeiouy]/.test(first) || (first.startsWith('h') && !H_ASPIRE.has(first));
  return vowel ? `d'${shown}` : `de ${shown}`;
}

/** "à Lyon", "au Havre", "aux Mureaux", "à La Rochelle". */
export function atPlace(name: string): string {
  if (/^le\s/i.test(name)) return `au ${escapeMarkdown(name.slice(3))}`;
  if (/^les\s/i.test(name)) return `aux ${escapeMarkdown(name.slice(4))}`;
  return `à ${escapeMarkdown(name)}`;
}

/** What a sentence counts: a kind of service, several, or support in general, with its French genders. */
export type CountedNoun = {
  singular: string;
  plural: string;
  feminine: boolean;
  pluralFeminine: boolean;
  /** Several nouns joined ("médiation familiale ou LAEP"): "none of them" gives each its own "aucun(e)". */
  parts?: ReadonlyArray<{ singular: string; feminine: boolean }>;
};

/** "1 résultat", "2 groupes de parole", "1 médiation familiale". */
export function countOf(count: number, noun: CountedNoun): string {
  return `${count} ${count > 1 ? noun.plural : noun.singular}`;
}

/** "aucun groupe de parole", "aucune médiation familiale", "no support group". */
export function noneOf(noun: CountedNoun, language: Language): string {
  if (language === 'en') return `no ${noun.singular}`;
  if (noun.parts && noun.parts.length > 1) return noun.parts.map((p) => `${p.feminine ? 'aucune' : 'aucun'} ${p.singular}`).join(' ni ');
  return `${noun.feminine ? 'aucune' : 'aucun'} ${noun.singular}`;
}

/** "ouvert", "ouverte", "ouverts", "ouvertes": agreeing with what is counted. */
export function openAgreeing(count: number, noun: CountedNoun, language: Language): string {
  if (language === 'en') return 'open';
  const feminine = count > 1 ? noun.pluralFeminine : noun.feminine;
  return `ouvert${feminine ? 'e' : ''}${count > 1 ? 's' : ''}`;
}

export function offerText(key: keyof typeof offerTexts, language: Language): string {
  return offerTexts[key][language];
}

/** "1,2 km" / "1.2 km"; "350 m" under a kilometre. */
export function formatDistance(km: number, language: Language): string {
  if (km < 1) return `${Math.max(50, Math.round((km * 1000) / 50) * 50)} m`;
  const value = km < 10 ? km.toFixed(1) : String(Math.round(km));
  return `${language === 'fr' ? value.replace('.', ',') : value} km`;
}

export const offerPhrases = {
  /** "à Felletin" / "in Felletin": where a place is when only its town is known. Plain text (a card escapes it). */
  inTown(town: string, language: Language): string {
    if (language === 'en') return `in ${town}`;
    if (/^le\s/i.test(town)) return `au ${town.slice(3)}`;
    if (/^les\s/i.test(town)) return `aux ${town.slice(4)}`;
    return `à ${town}`;
  },
  /** "à 2,1 km" / "2.1 km away", after an address. */
  away(distance: string, language: Language): string {
    return language === 'en' ? `${distance} away` : `à ${distance}`;
  },
  /** "contact : 02 61 91 20 01": how to ask a place what the bot does not know (`contact` is Markdown already). */
  contactAt(contact: string, language: Language): string {
    return language === 'en' ? `contact: ${contact}` : `contact : ${contact}`;
  },
  /**
   * "D'autres ?" after nothing found: what the wider search let go, before what it found; `parts` are
   * widenedPart's ("à tout moment, pas seulement le samedi matin", "jusqu'à 60 km").
   */
  widenedAfterNothing(parts: readonly string[], language: Language): string {
    return language === 'en'
      ? `I found nothing else, so I widened the search: ${parts.join('; ')}.`
      : `Je n'ai rien trouvé d'autre, alors j'ai élargi la recherche : ${parts.join(' ; ')}.`;
  },
  /** One thing a wider search let go: the time asked (`when`, "le samedi matin"), the audience, the kind, the distance. */
  widenedPart(part: 'time' | 'audience' | 'kind' | 'distance', when: string, radiusKm: number, language: Language): string {
    const en = language === 'en';
    switch (part) {
      case 'time':
        return en ? `at any time, not only ${when}` : `à tout moment, pas seulement ${when}`;
      case 'audience':
        return en ? 'for all parents' : 'pour tous les parents';
      case 'kind':
        return en ? 'every kind of parenting support' : "tous les types d'aide aux parents";
      case 'distance':
        return en ? `up to ${radiusKm} km` : `jusqu'à ${radiusKm} km`;
    }
  },
  /** "environ 12 km" / "about 12 km": a distance to a place known only by its commune's centre. */
  roughDistance(km: number, language: Language): string {
    return language === 'en' ? `about ${Math.round(km)} km` : `environ ${Math.round(km)} km`;
  },
  /** "J'ai trouvé 2 groupes de parole, ouverts le samedi, à moins de 30 km de Bron." */
  results(found: string, where: string, language: Language): string {
    return language === 'en' ? `I found ${found} ${where}.` : `J'ai trouvé ${found} ${where}.`;
  },
  page(from: number, to: number, total: number, language: Language): string {
    return language === 'en' ? `Results ${from} to ${to} of ${total}.` : `Résultats ${from} à ${to} sur ${total}.`;
  },
  nearPlace(place: string, radiusKm: number, language: Language): string {
    return language === 'en' ? `within ${radiusKm} km of ${escapeMarkdown(place)}` : `à moins de ${radiusKm} km ${ofPlace(place)}`;
  },
  /** Between the radius already shown and the new one: "entre 30 et 60 km d'Amboise". */
  betweenRadii(place: string, innerKm: number, outerKm: number, language: Language): string {
    return language === 'en'
      ? `between ${innerKm} and ${outerKm} km from ${escapeMarkdown(place)}`
      : `entre ${innerKm} et ${outerKm} km ${ofPlace(place)}`;
  },
  /** `none` already says "aucun …" / "no …": "aucune médiation familiale". */
  noneNearby(none: string, where: string, language: Language): string {
    return language === 'en' ? `I found ${none} ${where}.` : `Je n'ai trouvé ${none} ${where}.`;
  },
  /** "plus loin" found nothing that was not shown already. */
  nothingNew(where: string, language: Language): string {
    return language === 'en' ? `Nothing more ${where}.` : `Rien de plus ${where}.`;
  },
  /** "plus loin" found more: only what is new is shown. */
  widenedNew(radiusKm: number, found: string, where: string, language: Language): string {
    return language === 'en'
      ? `I widened the search to ${radiusKm} km: ${found} more, ${where}.`
      : `J'ai élargi la recherche à ${radiusKm} km : ${found} de plus, ${where}.`;
  },
  /**
   * Nothing of the kind is open when asked, but some places open later: `none` says "aucun …" / "no …" without the
   * time ("aucune médiation familiale"), `open` agrees with it, `when` says the time asked.
   */
  noneOpenYet(none: string, open: string, feminine: boolean, when: string, place: string, language: Language, where?: string): string {
    const subject = none.charAt(0).toUpperCase() + none.slice(1);
    if (language === 'en') return `${subject} is open ${when} ${where ?? `near ${escapeMarkdown(place)}`}. Here are the ones that open soonest:`;
    return `${subject} n'est ${open} ${when} ${where ?? `près ${ofPlace(place)}`}. Voici ${feminine ? 'celles' : 'ceux'} qui ouvrent le plus tôt :`;
  },
  onlyRemote(none: string, where: string, language: Language): string {
    return language === 'en'
      ? `I found ${none} ${where}, but these services can help you at a distance:`
      : `Je n'ai trouvé ${none} ${where}, mais ces services peuvent vous aider à distance :`;
  },
  remoteWithoutPlace(language: Language): string {
    return language === 'en' ? 'These services can help you at a distance, by phone or online:' : 'Ces services peuvent vous aider à distance, par téléphone ou en ligne :';
  },
  /** Several kinds: "groupe de parole ou café des parents". */
  orList(labels: readonly string[], language: Language): string {
    return labels.join(language === 'en' ? ' or ' : ' ou ');
  },
  audienceRelaxed(audience: string, language: Language): string {
    return language === 'en'
      ? `Nothing specifically for ${audience}; here is what is open to all parents.`
      : `Rien de spécialement prévu pour ${audience} ; voici ce qui est ouvert à tous les parents.`;
  },
  /** `what` says what will be searched, with its indefinite article (see `oneOf`): "un groupe de parole". */
  askPlace(what: string, language: Language): string {
    return language === 'en'
      ? `Where should I look for ${what}? Tell me your town or postcode, or share your location.`
      : `Où dois-je chercher ${what} ? Dites-moi votre commune ou votre code postal, ou partagez votre position.`;
  },
  /** Several communes match the name as the parent typed it: the question lists them with their départements. */
  choosePlace(name: string, choices: readonly string[], language: Language): string {
    const list = choices.map((c) => `- ${escapeMarkdown(c)}`).join('\n');
    return language === 'en'
      ? `Several towns match “${escapeMarkdown(name)}”. Which one do you mean?\n${list}`
      : `Plusieurs communes correspondent à « ${escapeMarkdown(name)} ». Laquelle ?\n${list}`;
  },
  /** "dans le Rhône", "dans l'Ain", "dans les Yvelines", "dans le département d'Indre-et-Loire"; "in Rhône". */
  inDepartement(departement: NamedDepartement, language: Language): string {
    const name = escapeMarkdown(departement.name);
    if (language === 'en') return `in ${name}`;
    if (departement.article === '') return `dans le département ${ofPlace(departement.name)}`;
    return `dans ${departement.article === "l'" ? "l'" : `${departement.article} `}${name}`;
  },
  /** "du Rhône", "de la Gironde", "des Yvelines", "de l'Ain", "d'Indre-et-Loire": the département's name after "de". */
  ofDepartement(departement: NamedDepartement): string {
    const name = escapeMarkdown(departement.name);
    switch (departement.article) {
      case 'le':
        return `du ${name}`;
      case 'les':
        return `des ${name}`;
      case 'la':
        return `de la ${name}`;
      case "l'":
        return `de l'${name}`;
      default:
        return ofPlace(departement.name);
    }
  },
  /** "Plus loin" after a search of a whole département. */
  departementCovered(departement: NamedDepartement, language: Language): string {
    return language === 'en'
      ? `I already searched all of ${escapeMarkdown(departement.name)}. To look around a town, tell me which one, or share your location.`
      : `J'ai déjà cherché dans tout le département ${offerPhrases.ofDepartement(departement)}. Pour chercher autour d'une commune, dites-moi laquelle, ou partagez votre position.`;
  },
  /** Something this offer does not hold: where to find it, as a link (`label` and `url` are the vocabulary's data). */
  outOfScope(topic: { label: string; plural: boolean }, label: string, url: string, language: Language): string {
    const link = `[${escapeMarkdown(label)}](${url})`;
    const what = escapeMarkdown(topic.label);
    return language === 'en'
      ? `${what} ${topic.plural ? 'are' : 'is'} not something I cover: I help you find parenting support. You will find ${topic.plural ? 'them' : 'it'} on ${link}.`
      : `${what} ${topic.plural ? 'ne font' : 'ne fait'} pas partie de ce que je connais : je vous aide à trouver les aides aux parents. Vous trouverez ce qu’il vous faut sur ${link}.`;
  },
  /** A situation described, and none of the kinds it points to near: said before support in general (which says where). */
  noneSpecific(language: Language): string {
    return language === 'en' ? 'I found nothing specific to your situation.' : "Je n'ai rien trouvé de spécifique à votre situation.";
  },
  /** "Saint-Julien (Ain, 01)": a commune as a quick reply. */
  placeChoice(commune: string, departementName: string | null, departement: string): string {
    return departementName ? `${commune} (${departementName}, ${departement})` : `${commune} (${departement})`;
  },
  /** "ouverts le samedi": a filter on time, agreeing with what it qualifies. */
  openFilter(open: string, when: string, language: Language): string {
    return language === 'en' ? `open ${when}` : `${open} ${when}`;
  },
  nationwide(language: Language): string {
    return language === 'en' ? 'all of France' : 'toute la France';
  },
  /** Further than this radius is offered as the next step. */
  widerTo(radiusKm: number, language: Language): string {
    return language === 'en' ? `Say "further" to look up to ${radiusKm} km.` : `Dites « plus loin » pour chercher jusqu'à ${radiusKm} km.`;
  },
  /** Support in general, counted: French "aide" is feminine. */
  anySupport(language: Language): CountedNoun {
    return language === 'en'
      ? { singular: 'place offering parenting support', plural: 'places offering parenting support', feminine: false, pluralFeminine: false }
      : { singular: 'aide à la parentalité', plural: 'aides à la parentalité', feminine: true, pluralFeminine: true };
  },
  /** What the bot will look for, before it knows where: "une aide adaptée à votre situation". */
  suitableToAsk(language: Language): string {
    return language === 'en' ? 'support suited to your situation' : 'une aide adaptée à votre situation';
  },
  /** Several kinds that fit what the parent described, counted: "2 aides adaptées". */
  suitableSupport(language: Language): CountedNoun {
    return language === 'en'
      ? { singular: 'suitable place', plural: 'suitable places', feminine: false, pluralFeminine: false }
      : { singular: 'aide adaptée', plural: 'aides adaptées', feminine: true, pluralFeminine: true };
  },
  /** Results of a search on the words typed: "2 résultats pour « atelier cuisine »". */
  textResults(words: string, language: Language): CountedNoun {
    const typed = escapeMarkdown(words);
    return language === 'en'
      ? { singular: `result for “${typed}”`, plural: `results for “${typed}”`, feminine: false, pluralFeminine: false }
      : { singular: `résultat pour « ${typed} »`, plural: `résultats pour « ${typed} »`, feminine: false, pluralFeminine: false };
  },
  /** "Voici les aides à la parentalité à moins de 30 km d'Amboise, par type :"; `when` is empty or " ouvertes le samedi". */
  groupedHeader(when: string, where: string, language: Language): string {
    return language === 'en' ? `Here is the parenting support${when} ${where}, by kind:` : `Voici les aides à la parentalité${when} ${where}, par type :`;
  },
  noneOfSupport(language: Language): string {
    return language === 'en' ? 'no parenting support' : 'aucune aide à la parentalité';
  },
  /** "**Groupes de parole** : les 2 plus proches sur 3". */
  /** Plain text: it heads the first card of its kind (src/cards/serviceCards.ts, withGroupHeading). */
  groupHeading(label: string, shown: number, total: number, language: Language): string {
    const title = label.charAt(0).toUpperCase() + label.slice(1);
    if (total <= shown) return title;
    return language === 'en' ? `${title}: the ${shown} nearest of ${total}` : `${title} : ${shown > 1 ? `les ${shown} plus proches` : 'le plus proche'} sur ${total}`;
  },
  /** None matching the words typed: "aucun lieu correspondant à « atelier cuisine »". */
  noneOfText(words: string, language: Language): string {
    const typed = escapeMarkdown(words);
    return language === 'en' ? `nothing matching “${typed}”` : `aucun lieu correspondant à « ${typed} »`;
  },
  forAudience(audience: string, language: Language): string {
    return language === 'en' ? `for ${audience}` : `pour ${audience}`;
  },
  childrenAged(from: number, to: number, language: Language): string {
    if (to === 0) return language === 'en' ? 'babies under one' : "bébés de moins d'un an";
    return language === 'en' ? `children aged ${from} to ${to}` : `enfants de ${from} à ${to} ans`;
  },
  forAge(age: number, language: Language): string {
    if (age === 0) return language === 'en' ? 'for a baby under one' : "pour un bébé de moins d'un an";
    return language === 'en' ? `for a child aged ${age}` : `pour un enfant de ${age} an${age > 1 ? 's' : ''}`;
  },
};

/** What a search counts, with its French genders: one kind, several ("groupes de parole ou cafés des parents"), or any. */
export function nounOf(labels: SearchLabels, language: Language): CountedNoun {
  if (labels.freeText) return offerPhrases.textResults(labels.freeText, language);
  if (!labels.kinds || labels.kinds.length === 0) return offerPhrases.anySupport(language);
  // A situation may point to three kinds or more: naming them all would make the sentence unreadable.
  if (labels.kinds.length > 2) return offerPhrases.suitableSupport(language);
  const definitions = labels.kinds.map(kindDefinition);
  return {
    singular: offerPhrases.orList(definitions.map((d) => d.label[language]), language),
    plural: offerPhrases.orList(definitions.map((d) => d.plural[language]), language),
    // French agrees in the masculine as soon as one of the nouns is.
    feminine: definitions.every((d) => d.feminine),
    pluralFeminine: definitions.every((d) => d.pluralFeminine),
    parts: definitions.map((d) => ({ singular: d.label[language], feminine: d.feminine })),
  };
}

/**
 * What a search will look for, with its indefinite article, for the question "where?": "un groupe de parole ou un
 * café des parents", "une aide à la parentalité", "une aide adaptée à votre situation" (three kinds or more).
 */
export function oneOf(labels: SearchLabels, language: Language): string {
  if (labels.kinds && labels.kinds.length > 2) return offerPhrases.suitableToAsk(language);
  const noun = nounOf({ ...labels, freeText: null }, language);
  const parts = noun.parts ?? [{ singular: noun.singular, feminine: noun.feminine }];
  const article = (word: string, feminine: boolean) =>
    language === 'en' ? (/^[aeiou]/i.test(word) ? 'an' : 'a') : feminine ? 'une' : 'un';
  return offerPhrases.orList(parts.map((p) => `${article(p.singular, p.feminine)} ${p.singular}`), language);
}

/**
 * "les parents solos": the audiences that filtered the search, joined; said of fathers when the parent told he is one
 * (« les pères seuls »). An audience that only ranks (fathers) is not said: what is shown is not all for it.
 */
export function audiencesText(audiences: SearchLabels['audiences'], language: Language): string {
  const father = audiences.includes('peres');
  return audiences
    .map(audienceDefinition)
    .filter((a) => a.filters)
    .map((a) => (father ? a.fatherLabel?.[language] : undefined) ?? a.label[language])
    .join(language === 'en' ? ' and ' : ' et ');
}

/** "pour les parents solos", "pour un enfant de 4 ans", then "ouverts le samedi" agreeing with `count`. */
function qualifiers(labels: SearchLabels, count: number, now: DateTime, language: Language): string[] {
  const out: string[] = [];
  if (audiencesText(labels.audiences, language)) {
    out.push(offerPhrases.forAudience(audiencesText(labels.audiences, language), language));
  } else if (labels.age !== null) {
    out.push(offerPhrases.forAge(labels.age, language));
  }
  if (labels.time) out.push(offerPhrases.openFilter(openAgreeing(count, nounOf(labels, language), language), describeTimeIntent(labels.time, now, language), language));
  return out;
}

/** "2 groupes de parole, pour les parents solos, ouverts le samedi," — the comma closes the qualifiers before the place. */
export function whatFound(count: number, labels: SearchLabels, now: DateTime, language: Language): string {
  const more = qualifiers(labels, count, now, language);
  const head = countOf(count, nounOf(labels, language));
  return more.length > 0 ? `${head}, ${more.join(', ')},` : head;
}

/** "aucune médiation familiale ouverte le samedi", "aucun groupe de parole pour les parents solos". */
export function whatNone(labels: SearchLabels, now: DateTime, language: Language): string {
  const noun = nounOf(labels, language);
  const none = labels.freeText ? offerPhrases.noneOfText(labels.freeText, language) : noneOf(noun, language);
  return [none, ...qualifiers(labels, 1, now, language)].join(' ');
}

/** The subject of "… n'est ouvert ce soir": none of the kinds, with its audience, its agreement and gender. */
export function whatNoneOpen(labels: SearchLabels, now: DateTime, language: Language): { none: string; open: string; feminine: boolean } {
  const noun = nounOf(labels, language);
  const none = labels.freeText ? offerPhrases.noneOfText(labels.freeText, language) : noneOf(noun, language);
  const feminine = !labels.freeText && noun.feminine;
  return {
    none: [none, ...qualifiers({ ...labels, time: null }, 1, now, language)].join(' '),
    open: openAgreeing(1, labels.freeText ? { ...noun, feminine: false } : noun, language),
    feminine,
  };
}

/** The quick replies that suggest a search to start with. */
export function offerExamples(language: Language): string[] {
  return [offerText('suggestPeer', language), offerText('suggestLaep', language), offerText('suggestListening', language), offerText('suggestHomework', language)];
}

/** What the bot can look for, as the help lists it. */
export function offerHelpText(language: Language): string {
  return offerHelpLines(language).join('\n');
}

export function offerHelpLines(language: Language): string[] {
  return language === 'en'
    ? [
        '- "a parents’ support group near Vénissieux on Saturday"',
        '- "a LAEP in Givors", "homework help 69100", "family mediation Lyon 8"',
        '- "I am a single mum in Vaulx-en-Velin, is there a peer support group?"',
        '- "I would like to talk to someone on the phone"',
        '- or share your location and ask "a parents’ café near me"',
      ]
    : [
        '- « un groupe de parole près de Vénissieux le samedi »',
        '- « un LAEP à Givors », « aide aux devoirs 69100 », « médiation familiale Lyon 8 »',
        '- « je suis maman solo à Vaulx-en-Velin, existe-t-il un groupe d’entraide ? »',
        '- « je voudrais parler à quelqu’un au téléphone »',
        '- ou partagez votre position et demandez « un café des parents près de chez moi »',
      ];
}
