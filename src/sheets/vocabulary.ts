import type { SheetField } from './model';

/**
 * The words partners use to ask about sheets, in French and English, as data. Each phrase is matched on folded
 * question tokens ("jusqu'à quand" → jusqu a quand); words of six letters or more also match with a typo.
 */

export type AskedField = Exclude<SheetField, 'other'>;

export interface FieldTrigger {
  fields: readonly AskedField[];
  phrases: readonly string[];
}

export const FIELD_TRIGGERS: readonly FieldTrigger[] = [
  {
    fields: ['pilot'],
    phrases: [
      'pilote', 'pilotes', 'piloter', 'pilotee', 'pilotage', 'qui pilote', 'coordonne', 'coordonnent', 'coordination',
      'coordinateur', 'coordinatrice', 'coordonner', 'qui anime', 'anime', 'animateur', 'animatrice', 'animateurs', 'qui porte',
      'porteur', 'porteurs', 'portage', 'responsable', 'responsables', 'referent', 'qui s occupe', 'qui gere',
      'pilot', 'pilots', 'piloted', 'who leads', 'leads', 'led by', 'lead', 'who coordinates', 'coordinates', 'coordinator',
      'in charge', 'who runs', 'runs', 'owner', 'facilitator', 'who is responsible',
    ],
  },
  {
    fields: ['partners'],
    phrases: [
      'partenaire', 'partenaires', 'partenariat', 'partenariats', 'avec qui', 'dispositifs', 'mobilisables',
      'partner', 'partners', 'partnership', 'who else', 'stakeholders',
    ],
  },
  {
    fields: ['pilot', 'partners'],
    phrases: [
      'implique', 'impliquent', 'impliques', 'impliquee', 'impliquees', 'qui participe', 'participent', 'mobilise', 'mobilisent',
      'qui est implique', 'involve', 'involves', 'involved', 'involving', 'who is involved', 'who takes part',
    ],
  },
  {
    fields: ['funding'],
    phrases: [
      'financement', 'financements', 'finance', 'financent', 'financer', 'financee', 'qui finance', 'qui paie', 'qui paye',
      'ressources', 'budget', 'budgets', 'fonds', 'moyens', 'argent', 'subvention', 'subventions', 'cout', 'combien coute',
      'funding', 'funded', 'funds', 'fund', 'funder', 'who pays', 'money', 'budgeted', 'resources', 'cost',
    ],
  },
  {
    fields: ['actions'],
    phrases: [
      'actions', 'action', 'realisations', 'realisations attendues', 'prevu', 'prevue', 'prevus', 'prevues', 'prevoit',
      'que fait on', 'que faire', 'concretement', 'activities', 'planned', 'what is planned', 'what will be done',
    ],
  },
  {
    fields: ['deadlines'],
    phrases: [
      'echeance', 'echeances', 'echeancier', 'calendrier', 'jusqu a quand', 'jusqu quand', 'quand', 'date', 'dates', 'delai',
      'delais', 'duree', 'periode', 'annee', 'annees', 'deadline', 'deadlines', 'when', 'until when', 'timeline', 'schedule',
      'timeframe', 'how long', 'dates',
      // Steps and key dates are how a plan's calendar is asked for without naming it (« et les grandes étapes ? »).
      'etape', 'etapes', 'grandes etapes', 'etapes cles', 'dates cles', 'date cle', 'date cles', 'dates importantes', 'jalon',
      'jalons', 'pour quand', 'c est pour quand', 'a quelle date', 'quelle date', 'des quand', 'a partir de quand', 'planning',
      'retroplanning', 'phasage', 'phases', 'cadencement', 'milestone', 'milestones', 'key dates', 'key steps', 'main steps',
      'steps', 'by when', 'what date',
    ],
  },
  {
    fields: ['results'],
    phrases: [
      'indicateur', 'indicateurs', 'resultat', 'resultats', 'resultats attendus', 'effets', 'effets attendus', 'evaluation',
      'evaluer', 'evalue', 'comment mesure', 'mesure t on', 'mesurer', 'mesure', 'bilan', 'bilans', 'suivi', 'criteres',
      'indicator', 'indicators', 'results', 'expected results', 'outcomes', 'outcome', 'measure', 'measured', 'measures',
      'evaluate', 'evaluated', 'kpi', 'kpis', 'how is it measured', 'metrics',
    ],
  },
  {
    fields: ['context'],
    phrases: [
      'diagnostic', 'diagnostics', 'contexte', 'constat', 'constats', 'etat des lieux', 'pourquoi',
      'diagnosis', 'context', 'background', 'why', 'findings',
    ],
  },
  {
    fields: ['audience'],
    phrases: [
      'public', 'publics', 'public vise', 'publics vises', 'cible', 'cibles', 'pour qui', 'a qui', 'beneficiaire',
      'beneficiaires', 'territoire', 'territoires', 'echelle territoriale', 'quel territoire', 'ou s applique', 'qui est concerne',
      'concerne qui', 'audience', 'target', 'targets', 'who is it for', 'for whom', 'beneficiaries', 'territory', 'area', 'where',
    ],
  },
  {
    fields: ['objectives'],
    phrases: [
      'objectif', 'objectifs', 'principe', 'principes', 'principes d action', 'definitions', 'enjeu', 'enjeux', 'le but', 'quel but', 'buts',
      'finalite', 'finalites', 'ambition', 'ambitions', 'a quoi sert', 'dynamiques', 'objective', 'objectives', 'goal', 'goals',
      'aim', 'aims', 'purpose', 'principles',
    ],
  },
  {
    fields: ['links'],
    phrases: ['fiches liees', 'autres fiches', 'quels liens', 'liens avec', 'articulation', 'links', 'related', 'related sheets', 'linked'],
  },
];

