import { escapeMarkdown } from '../language/markdown';
import type { Language } from '../language/text';

/**
 * What the bot says about the local offer, in French ("vous", short and kind) and English. Every result is named in
 * the text itself (name, structure, commune, distance), so that a screen reader or a text-only client gets what the
 * cards show.
 *
 * The phrases are Markdown text for replies. Arguments that are not ours (a place's name, the words the user typed)
 * are escaped here, where they go in; arguments built from these phrases are not escaped twice.
 */

type Texts = Record<Language, string>;

export const offerTexts = {
  shareOrName: {
    fr: 'Dites-moi votre commune ou votre code postal, ou partagez votre position.',
    en: 'Tell me your town or postcode, or share your location.',
  },
  positionNeeded: {
    fr: "Pour chercher près de vous, partagez votre position (bouton « Partager ma position ») ou dites-moi votre commune.",
    en: 'To search near you, share your location ("Share my location" button) or tell me your town.',
  },
  noMore: {
    fr: "Je vous ai montré tous les résultats de cette recherche.",
    en: 'I have shown you all the results of this search.',
  },
  seeMoreHint: { fr: 'Dites « voir plus » pour les suivants.', en: 'Say "show more" for the next ones.' },
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
  today: { fr: "Aujourd'hui", en: 'Today' },
  phone: { fr: 'Téléphone', en: 'Phone' },
  email: { fr: 'Courriel', en: 'E-mail' },
  site: { fr: 'Site', en: 'Website' },
  access: { fr: 'Accès', en: 'Access' },
  forWhom: { fr: 'Pour', en: 'For' },
  audience: { fr: 'Public', en: 'Audience' },
  phoneShort: { fr: 'Tél.', en: 'Phone' },
  free: { fr: 'gratuit', en: 'free' },
  paid: { fr: 'payant', en: 'fee' },
  hoursUnknown: { fr: 'horaires non renseignés', en: 'hours not given' },
  structureHours: { fr: 'horaires de la structure', en: 'the organisation’s hours' },
  suggestMore: { fr: 'Voir plus', en: 'Show more' },
  suggestFarther: { fr: 'Plus loin', en: 'Further away' },
  suggestOpenNow: { fr: 'Ouverts maintenant', en: 'Open now' },
  suggestSaturday: { fr: 'Ouverts le samedi', en: 'Open on Saturday' },
  suggestPeer: { fr: 'Un groupe de parole', en: 'A parents’ support group' },
  suggestLaep: { fr: 'Un LAEP', en: 'A parent-child drop-in' },
  suggestListening: { fr: 'Parler à quelqu’un au téléphone', en: 'Talk to someone on the phone' },
  suggestHomework: { fr: 'Aide aux devoirs', en: 'Homework help' },
} as const satisfies Record<string, Texts>;

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
  /** `found` names what with its count: "2 groupes de parole". */
  results(found: string, where: string, language: Language): string {
    // Qualifiers after the count ("…, ouverts le samedi") need a comma before the place.
    const pause = found.includes(', ') ? ',' : '';
    return language === 'en' ? `I found ${found}${pause} ${where}:` : `J'ai trouvé ${found}${pause} ${where} :`;
  },
  page(from: number, to: number, total: number, language: Language): string {
    return language === 'en' ? `Results ${from} to ${to} of ${total}:` : `Résultats ${from} à ${to} sur ${total} :`;
  },
  nearPlace(place: string, radiusKm: number, language: Language): string {
    const name = escapeMarkdown(place);
    return language === 'en' ? `within ${radiusKm} km of ${name}` : `à moins de ${radiusKm} km de ${name}`;
  },
  /** `none` already says "aucun …" / "no …": "aucune médiation familiale". */
  noneNearby(none: string, where: string, language: Language): string {
    return language === 'en' ? `I found ${none} ${where}.` : `Je n'ai trouvé ${none} ${where}.`;
  },
  /**
   * Nothing of the kind is open when asked, but some places open later: `none` says "aucun …" / "no …" without the
   * time ("aucune médiation familiale"), `feminine` is its French gender, `place` the place's name.
   */
  noneOpenYet(none: string, feminine: boolean, today: boolean, place: string, language: Language): string {
    const subject = none.charAt(0).toUpperCase() + none.slice(1);
    const name = escapeMarkdown(place);
    if (language === 'en') return `${subject} is open ${today ? 'today' : 'right now'} near ${name}. Here are the ones that open soonest:`;
    return `${subject} n'est ${feminine ? 'ouverte' : 'ouvert'} ${today ? "aujourd'hui" : 'en ce moment'} près de ${name}. Voici ${feminine ? 'celles' : 'ceux'} qui ouvrent le plus tôt :`;
  },
  onlyRemote(none: string, where: string, language: Language): string {
    return language === 'en'
      ? `I found ${none} ${where}, but these services can help you at a distance:`
      : `Je n'ai trouvé ${none} ${where}, mais ces services peuvent vous aider à distance :`;
  },
  remoteWithoutPlace(language: Language): string {
    return language === 'en' ? 'These services can help you at a distance, by phone or online:' : 'Ces services peuvent vous aider à distance, par téléphone ou en ligne :';
  },
  none(labels: readonly string[], feminine: boolean, language: Language): string {
    if (language === 'en') return `no ${labels.join(' or ')}`;
    return `${feminine ? 'aucune' : 'aucun'} ${labels.join(' ni ')}`;
  },
  audienceRelaxed(audience: string, language: Language): string {
    return language === 'en'
      ? `Nothing specifically for ${audience}; here is what is open to all parents.`
      : `Rien de spécialement prévu pour ${audience} ; voici ce qui est ouvert à tous les parents.`;
  },
  /** `what` is plural labels. */
  askPlace(what: string, language: Language): string {
    return language === 'en'
      ? `Where should I look for ${what}? Tell me your town or postcode, or share your location.`
      : `Où dois-je chercher : ${what} ? Dites-moi votre commune ou votre code postal, ou partagez votre position.`;
  },
  openFilter(when: string, many: boolean, language: Language): string {
    return language === 'en' ? `open ${when}` : `${many ? 'ouverts' : 'ouvert'} ${when}`;
  },
  servesZone(zone: string, language: Language): string {
    return language === 'en' ? `area: ${zone}` : `zone : ${zone}`;
  },
  nationwide(language: Language): string {
    return language === 'en' ? 'all of France' : 'toute la France';
  },
  wider(radiusKm: number, language: Language): string {
    return language === 'en' ? `I widened the search to ${radiusKm} km.` : `J'ai élargi la recherche à ${radiusKm} km.`;
  },
  anySupport(many: boolean, language: Language): string {
    if (language === 'en') return many ? 'places offering parenting support' : 'place offering parenting support';
    return many ? 'aides à la parentalité' : 'aide à la parentalité';
  },
  textResults(count: number | null, words: string, language: Language): string {
    const typed = escapeMarkdown(words);
    const quoted = language === 'en' ? `“${typed}”` : `« ${typed} »`;
    if (count === null) return quoted;
    if (language === 'en') return `${count} result${count > 1 ? 's' : ''} for ${quoted}`;
    return `${count} résultat${count > 1 ? 's' : ''} pour ${quoted}`;
  },
  noSupport(language: Language): string {
    return language === 'en' ? 'no parenting support' : 'aucune aide à la parentalité';
  },
  /** The subject of "… n'est ouvert en ce moment": a place matching the words. */
  noPlaceMatching(words: string, language: Language): string {
    const typed = escapeMarkdown(words);
    return language === 'en' ? `nothing matching “${typed}”` : `aucun lieu correspondant à « ${typed} »`;
  },
  noTextMatch(words: string, language: Language): string {
    const typed = escapeMarkdown(words);
    return language === 'en' ? `no result for “${typed}”` : `aucun résultat pour « ${typed} »`;
  },
  forAudience(audience: string, language: Language): string {
    return language === 'en' ? `for ${audience}` : `pour ${audience}`;
  },
  childrenAged(from: number, to: number, language: Language): string {
    return language === 'en' ? `children aged ${from} to ${to}` : `enfants de ${from} à ${to} ans`;
  },
  forAge(age: number, language: Language): string {
    return language === 'en' ? `for a child aged ${age}` : `pour un enfant de ${age} an${age > 1 ? 's' : ''}`;
  },
};

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
