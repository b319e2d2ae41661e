import { z } from 'zod';
import type { Language } from '../language/text';

/**
 * The kinds of parenting support parents ask for, and the words that name them, as data. The data·inclusion schema has
 * no value for "LAEP" or "café des parents": a service's kind is read from its name and description with
 * `serviceWords`; a parent's message is read with `serviceWords` and `parentWords`.
 */

export const KIND_IDS = [
  'laep',
  'groupe-parole',
  'cafe-parents',
  'point-ecoute',
  'ecoute-distance',
  'mediation',
  'espace-rencontre',
  'atelier',
  'clas',
  'conference',
  'centre-social',
] as const;
export const KindIdSchema = z.enum(KIND_IDS);
export type KindId = z.infer<typeof KindIdSchema>;

export type KindDefinition = {
  id: KindId;
  label: Record<Language, string>;
  plural: Record<Language, string>;
  /** The French label is feminine ("aucune médiation familiale"). */
  feminine: boolean;
  /** The French plural is feminine ("conférences-débats" is; "services de médiation familiale" is not). */
  pluralFeminine: boolean;
  /** Words that, in a service's name or description, say it is of this kind. */
  serviceWords: readonly string[];
  /** Words parents use for it, beyond the service words. */
  parentWords: readonly string[];
};

export const KINDS: readonly KindDefinition[] = [
  {
    id: 'laep',
    label: { fr: "lieu d'accueil enfants-parents (LAEP)", en: 'parent-child drop-in centre (LAEP)' },
    plural: { fr: "lieux d'accueil enfants-parents (LAEP)", en: 'parent-child drop-in centres (LAEP)' },
    feminine: false,
    pluralFeminine: false,
    serviceWords: ['laep', "lieu d'accueil enfants-parents", "lieu d'accueil enfant-parent", "lieu d'accueil parents-enfants",
      "lieu d'accueil parent-enfant", 'accueil enfants-parents', 'accueil parents-enfants', 'maison verte'],
    parentWords: ["lieu d'accueil", 'lieu accueil', 'endroit pour jouer avec mon enfant', 'jouer avec mon bebe', 'jouer avec mon enfant',
      'parent-child drop-in', 'drop-in', 'playgroup', 'play group', 'stay and play'],
  },
  {
    id: 'groupe-parole',
    label: { fr: 'groupe de parole', en: 'parents’ support group' },
    plural: { fr: 'groupes de parole', en: 'parents’ support groups' },
    feminine: false,
    pluralFeminine: false,
    serviceWords: ['groupe de parole', 'groupes de parole', "groupe d'echange", "groupe d'echanges", "groupe d'entraide",
      'cercle de parents', 'parole de parents', 'temps de parole', "cercle d'echange"],
    parentWords: ['groupe de discussion', 'groupe parole', 'support group', 'discussion group', 'parent group', 'parents group'],
  },
  {
    id: 'cafe-parents',
    label: { fr: 'café des parents', en: 'parents’ café' },
    plural: { fr: 'cafés des parents', en: 'parents’ cafés' },
    feminine: false,
    pluralFeminine: false,
    serviceWords: ['cafe des parents', 'cafe parents', 'cafe-parents', 'cafe des familles', 'cafe parentalite', 'pause cafe parents',
      'cafe papote', 'cafe rencontre'],
    parentWords: ['cafe de parents', 'parent cafe', 'parents cafe', 'coffee morning'],
  },
  {
    id: 'point-ecoute',
    label: { fr: 'point écoute parents', en: 'listening point for parents' },
    plural: { fr: 'points écoute parents', en: 'listening points for parents' },
    feminine: false,
    pluralFeminine: false,
    serviceWords: ['point ecoute', 'point-ecoute', 'point accueil ecoute', 'ecoute parents', 'entretien individuel', 'entretiens individuels',
      'conseillere familiale', 'conseiller familial', 'consultation familiale'],
    parentWords: ['psychologue', 'counselling', 'counseling', 'counsellor'],
  },
  {
    id: 'ecoute-distance',
    label: { fr: 'écoute par téléphone ou en ligne', en: 'helpline (phone or online)' },
    plural: { fr: 'écoutes par téléphone ou en ligne', en: 'helplines (phone or online)' },
    feminine: true,
    pluralFeminine: true,
    serviceWords: ['ecoute telephonique', 'ligne d ecoute', 'ecoute par telephone', 'allo parents', 'numero vert', 'ecoute en ligne',
      'tchat', 'permanence telephonique', 'telephone parents'],
    parentWords: ['ecoute au telephone', 'ecoute par telephone', 'telephoner', 'un numero pour parler', 'numero pour parler', 'un numero a appeler',
      'numero d ecoute', 'helpline', 'hotline', 'phone line', 'call someone', 'a number to call', 'phone number to talk',
      'chat en ligne'],
  },
  {
    id: 'mediation',
    label: { fr: 'médiation familiale', en: 'family mediation' },
    plural: { fr: 'services de médiation familiale', en: 'family mediation services' },
    feminine: true,
    pluralFeminine: false,
    serviceWords: ['mediation familiale', 'mediateur familial', 'mediatrice familiale', 'mediation parentale'],
    parentWords: ['mediation', 'mediateur', 'mediatrice', 'separation', 'separes', 'on se separe', 'divorce', 'divorcer', 'conflit familial',
      'conflits familiaux', 'family mediation', 'mediator'],
  },
  {
    id: 'espace-rencontre',
    label: { fr: 'espace rencontre', en: 'child contact centre' },
    plural: { fr: 'espaces rencontre', en: 'child contact centres' },
    feminine: false,
    pluralFeminine: false,
    serviceWords: ['espace rencontre', 'espace-rencontre', 'point rencontre', 'lieu neutre', 'droit de visite'],
    parentWords: ['voir mon enfant', 'voir mes enfants', 'visite mediatisee', 'visites mediatisees', 'contact centre', 'supervised visit',
      'supervised visits'],
  },
  {
    id: 'atelier',
    label: { fr: 'atelier parents-enfants', en: 'parent-child activity' },
    plural: { fr: 'ateliers parents-enfants et sorties familles', en: 'parent-child activities and family outings' },
    feminine: false,
    pluralFeminine: false,
    serviceWords: ['atelier parents-enfants', 'atelier parent-enfant', 'ateliers parents enfants', 'atelier enfants-parents',
      'atelier familles', 'atelier en famille', 'sortie familles', 'sorties familles', 'sortie en famille', 'sorties familiales',
      'activites parents-enfants', 'activite en famille', 'jeux en famille', 'atelier cuisine parents', 'eveil parents-enfants'],
    parentWords: ['atelier', 'ateliers', 'sortie', 'sorties', 'activite', 'activites', 'faire avec mon enfant', 'family outing',
      'family activities', 'workshop', 'parent-child activity'],
  },
  {
    id: 'clas',
    label: { fr: 'accompagnement à la scolarité (CLAS)', en: 'homework support (CLAS)' },
    plural: { fr: 'accompagnements à la scolarité (CLAS)', en: 'homework support (CLAS)' },
    feminine: false,
    pluralFeminine: false,
    serviceWords: ['clas', 'accompagnement a la scolarite', 'accompagnement scolaire', 'aide aux devoirs', 'soutien scolaire',
      'contrat local d accompagnement a la scolarite'],
    parentWords: ['devoirs', 'aide devoirs', 'aider aux devoirs', 'scolarite', 'homework', 'homework help', 'homework club', 'tutoring'],
  },
  {
    id: 'conference',
    label: { fr: 'conférence-débat', en: 'talk or debate evening' },
    plural: { fr: "conférences-débats et soirées d'échange", en: 'talks and debate evenings' },
    feminine: true,
    pluralFeminine: true,
    serviceWords: ['conference-debat', 'conference debat', 'conferences-debats', "soiree d'echange", "soirees d'echange", 'soiree-debat',
      'cine-debat', 'cafe-debat', 'conference parentalite', 'conference sur'],
    parentWords: ['conference', 'conferences', 'debat', 'soiree', 'talk', 'talks', 'debate'],
  },
  {
    id: 'centre-social',
    label: { fr: 'centre social ou espace de vie sociale', en: 'community centre' },
    plural: { fr: 'centres sociaux et espaces de vie sociale', en: 'community centres' },
    feminine: false,
    pluralFeminine: false,
    serviceWords: ['centre social', 'centres sociaux', 'espace de vie sociale', 'evs', 'maison des familles', 'maison de la famille',
      'maison de quartier', 'centre socioculturel', 'centre socio-culturel'],
    parentWords: ['maison des famille', 'community centre', 'community center', 'family centre', 'family center'],
  },
];