/** Asking for the whole sheet: "parle-moi de la PA 3.2.1". */
export const SUMMARY_PHRASES: readonly string[] = [
  'parle moi', 'parlez moi', 'parle', 'resume', 'resumer', 'resumez', 'presente', 'presenter', 'presentation', 'details',
  'detail', 'detaille', 'infos', 'info', 'informations', 'que dit', 'contenu', 'montre', 'montrer', 'affiche', 'afficher',
  'voir', 'ouvre', 'ouvrir', 'fiche complete', 'toute la fiche', 'en quoi consiste', 'de quoi parle', 'titre', 'intitule',
  'tell me about', 'tell me', 'summary', 'summarise', 'summarize', 'overview', 'describe', 'show', 'show me',
  'what is in', 'title', 'whole sheet',
];

/** Asking what a word means. */
export const GLOSSARY_PHRASES: readonly string[] = [
  'que veut dire', 'veut dire', 'veulent dire', 'que signifie', 'signifie', 'signifient', 'signification', 'c est quoi',
  'c quoi', 'cest quoi', 'qu est ce que', 'qu est ce qu', 'qu est ce', 'definition', 'definir', 'sigle', 'acronyme',
  'abreviation', 'ca veut dire', 'what does', 'what is', 'what s', 'whats', 'stands for', 'stand for', 'meaning', 'mean',
  'means', 'define', 'definition of',
];

/**
 * Asking what an organisation does in a sheet: « quel est le rôle de la MSA », « que fait la MSA », « la MSA y fait
 * quoi ? ». Answered from the lines of the sheet that name it (partners first), never from a glossary or one field.
 */
export const ROLE_PHRASES: readonly string[] = [
  'role', 'roles', 'quel role', 'quels roles', 'son role', 'leur role', 'que fait', 'que font', 'fait quoi', 'font quoi',
  'y fait quoi', 'y font quoi', 'qu y fait', 'contribution', 'contributions', 'contribue', 'contribuent',
  'what role', 'role of', 'part in', 'do in', 'doing in', 'does in', 'contribute', 'contributes',
];

