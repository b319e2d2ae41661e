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
      'parent-child drop-in', 'drop-in', 'playgroup', 'play group', 'stay and play', 'toddler group', 'baby group', 'parent and toddler group',
      'mother and toddler group', 'parent and baby group', 'drop-in for toddlers'],
  },
  {
    id: 'groupe-parole',
    label: { fr: 'groupe de parole', en: 'parents’ support group' },
    plural: { fr: 'groupes de parole', en: 'parents’ support groups' },
    feminine: false,
    pluralFeminine: false,
    serviceWords: ['groupe de parole', 'groupes de parole', "groupe d'echange", "groupe d'echanges", "groupe d'entraide",
      'cercle de parents', 'parole de parents', 'temps de parole', "cercle d'echange",
      // « Groupe de parents d'enfants autistes », « groupe des papas »: a group of peers is a groupe de parole.
      'groupe de parents', 'groupes de parents', 'groupe des parents', 'groupe des papas', 'groupe de papas', 'groupe des mamans',
      'groupe de mamans', 'groupe de peres', 'groupe de meres'],
    parentWords: ['groupe de discussion', 'groupe parole', 'groupe de paroles', 'support group', 'discussion group', 'parent group', 'parents group'],
  },
  {
    id: 'cafe-parents',
    label: { fr: 'café des parents', en: 'parents’ café' },
    plural: { fr: 'cafés des parents', en: 'parents’ cafés' },
    feminine: false,
    pluralFeminine: false,
    serviceWords: ['cafe des parents', 'cafe parents', 'cafe-parents', 'cafe des familles', 'cafe parentalite', 'pause cafe parents',
      'cafe papote', 'cafe rencontre'],
    // « caf » is how a phone cuts « café » (« caf des parents »): only with « des parents » after it, « la Caf » being an office.
    parentWords: ['cafe de parents', 'caf des parents', 'caf de parents', 'caf parents', 'parent cafe', 'parents cafe', 'coffee morning'],
  },
  {
    id: 'point-ecoute',
    label: { fr: 'point écoute parents', en: 'listening point for parents' },
    plural: { fr: 'points écoute parents', en: 'listening points for parents' },
    feminine: false,
    pluralFeminine: false,
    serviceWords: ['point ecoute', 'point-ecoute', "point d'ecoute", 'point accueil ecoute', 'ecoute parents', 'entretien individuel', 'entretiens individuels',
      'conseillere familiale', 'conseiller familial', 'consultation familiale', 'conseil conjugal', 'conseillere conjugale',
      'conseiller conjugal', 'therapie familiale'],
    // « pt écoute » (« pt » alone is as often « petit »), « écoute ados »: the audience named inside is read too.
    parentWords: ['pt ecoute', "pt d'ecoute", 'ecoute ados', 'ecoute adolescents', 'ecoute jeunes', "ecoute parents d'ados",
      "ecoute parents d'adolescents", 'psychologue', 'counselling', 'counseling', 'counsellor', 'therapie de couple', 'couple therapy', 'couples counselling',
      'relationship counselling', 'marriage counselling', 'family therapist'],
  },
  {
    id: 'ecoute-distance',
    label: { fr: 'écoute par téléphone ou en ligne', en: 'helpline (phone or online)' },
    plural: { fr: 'écoutes par téléphone ou en ligne', en: 'helplines (phone or online)' },
    feminine: true,
    pluralFeminine: true,
    serviceWords: ['ecoute telephonique', 'ligne d ecoute', 'ecoute par telephone', 'allo parents', 'numero vert', 'ecoute en ligne',
      'tchat', 'permanence telephonique', 'telephone parents'],
    parentWords: ['ecoute au telephone', 'parler au telephone', 'parler par telephone', 'parle au telephone', 'parle par telephone',
      'quelquun au telephone', 'quelquun par telephone', "quelqu'un au telephone", "quelqu'un par telephone", 'appeler quelquun',
      "appeler quelqu'un", 'talk on the phone', 'talk by phone', 'someone on the phone', 'parent helpline', 'parents helpline', 'listening line', 'ecoute par telephone', 'telephoner', 'un numero pour parler', 'numero pour parler', 'un numero a appeler',
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
    parentWords: ['mediation', 'mediation familial', 'mediation famille', 'mediateur', 'mediatrice', 'separation', 'separes', 'on se separe', 'divorce', 'divorcer', 'conflit familial',
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
    parentWords: ['maison des famille', 'centre sociale', 'centre socio', 'community centre', 'community center', 'family centre', 'family center'],
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
    words: ["parler a quelqu'un", "parler a quelqu un", 'parler a quelquun', 'parle a quelquun', 'parler avec quelquun',
      'parle avec quelquun', 'quelquun a qui parler', 'quelquun pour parler', "quelquun pour m'ecouter", 'quelquun qui m ecoute',
      "quelqu'un pour parler", "quelqu'un qui m'ecoute", "parler avec quelqu'un", 'besoin de parler', 'etre ecoute', 'etre ecoutee', "quelqu'un a qui parler",
      'me confier', "besoin d'ecoute", "besoin d'etre ecoute", 'une ecoute', "un lieu d'ecoute", "une oreille attentive", 'talk to someone', 'someone to talk to', 'need to talk', 'speak to someone', 'listening'],
    kinds: ['point-ecoute', 'ecoute-distance'],
  },
  {
    // What English speakers call a parenting class is, in this offer, an atelier, a conférence or a groupe de parole.
    words: ['parenting class', 'parenting classes', 'parenting course', 'parenting workshop', 'parenting group', 'parenting programme',
      'parenting program', 'ecole des parents', 'formation parentalite'],
    kinds: ['atelier', 'conference', 'groupe-parole'],
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

// New audiences go at the end: a prebuilt offer stores audiences as bits in this order.
export const AUDIENCE_IDS = ['solo', 'ados', 'petits', 'peres'] as const;
export const AudienceIdSchema = z.enum(AUDIENCE_IDS);
export type AudienceId = z.infer<typeof AudienceIdSchema>;

export type AudienceDefinition = {
  id: AudienceId;
  label: Record<Language, string>;
  /**
   * The label when the parent told he is a father (FATHER_WORDS): « les pères seuls » for « papa solo ». Only where
   * the audience is the parent himself; otherwise `label` is said.
   */
  fatherLabel?: Record<Language, string>;
  /**
   * Whether a search for this audience leaves out what is not for it (parents solos asked: their groups only, or, if
   * none, what is open to all, said as such). Otherwise it only ranks: a father is welcome wherever parents are, so
   * the services for fathers come first and the others follow; children's audiences rank too (src/offer/search.ts).
   */
  filters: boolean;
  serviceWords: readonly string[];
  parentWords: readonly string[];
  /** Children's ages (years, inclusive) this audience is about. */
  ages: readonly [number, number] | null;
};

export const AUDIENCES: readonly AudienceDefinition[] = [
  {
    id: 'solo',
    label: { fr: 'les parents solos', en: 'single parents' },
    fatherLabel: { fr: 'les pères seuls', en: 'single fathers' },
    filters: true,
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
    filters: false,
    // « collégiens », « lycéens » say ages, not this audience (SCHOOL_STAGES): « écoliers et collégiens » is 6–15.
    serviceWords: ["parents d'ados", "parents d'adolescents", 'adolescents', 'adolescence', 'ados', 'jeunes de 11',
      'jeunes de 12'],
    parentWords: ['mon ado', 'ma ado', 'mon adolescent', 'mon adolescente', 'ado', 'adolescent', 'adolescente', 'preado', 'preados',
      'preadolescent', 'preadolescente', 'collegien', 'collegienne',
      'lyceen', 'lyceenne', 'teenager', 'teenagers', 'teen', 'teens', 'my teen'],
    ages: [11, 17],
  },
  {
    id: 'petits',
    label: { fr: 'les parents de tout-petits', en: 'parents of young children' },
    filters: false,
    serviceWords: ['tout-petits', 'tout petits', 'jeunes enfants', 'moins de 6 ans', 'moins de six ans', '0-6 ans', '0 a 6 ans',
      'de 0 a 6 ans', '0 a 3 ans', '0-3 ans', 'bebes', 'nourrissons', 'petite enfance'],
    // « les petits », « mes petits » in the plural: young children (« un petit groupe » is no child).
    parentWords: ['bebe', 'mon bebe', 'tout-petit', 'tout petit', 'nourrisson', 'mon petit', 'ma petite', 'les petits', 'mes petits',
      'nos petits', 'petit bout', 'mon petit bout', 'bout de chou', 'en bas age', 'baby', 'toddler', 'newborn',
      'my infant', 'petite enfance', 'young children', 'young child', 'little ones', 'preschooler', 'under fives', 'under 6', 'infant'],
    ages: [0, 5],
  },
  {
    // Services for fathers (« groupe des papas », data·inclusion's public « hommes »), shown on their card. A parent
    // asking for fathers' services (situation 'fathers', src/offer/situations.ts) or saying he is a father
    // (FATHER_WORDS) gets them first, without leaving out what is open to all parents.
    id: 'peres',
    label: { fr: 'les pères', en: 'fathers' },
    filters: false,
    serviceWords: ['peres', 'papas', 'des peres', 'des papas', 'paternite', 'fathers', 'dads'],
    parentWords: [],
    ages: null,
  },
];

/**
 * Words in which the parent says he is a father (« je suis papa », « papa solo », « père seul », « single dad »): read
 * wherever they stand in the message, beside what the same words also say (« papa solo » is a parent solo too), they
 * add the fathers' audience, whose services then come first. Never a father named by someone else (« le père de mes
 * enfants », « mon mari est papa »), nor « seul » alone, which tells nothing sure of who types it.
 */
export const FATHER_WORDS: readonly string[] = ['je suis papa', 'je suis un papa', 'je suis pere', 'je suis un pere', 'jsuis papa',
  'suis papa de', 'suis pere de', 'en tant que papa', 'en tant que pere', 'moi le papa', 'moi le pere', 'papa solo', 'papa seul',
  'papa tout seul', 'pere seul', 'pere solo', 'papa celibataire', 'pere celibataire', 'papa isole', 'pere isole', 'papa divorce',
  'pere divorce', 'papa separe', 'pere separe', 'papa en garde alternee', 'pere en garde alternee', 'papa au foyer', 'pere au foyer',
  'single dad', 'single father', 'lone father', "i'm a dad", 'i am a dad', "i'm a father", 'i am a father', 'as a dad', 'as a father',
  'stay at home dad', 'divorced dad', 'separated dad'];

/**
 * School stages and years in France, with the children's ages they mean (years, inclusive; a child turns 6 in the
 * year of CP): a service « pour les écoliers et collégiens » is for 6–15, a parent's child « en CE2 » is 8.
 * `serviceWords` are read anywhere in a service's text: pupils (« écoliers ») and schools named as such (« école
 * maternelle »), not « maternelle » alone (« protection maternelle et infantile ») nor « collège » alone (a place).
 * `parentWords` are read after « en », « au », « à la », « in », « at » in a parent's message (« ma fille en CE2 »,
 * « mon fils est au collège »). A single year (`grade`) is read in a service's text only as an end of a range (« du CP
 * au CM2 », « de la 6e à la 3e »): alone, « 3e » is as often an arrondissement.
 */
export type SchoolStage = { serviceWords: readonly string[]; parentWords: readonly string[]; ages: readonly [number, number]; grade: boolean };

const grade = (ages: number, ...words: string[]): SchoolStage => ({ serviceWords: words, parentWords: words, ages: [ages, ages], grade: true });

export const SCHOOL_STAGES: readonly SchoolStage[] = [
  { serviceWords: ['ecole maternelle', 'eleves de maternelle', 'enfants de maternelle', 'classes de maternelle'],
    parentWords: ['maternelle', 'ecole maternelle', 'petite section', 'moyenne section', 'grande section', 'nursery school', 'preschool'],
    ages: [3, 5], grade: false },
  { serviceWords: ['ecolier', 'ecoliere', 'ecole primaire', 'ecole elementaire', 'eleves de primaire', 'eleves du primaire',
      'enfants du primaire', 'eleves de l ecole', 'primary school pupils'],
    parentWords: ['primaire', 'elementaire', 'ecole primaire', 'ecole elementaire', 'primary school', 'elementary school'],
    ages: [6, 11], grade: false },
  { serviceWords: ['collegien', 'collegienne', 'eleves de college', 'eleves du college'],
    parentWords: ['college', 'middle school'], ages: [11, 15], grade: false },
  { serviceWords: ['lyceen', 'lyceenne', 'eleves de lycee', 'eleves du lycee'], parentWords: ['lycee', 'high school'], ages: [15, 18], grade: false },
  grade(6, 'cp'), grade(7, 'ce1'), grade(8, 'ce2'), grade(9, 'cm1'), grade(10, 'cm2'),
  grade(11, '6e', '6eme', 'sixieme'), grade(12, '5e', '5eme', 'cinquieme'), grade(13, '4e', '4eme', 'quatrieme'),
  grade(14, '3e', '3eme', 'troisieme'), grade(15, 'seconde', '2nde', '2de'), grade(16, 'premiere', '1ere'), grade(17, 'terminale'),
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

/**
 * Short forms parents type for a word this vocabulary knows ("grp de parole", "pr les ados", "une conf"). One word for
 * one word, so that the positions of words (the place's, the consumed phrases') stay those of the message. Looked up
 * as typed, then in the singular (« ptits », « dados »).
 */
export const SHORT_FORMS: ReadonlyMap<string, string> = new Map([
  ['grp', 'groupe'], ['grpe', 'groupe'], ['gpe', 'groupe'], ['grps', 'groupe'],
  ['pr', 'pour'], ['ds', 'dans'], ['avc', 'avec'],
  ['conf', 'conference'], ['confs', 'conference'], ['psy', 'psychologue'], ['atel', 'atelier'],
  ['ptit', 'petit'], ['ptite', 'petite'], ['bb', 'bebe'], ['bbs', 'bebe'],
  ['enfs', 'enfant'], ['enfts', 'enfant'], ['mediat', 'mediation'], ['monoparental', 'monoparentale'],
  // Typed without the apostrophe: « parents dado » is « parents d'ado ».
  ['dado', 'ado'], ['dadolescent', 'adolescent'], ['dadolescente', 'adolescente'],
  // Words cut or letters swapped, too short for the typo tolerance (four or five letters).
  ['leap', 'laep'], ['lape', 'laep'], ['laeb', 'laep'], ['parol', 'parole'], ['famil', 'famille'], ['ecout', 'ecoute'],
  ['pti', 'petit'], ['bbe', 'bebe'], ['kfe', 'cafe'], ['kafe', 'cafe'],
  // « quelqu'un » typed as one word or in SMS style: one token, « quelquun », which the phrases below also use.
  ['quelqun', 'quelquun'], ['quelquun', 'quelquun'], ['qqn', 'quelquun'], ['qq1', 'quelquun'], ['qqun', 'quelquun'], ['kelkun', 'quelquun'],
  ['quelquin', 'quelquun'], ['qlqn', 'quelquun'], ['qlq1', 'quelquun'],
  // « téléphone » short or typed as heard (« tél » folds to « tel »); « tel » alone is rarely « tel que » in a search.
  ['tel', 'telephone'], ['tele', 'telephone'], ['telephon', 'telephone'], ['fone', 'telephone'], ['phone', 'telephone'],
  ['telefone', 'telephone'], ['tph', 'telephone'], ['tlf', 'telephone'],
]);

/**
 * « Groupe » followed by parents (« groupe parents », « groupe de parents », « groupe pour les parents », « groupe entre
 * parents ») or by talking (« un groupe pour parler ») is a groupe de parole: parents meeting parents. « Groupe » in
 * other senses (« groupe scolaire », « groupe de musique », « en groupe ») is followed by neither. Between the head and
 * the parents come only linking words; a group of parents that is something else (« parents d'élèves ») is not one.
 */
export const PEER_GROUP: {
  heads: readonly string[];
  links: readonly string[];
  members: readonly string[];
  purposes: readonly string[];
  /** Words after the members that make them something else: « groupe de parents d'élèves » is the school's. */
  otherThan: readonly string[];
  kind: KindId;
} = {
  heads: ['groupe', 'groupes', 'cercle', 'group'],
  links: ['de', 'des', 'd', 'du', 'pour', 'les', 'la', 'entre', 'avec', 'a', 'autres', 'for', 'of', 'with', 'other'],
  members: ['parents', 'papas', 'mamans', 'peres', 'meres', 'parent', 'papa', 'maman', 'pere', 'mere', 'dads', 'mums', 'moms'],
  purposes: ['parler', 'echanger', 'discuter', 'partager', 'entraider', 'entraide', 'se confier', 'talk', 'share'],
  otherThan: ["d'eleves", "d'eleve", 'deleves', 'eleves', 'delegues', 'delegue'],
  kind: 'groupe-parole',
};

/**
 * Needs this offer does not cover, that parents bring to it all the same, with where to look instead. Childcare
 * (crèche, assistante maternelle, périscolaire) is not parenting support: the Caf lists it on monenfant.fr, its national
 * site for childcare (modes de garde, accueils de loisirs). Custody ("garde alternée", "la garde des enfants") is not
 * childcare: it is a family matter, read by the situations vocabulary (médiation familiale).
 */
export const OUT_OF_SCOPE_IDS = ['childcare', 'benefits'] as const;
export const OutOfScopeIdSchema = z.enum(OUT_OF_SCOPE_IDS);
export type OutOfScopeId = z.infer<typeof OutOfScopeIdSchema>;

export type OutOfScopeTopic = {
  id: OutOfScopeId;
  /** Folded phrases, French and English, as parents type them. */
  words: readonly string[];
  /** What it is, as the answer names it, and whether that name is plural (for « ne fait / ne font pas partie »). */
  topic: { label: Record<Language, string>; plural: boolean };
  /** Where a parent finds it: a public service's site. */
  elsewhere: { label: Record<Language, string>; url: string };
};

export const OUT_OF_SCOPE: readonly OutOfScopeTopic[] = [
  {
    id: 'childcare',
    words: ["garde d'enfant", "garde d'enfants", 'garde enfant', 'mode de garde', 'modes de garde', 'solution de garde', 'faire garder',
      'garder mon enfant', 'garder mes enfants', 'garder mon fils', 'garder ma fille', 'garder mon bebe', 'garder les enfants', 'creche',
      'micro-creche', 'micro creche', 'creche parentale', 'halte-garderie', 'halte garderie', 'garderie', 'multi-accueil', 'multi accueil',
      'assistante maternelle', 'assistant maternel', 'assistantes maternelles', 'ass mat', 'assmat', 'nounou', 'nourrice', 'baby-sitter',
      'baby sitter', 'babysitter', 'baby-sitting', 'babysitting', 'periscolaire', 'accueil periscolaire', 'centre de loisirs',
      'accueil de loisirs', 'centre aere', 'mam maison d assistantes maternelles', 'childcare', 'child care', 'nursery', 'daycare',
      'day care', 'childminder', 'nanny', 'after-school club', 'after school club', 'holiday club'],
    topic: { label: { fr: 'La garde d’enfants (crèche, assistante maternelle, périscolaire)', en: 'Childcare (nurseries, childminders, after-school care)' }, plural: false },
    elsewhere: { label: { fr: 'monenfant.fr, le site de la Caf pour la garde d’enfants', en: 'monenfant.fr, the Caf’s website for childcare' },
      url: 'https://monenfant.fr' },
  },
  {
    id: 'benefits',
    words: ['mon dossier caf', 'dossier caf', 'mes allocations', 'allocations familiales', 'allocation familiale', 'mes droits caf',
      'prestation familiale', 'prestations familiales', 'prime de naissance', 'paje', 'rsa', 'apl', 'aide au logement',
      'allocation de rentree scolaire', 'complement familial', 'pension alimentaire impayee', 'aripa', 'child benefit', 'family allowance',
      'my benefits'],
    topic: { label: { fr: 'Les dossiers et les prestations de la Caf', en: 'Caf files and benefits' }, plural: true },
    elsewhere: { label: { fr: 'caf.fr, ou votre Caf', en: 'caf.fr, or your local Caf' }, url: 'https://www.caf.fr' },
  },
];

/**
 * Names of the partners' own bodies and plans (DOMAIN.md's glossary): a parent's message that names one asks about the
 * plan, not for a kind of support, so these words point to no kind (and never to one by a typo).
 */
export const PARTNER_BODY_WORDS: readonly string[] = ['conseil local de la parentalite', 'conseils locaux de la parentalite', 'clp',
  'reaap', "reseau d'ecoute d'appui et d'accompagnement des parents", 'cdsf', 'comite departemental des services aux familles', 'sdsf',
  'schema departemental des services aux familles', 'commission parentalite', 'ctg', 'convention territoriale globale', 'fnp',
  'fonds national parentalite', 'senacs', 'fiche action', 'fiches action'];