/** Kinds a remote (a-distance) service of a kind also belongs to: a listening service on the phone is a helpline. */
export const REMOTE_KINDS: Readonly<Partial<Record<KindId, KindId>>> = { 'point-ecoute': 'ecoute-distance' };

/** Parents' words that point to several kinds at once. */
export const KIND_GROUPS: ReadonlyArray<{ words: readonly string[]; kinds: readonly KindId[] }> = [
  {
    // Peer support: parents helping parents.
    words: ['soutien entre pairs', 'entre pairs', 'pair aidance', 'pair-aidance', 'entraide entre parents', 'entraide', "groupe d'entraide",
      "s'entraider", 'entraider', "echanger avec d'autres parents", "rencontrer d'autres parents", "parler avec d'autres parents",
      "d'autres parents", 'parents comme moi', 'peer support', 'peer group', 'other parents', 'parents like me', 'mutual support',
      'self-help group', 'support between parents'],
    kinds: ['groupe-parole', 'cafe-parents'],
  },
  {
    // Someone to talk to: listening, in person or remote.
    words: ["parler a quelqu'un", "parler a quelqu un", 'besoin de parler', 'etre ecoute', 'etre ecoutee', "quelqu'un a qui parler",
      'me confier', "besoin d'ecoute", "besoin d'etre ecoute", 'une ecoute', "un lieu d'ecoute", "une oreille attentive", 'talk to someone', 'someone to talk to', 'need to talk', 'speak to someone', 'listening'],
    kinds: ['point-ecoute', 'ecoute-distance'],
  },
];