/** A question about several sheets: plural "fiches", "which sheets". */
export const LISTING_PHRASES: readonly string[] = [
  'fiches', 'sheets', 'lesquelles', 'which ones', 'quelles fiches', 'which sheets', 'toutes les fiches', 'liste des fiches',
  'what sheets', 'all sheets', 'fiches actions', 'action sheets',
];

/** Words that carry a question's shape but not its topic. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set([
  'quel', 'quels', 'quelle', 'quelles', 'qui', 'que', 'quoi', 'comment', 'combien', 'ou', 'est', 'sont', 'il', 'y', 'a', 'ai',
  'as', 'avez', 'ont', 'fiche', 'fiches', 'sheet', 'sheets', 'pa', 'fa', 'plan', 'plans', 'svp', 'stp', 'merci', 'bonjour',
  'salut', 'please', 'thanks', 'thank', 'hello', 'hi', 'dis', 'dites', 'moi', 'donne', 'donner', 'donnez', 'voudrais', 'veux',
  'veut', 'souhaite', 'souhaiterais', 'savoir', 'connaitre', 'trouver', 'cherche', 'peux', 'pouvez', 'peut', 'parle',
  'parlent', 'parler', 'concerne', 'concernent', 'concernant', 'traite', 'traitent', 'evoque', 'evoquent', 'mentionne',
  'mentionnent', 'aborde', 'abordent', 'existe', 'existent', 'exist', 'there', 'any', 'about', 'tell', 'show', 'which', 'what',
  'does', 'do', 'is', 'are', 'can', 'you', 'i', 'know', 'ki', 'koi', 'kel', 'kelle', 'kels', 'kelles', 'c', 'cest', 'ca',
  'sujet', 'theme', 'liste', 'list', 'lesquelles', 'lequel', 'laquelle', 'celle', 'celles', 'ceux', 'dont', 'numero', 'n',
  'no', 'number', 'apres', 'selon', 'etre', 'faire', 'fait', 'font', 'the', 'an', 'of', 'in', 'from', 'this', 'that', 'these',
  'those', 'it', 'its', 'their', 'there', 'have', 'has', 'en', 'quant', 'propos', 'matiere', 'niveau', 'dire', 'dit',
  'voir', 'ici', 'concerned', 'regarding', 'mention', 'mentions', 'talk', 'talks', 'deal', 'deals', 'cover', 'covers', 'say',
  'says', 'questions', 'question', 'sait', 'sais', 'on', 'whole', 'all', 'et', 'and', 'aussi', 'also', 'too', 'ses', 'sa',
  'son', 'leurs', 'leur', 'elle', 'sinon', 'alors', 'donc', 'bien', 'tres', 'vraiment', 'exactement', 'precisement',
  'connais', 'connaissez', 'connait', 'existantes', 'disponibles', 'dispo', 'chargees', 'available', 'loaded', 'got',
  // « fiches ayant la Caf comme partenaire »: the verb only joins the sheets to what they hold.
  'ayant', 'having',
  // Acknowledgements that open a follow-up (« ok et les dates clés ? »).
  'ok', 'okay', 'oki', 'daccord', 'super', 'parfait', 'ah', 'great',
  // « résume le schéma de l'Isère »: the plan is named by what follows; the word itself is no topic.
  'schema', 'schemas',
]);

/** The question refers back to the sheet being discussed. */
export const FOLLOW_UP_OPENERS: ReadonlySet<string> = new Set(['et', 'and', 'aussi', 'also', 'puis', 'ensuite', 'sinon']);
export const BACK_REFERENCES: readonly string[] = [
  'ses', 'sa', 'son', 'cette fiche', 'la fiche', 'cette action', 'its', 'this sheet', 'the sheet', 'that sheet', 'meme fiche',
];

/** Sheet numbers are announced by these words: "PA 3.2.1", "fiche 1.2.5", "fiche action 2.3", "sheet 321". */
export const CODE_PREFIXES: ReadonlySet<string> = new Set(['pa', 'fa', 'fiche', 'fiches', 'sheet', 'sheets', 'numero', 'number', 'no', 'n']);
/** Articles that may stand for "la fiche" ("la 3.2.1"), trusted only when the number is one of the loaded sheets. */
export const CODE_ARTICLES: ReadonlySet<string> = new Set(['la', 'le', 'l', 'de', 'du', 'des']);

/** "l'axe 2.3", "sous-axe 3.1": a list of the sheets under that branch of a plan. */
export const AXIS_WORDS: ReadonlySet<string> = new Set(['axe', 'axes', 'axis', 'pilier', 'sous']);

/** "la deuxième action", "second action". */
export const ORDINALS: Readonly<Record<string, number>> = {
  premiere: 1, premier: 1, '1ere': 1, '1re': 1, '1er': 1, first: 1,
  deuxieme: 2, seconde: 2, second: 2, '2e': 2, '2eme': 2, '2nd': 2,
  troisieme: 3, '3e': 3, '3eme': 3, third: 3, '3rd': 3,
  quatrieme: 4, '4e': 4, '4eme': 4, fourth: 4, '4th': 4,
  cinquieme: 5, '5e': 5, '5eme': 5, fifth: 5, '5th': 5,
  sixieme: 6, '6e': 6, '6eme': 6, sixth: 6, '6th': 6,
  septieme: 7, '7e': 7, '7eme': 7, seventh: 7, '7th': 7,
  huitieme: 8, '8e': 8, '8eme': 8, eighth: 8, '8th': 8,
};

/** Words that name a plan when they follow one of these ("du schéma jeunesse", "de Tours", "in the AVS plan"). */
export const PLAN_NAMING_CUES: ReadonlySet<string> = new Set(['du', 'de', 'd', 'dans', 'plan', 'schema', 'contrat', 'of', 'in', 'from', 'pour']);

/**
 * English topic words and their French counterparts in the sheets, so that an English question finds French
 * sheets ("single-parent families" → "familles monoparentales"). Used only for words the sheets do not hold.
 */
export const ENGLISH_TOPIC_WORDS: Readonly<Record<string, readonly string[]>> = {
  'single parent': ['monoparentales', 'monoparentalite'],
  'lone parent': ['monoparentales', 'monoparentalite'],
  'single parents': ['monoparentales', 'monoparentalite'],
  'peer support': ['entraide', 'pairs'],
  'mutual aid': ['entraide'],
  'self help': ['entraide'],
  'social centres': ['centres', 'sociaux'],
  'social centers': ['centres', 'sociaux'],
  'local councils': ['conseils', 'locaux'],
  'priority neighbourhoods': ['qpv'],
  'priority neighborhoods': ['qpv'],
  parent: ['parents'],
  parents: ['parents'],
  parenting: ['parentalite'],
  parenthood: ['parentalite'],
  family: ['familles'],
  families: ['familles'],
  peer: ['pairs'],
  peers: ['pairs'],
  child: ['enfants'],
  children: ['enfants'],
  kids: ['enfants'],
  youth: ['jeunes'],
  young: ['jeunes'],
  teenagers: ['adolescents'],
  teens: ['adolescents'],
  school: ['ecole', 'scolarite'],
  schooling: ['scolarite'],
  homework: ['scolarite'],
  council: ['conseils'],
  councils: ['conseils'],
  network: ['reseau'],
  networks: ['reseaux'],
  digital: ['numerique'],
  online: ['numerique'],
  childcare: ['garde'],
  mediation: ['mediation'],
  listening: ['ecoute'],
  neighbourhood: ['quartiers'],
  neighbourhoods: ['quartiers'],
  neighborhood: ['quartiers'],
  neighborhoods: ['quartiers'],
  district: ['quartiers'],
  rural: ['ruraux'],
  isolation: ['isolement'],
  survey: ['enquete'],
  training: ['formation'],
  volunteers: ['benevoles'],
  partnerships: ['partenariats'],
  housing: ['logement'],
  health: ['sante'],
  disability: ['handicap'],
  holidays: ['vacances'],
  vacation: ['vacances'],
  solidarity: ['solidarite'],
  support: ['soutien'],
  helping: ['entraide'],
  cooperation: ['cooperation'],
  governance: ['gouvernance'],
  towns: ['communes'],
  municipalities: ['communes'],
  associations: ['associations'],
  groups: ['groupes'],
  workshops: ['ateliers'],
  discussion: ['parole'],
};