/**
 * Words that ask for parenting support in general, naming no kind ("aide à la parentalité", "quelque chose pour les
 * parents"): answered with the places near there, grouped by kind.
 */
export const GENERAL_SUPPORT_WORDS: readonly string[] = ['soutien a la parentalite', 'aide a la parentalite', 'parentalite',
  'soutien parental', 'accompagnement parental', 'accompagnement a la parentalite', 'aide pour parents', 'aide pour les parents',
  'aide aux parents', 'soutien aux parents', 'soutien pour parents', 'soutien pour les parents', 'quelque chose pour les parents',
  'quelque chose pour parents', 'pour les parents', 'pour parents', 'aide aux familles', 'soutien aux familles', 'pour les familles',
  'lieux pour les parents', 'ce qui existe pour les parents', 'parenting support', 'support for parents', 'help for parents',
  'something for parents', 'for parents', 'family support', 'parenting help'];

/** Words that say the parent wants something remote: phone, online. */
export const REMOTE_WORDS: readonly string[] = ['au telephone', 'par telephone', 'telephoner', 'appeler', 'en ligne', 'a distance',
  'by phone', 'on the phone', 'phone', 'online', 'call'];

export const AUDIENCE_IDS = ['solo', 'ados', 'petits'] as const;
export const AudienceIdSchema = z.enum(AUDIENCE_IDS);
export type AudienceId = z.infer<typeof AudienceIdSchema>;

export type AudienceDefinition = {
  id: AudienceId;
  label: Record<Language, string>;
  serviceWords: readonly string[];
  parentWords: readonly string[];
  /** Children's ages (years, inclusive) this audience is about. */
  ages: readonly [number, number] | null;
};

export const AUDIENCES: readonly AudienceDefinition[] = [
  {
    id: 'solo',
    label: { fr: 'les parents solos', en: 'single parents' },
    serviceWords: ['parents solos', 'parent solo', 'parents seuls', 'parent isole', 'parents isoles', 'famille monoparentale',
      'familles monoparentales', 'monoparentalite', 'mamans solos', 'papas solos', 'meres seules'],
    parentWords: ['maman solo', 'papa solo', 'mere celibataire', 'pere celibataire', 'maman celibataire', 'papa celibataire',
      'mere seule', 'pere seul', 'je suis seule', 'je suis seul', 'seule avec mes enfants', 'seul avec mes enfants',
      'seule avec mon enfant', 'seul avec mon enfant', "j'eleve seule", "j'eleve seul", 'eleve seule', 'monoparentale', 'solo',
      'seule', 'seul', 'celibataire', 'celibataire avec enfants', 'celibataire avec des enfants', 'maman seule', 'papa seul',
      'single parent', 'single mum', 'single mom', 'single mother', 'single dad', 'single father', 'lone parent'],
    ages: null,
  },
  {
    id: 'ados',
    label: { fr: "les parents d'adolescents", en: 'parents of teenagers' },
    serviceWords: ["parents d'ados", "parents d'adolescents", 'adolescents', 'adolescence', 'ados', 'collegiens', 'lyceens', 'jeunes de 11',
      'jeunes de 12'],
    parentWords: ['mon ado', 'ma ado', 'mon adolescent', 'mon adolescente', 'ado', 'adolescent', 'adolescente', 'collegien', 'collegienne',
      'lyceen', 'lyceenne', 'teenager', 'teenagers', 'teen', 'teens', 'my teen'],
    ages: [11, 17],
  },
  {
    id: 'petits',
    label: { fr: 'les parents de tout-petits', en: 'parents of young children' },
    serviceWords: ['tout-petits', 'tout petits', 'jeunes enfants', 'moins de 6 ans', 'moins de six ans', '0-6 ans', '0 a 6 ans',
      'de 0 a 6 ans', '0 a 3 ans', '0-3 ans', 'bebes', 'nourrissons', 'petite enfance'],
    parentWords: ['bebe', 'mon bebe', 'tout-petit', 'tout petit', 'nourrisson', 'mon petit', 'ma petite', 'baby', 'toddler', 'newborn',
      'my infant', 'petite enfance'],
    ages: [0, 5],
  },
];

/** Kinds that are, by definition, for one audience: a LAEP is for children under 6 with a parent. */
export const KIND_AGES: Readonly<Partial<Record<KindId, readonly [number, number]>>> = { laep: [0, 6] };

/** The data·inclusion themes that say a service is about families. */
export const FAMILY_THEME_PREFIX = 'famille';

export function kindDefinition(id: KindId): KindDefinition {
  const found = KINDS.find((k) => k.id === id);
  if (!found) throw new Error(`unknown kind ${id}`);
  return found;
}

export function audienceDefinition(id: AudienceId): AudienceDefinition {
  const found = AUDIENCES.find((a) => a.id === id);
  if (!found) throw new Error(`unknown audience ${id}`);
  return found;
}