/**
 * Field words only a plan's partners use ("qui pilote", "partenaires", "budget", "indicateurs", "calendrier"): with a
 * topic the sheets hold, they make a question on the sheets, not a parent's search (« qui pilote les LAEP en milieu
 * rural ? »). Everyday field words ("quand", "pour qui", "public", "où") are left out: parents use them too.
 */
export const PLAN_FIELD_PHRASES: ReadonlySet<string> = new Set([
  'pilote', 'pilotes', 'piloter', 'pilotee', 'pilotage', 'qui pilote', 'coordination', 'porteur', 'porteurs', 'portage',
  'pilot', 'pilots', 'piloted', 'who leads', 'led by',
  'partenaire', 'partenaires', 'partenariat', 'partenariats', 'mobilisables', 'partner', 'partners', 'partnership', 'stakeholders',
  'implique', 'impliquent', 'impliques', 'impliquee', 'impliquees', 'involved', 'involves', 'who is involved',
  'financement', 'financements', 'qui finance', 'financent', 'budget', 'budgets', 'subvention', 'subventions', 'funding',
  'funded', 'funder', 'budgeted',
  'indicateur', 'indicateurs', 'resultats attendus', 'effets attendus', 'evaluation', 'bilan', 'bilans', 'indicator',
  'indicators', 'expected results', 'outcomes', 'kpi', 'kpis', 'metrics',
  'echeance', 'echeances', 'echeancier', 'calendrier', 'deadline', 'deadlines', 'timeline', 'timeframe',
  'realisations attendues', 'diagnostic', 'diagnostics', 'constat', 'constats', 'etat des lieux', 'diagnosis', 'findings',
  'objectifs', 'enjeux', 'principes d action',
]);

/**
 * Moving along a plan: « et la suivante ? », « fiche précédente », « l'action d'après », « next sheet ». Read as such
 * only when nothing else in the message is a topic: « les étapes suivantes » is about steps, « suivant la naissance »
 * quotes a sheet. Never matched with a typo.
 */
export const STEP_PHRASES: ReadonlyArray<readonly [phrase: string, step: 'next' | 'previous']> = [
  ...['suivante', 'suivant', 'suivantes', 'suivants', 'prochaine fiche', 'prochaine action', 'fiche d apres', 'action d apres',
    'celle d apres', 'la fiche apres', 'l action apres', 'next', 'next one', 'following one', 'following sheet', 'following action'].map(
    (phrase) => [phrase, 'next'] as const,
  ),
  ...['precedente', 'precedent', 'precedentes', 'precedents', 'fiche d avant', 'action d avant', 'celle d avant', 'previous',
    'previous one', 'prior one'].map((phrase) => [phrase, 'previous'] as const),
];

/** What a step or a choice refers to: a sheet ("fiche suivante") or an action of it ("action suivante"). */
export const STEP_SHEET_WORDS: ReadonlySet<string> = new Set(['fiche', 'fiches', 'sheet', 'sheets']);
export const STEP_ACTION_WORDS: ReadonlySet<string> = new Set(['action', 'actions']);

/** The roles an organisation may hold in a sheet that a question asks about (« quelles fiches sont pilotées par la Caf ? »). */
export type OrganisationRole = Extract<AskedField, 'pilot' | 'partners' | 'funding'>;

export interface RoleWords {
  role: OrganisationRole;
  /**
   * Words that give the role to the organisation named, wherever they stand: « pilotées par », « comme pilote »,
   * « led by », « as pilot », « est partenaire », « is a partner ».
   */
  attributed: readonly string[];
  /**
   * The role's own name. After « où » it asks in which sheets (« où l'Udaf est-elle partenaire ? », « where is Udaf a
   * partner? »); verbs do not (« où est la porte ? », « un atelier animé par… » are parents' words).
   */
  names: readonly string[];
  /**
   * Words that name the role, besides its names, only in a question on several sheets (« quelles fiches la Caf pilote-t-elle ? », « which
   * sheets does the Caf fund? »); elsewhere they ask for a field (« qui est le pilote de la PA 3.2.1 ? »).
   */
  inListing: readonly string[];
}

/**
 * A question that names a role lists the sheets where the organisation holds it, then says how many others name it
 * in another role. « impliquent », « involve », « participent » name no role: every role is listed, as before.
 * « co-pilote », « cofinance » are read without their « co » (understand.ts).
 */
export const ORGANISATION_ROLES: readonly RoleWords[] = [
  {
    role: 'pilot',
    attributed: [
      'pilote par', 'pilotee par', 'pilotees par', 'pilotes par', 'porte par', 'portee par', 'portees par', 'portes par',
      'anime par', 'animee par', 'animees par', 'animes par', 'coordonne par', 'coordonnee par', 'coordonnees par', 'coordonnes par',
      'comme pilote', 'comme pilotes', 'comme porteur', 'comme animateur', 'comme coordinateur', 'en tant que pilote',
      'en tant que porteur', 'en tant qu animateur', 'en tant que coordinateur', 'est pilote', 'sont pilotes', 'est porteur',
      'sont porteurs', 'led by', 'piloted by', 'coordinated by', 'run by', 'headed by', 'as pilot', 'as a pilot', 'as the pilot',
      'as lead', 'as the lead', 'as leader', 'as coordinator', 'as a coordinator', 'is the pilot', 'is pilot', 'is a pilot',
      'is the lead', 'is lead',
    ],
    names: ['pilote', 'porteur', 'pilot', 'coordinator'],
    inListing: [
      'pilotes', 'pilotent', 'piloter', 'porte', 'portent', 'porteur', 'porteurs', 'anime', 'animent', 'animateur',
      'animateurs', 'coordonne', 'coordonnent', 'coordinateur', 'pilot', 'pilots', 'piloting', 'lead', 'leads', 'coordinate',
      'coordinates', 'coordinator',
    ],
  },
  {
    role: 'funding',
    attributed: [
      'finance par', 'financee par', 'financees par', 'finances par', 'comme financeur', 'comme financeurs', 'en tant que financeur',
      'est financeur', 'sont financeurs', 'funded by', 'financed by', 'paid for by', 'as funder', 'as a funder', 'as financer',
      'as a financer', 'is a funder', 'is funder', 'is the funder',
    ],
    names: ['financeur', 'funder', 'financer'],
    inListing: ['finance', 'financent', 'financeurs', 'fund', 'funds', 'funder', 'funders', 'pays for', 'pay for'],
  },
  {
    role: 'partners',
    attributed: [
      'comme partenaire', 'comme partenaires', 'en tant que partenaire', 'est partenaire', 'sont partenaires', 'partner in',
      'partners in', 'partner of', 'as partner', 'as a partner', 'is a partner', 'is partner', 'are partners', 'take part in',
      'takes part in', 'taking part in',
    ],
    names: ['partenaire', 'partner'],
    inListing: ['partenaires', 'partners'],
  },
];

/**
 * « où la Caf est-elle pilote ? », « where is Udaf a partner? »: beside words that give a role, these ask in which
 * sheets, as « quelles fiches » does.
 */
export const ROLE_PLACE_WORDS: readonly string[] = ['ou', 'where'];

/** Asking how many: « combien de fiches dans le plan du Rhône ? », « how many sheets are in the plan? ». */
export const COUNT_PHRASES: readonly string[] = ['combien', 'combien de', 'combien d', 'how many', 'nombre de', 'nombre d', 'number of'];
