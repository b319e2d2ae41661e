import type { AudienceId, KindId } from './vocabulary';

/**
 * What parents describe, and the kinds of support that answer it. Parents rarely name a kind ("médiation familiale");
 * they say what is happening ("on se dispute pour la garde"). Each situation lists phrases as parents type them
 * (folded, French and English; the phrase matcher tolerates plurals and a typo in long words) and the kinds that
 * help, most fitting first, with the audience the situation itself implies.
 *
 * Sources for the mapping: DOMAIN.md's kinds, the Caf's descriptions of LAEP, médiation familiale, espaces rencontre
 * and CLAS, and REAAP programmes (groupes de parole and conférences on screens, sleep, authority).
 * Danger, violence and distress are not here: the safety service answers them first.
 */
export type Situation = {
  id: string;
  phrases: readonly string[];
  kinds: readonly KindId[];
  audiences?: readonly AudienceId[];
  /**
   * Kinds that fit best when the child is of an audience, put before `kinds`: an exhausted parent of a baby is
   * welcomed first at a LAEP, the parent of a teenager by a point écoute. Kinds for other ages (a LAEP for a
   * teenager) are dropped by the reading, whatever the situation lists.
   */
  byAudience?: Readonly<Partial<Record<AudienceId, readonly KindId[]>>>;
  /**
   * Words that, in a service's name or description, say it is meant for this situation (« deuil », « autistes »).
   * Such a service answers the parent better than any kind the situation points to: it is found whatever its kind,
   * and ranked first. Each word is searched in the offer's text index (whole words, plurals folded).
   */
  serviceWords?: readonly string[];
  /**
   * Services that would hurt or miss the point in this situation (a baby-massage workshop for parents whose baby has
   * died): never offered while it is the search's situation.
   */
  unsuitable?: { kinds?: readonly KindId[]; audiences?: readonly AudienceId[] };
};

export const SITUATIONS: readonly Situation[] = [
  {
    id: 'teen-silent',
    phrases: ['ne me parle plus', 'ne nous parle plus', 'me parle plus', 'nous parle plus', 'ne parle plus', "ne m'ecoute plus",
      "m'ecoute plus", 'ne communique plus', 'enferme dans sa chambre', 'claque la porte', "doesn't talk to me", 'does not talk to me',
      "won't talk to me", 'stopped talking to me', 'no longer talks', 'not talking to me'],
    kinds: ['point-ecoute', 'groupe-parole'],
  },
  {
    // The words name the teenager: the audience goes with the kinds, since the phrase consumes "ado".
    id: 'teen-conflict',
    phrases: ["crise d'ado", "crise d'adolescence", 'conflit avec mon ado', 'conflits avec mon ado', 'dispute avec mon ado',
      'disputes avec mon ado', 'dispute avec mon adolescent', 'teenage crisis', 'arguing with my teen', 'fights with my teenager'],
    kinds: ['point-ecoute', 'groupe-parole'],
    audiences: ['ados'],
  },
  {
    id: 'separation',
    phrases: ['separation', 'on se separe', 'je me separe', 'separes', 'separee', 'divorce', 'divorcer', 'en instance de divorce',
      'pour la garde', 'garde des enfants', 'on se dispute pour la garde', 'se dispute pour la garde', 'dispute pour la garde',
      'on se dispute la garde', 'se disputent la garde', 'on se dispute pour les enfants', 'dispute pour les enfants', 'la garde de mes enfants', 'garde alternee', 'droit de garde', 'residence alternee',
      'residence des enfants', 'pension alimentaire', 'mon ex', 'conflit avec mon ex', 'le pere de mes enfants', 'la mere de mes enfants',
      'conflit familial', 'conflits familiaux', 'custody', 'shared custody', 'joint custody',
      'separated', 'separating', 'my ex', 'co-parenting', 'coparentalite', 'co parentalite'],
    kinds: ['mediation'],
  },
  {
    // Parents in conflict over the children, together or not: médiation familiale, and the counselling (conseil
    // conjugal et familial) that points écoute offer. Violence is not here: the safety service answers it first.
    id: 'couple-conflict',
    phrases: ['on se dispute', 'on se dispute beaucoup', 'on se dispute tout le temps', 'nous nous disputons', 'on se dispute souvent',
      "on s'engueule", "s'engueule", 'engueulade', 'engueulades', 'on se crie dessus', 'dispute de couple', 'disputes de couple',
      'conflit de couple', 'conflits de couple', 'disputes dans le couple', 'dispute dans le couple', 'mon couple', 'notre couple',
      'probleme de couple', 'problemes de couple', 'crise de couple', 'mon couple va mal', "mon mari ne m'aide pas", "ma femme ne m'aide pas",
      "mon conjoint ne m'aide pas", "ma conjointe ne m'aide pas", "mon compagnon ne m'aide pas", "ma compagne ne m'aide pas",
      "il ne m'aide pas avec les enfants", "elle ne m'aide pas avec les enfants", 'pas d accord sur l education', "pas d'accord sur l'education",
      'desaccord sur l education', 'we argue', 'we keep arguing', 'we fight all the time', 'arguing with my husband', 'arguing with my wife',
      'arguing with my partner', 'our relationship', 'couple problems', 'relationship problems', "my husband doesn't help",
      "my wife doesn't help", "my partner doesn't help"],
    kinds: ['mediation', 'point-ecoute'],
  },
  {
    id: 'contact-with-child',
    phrases: ['voir mon enfant', 'voir mes enfants', 'voir mon fils', 'voir ma fille', 'ne vois plus mes enfants', 'ne vois plus mon fils',
      'ne vois plus ma fille', 'ne vois plus mon enfant', 'droit de visite', 'droits de visite', 'visite mediatisee', 'lieu neutre',
      'see my children', 'see my kids', 'see my son', 'see my daughter', 'visiting rights', 'contact with my child'],
    kinds: ['espace-rencontre', 'mediation'],
  },
  {
    // A place for a young child and the parent together (« un lieu pour ma fille de 2 ans et moi »): what a LAEP is.
    // For older children, or none told, these words name no kind: the journey falls back on support in general.
    id: 'place-with-child',
    phrases: ['un lieu pour', 'lieu pour', 'un endroit pour', 'endroit pour', 'un endroit ou aller', 'ou aller avec', 'et moi',
      'avec moi', 'pour nous deux', 'tous les deux', 'toutes les deux', 'a place for', 'somewhere to go with', 'somewhere for',
      'place to go with', 'and me', 'with me'],
    kinds: [],
    byAudience: { petits: ['laep', 'atelier'] },
  },
  {
    id: 'pregnancy',
    phrases: ['enceinte', 'grossesse', 'future maman', 'futur papa', 'futurs parents', 'attends un bebe', 'attend un bebe', 'pregnant',
      'pregnancy', 'expecting a baby'],
    kinds: ['laep', 'point-ecoute', 'groupe-parole'],
  },
  {
    id: 'exhausted',
    phrases: ['epuisee', 'epuise', 'epuises', 'epuisees', 'epuisement', "m'epuise", 'a bout', 'je craque', 'fatiguee', 'crevee', 'creve',
      'burn out parental', 'burn-out parental', 'burnout', 'pleure tout le temps', 'pleure sans arret', 'ne dort pas', 'dort pas',
      'ne fait pas ses nuits', 'fait pas ses nuits', 'me fatigue', 'exhausted', 'worn out', 'burnt out', 'burned out',
      'at the end of my tether', "can't cope", 'cannot cope', 'need a break', 'besoin de souffler', 'besoin de repit', 'repit'],
    kinds: ['point-ecoute', 'ecoute-distance', 'laep', 'groupe-parole', 'cafe-parents'],
    byAudience: { petits: ['laep'], ados: ['point-ecoute', 'groupe-parole'] },
  },
  {
    id: 'isolated',
    phrases: ['isolee', 'isole', 'isolement', 'je ne connais personne', 'personne a qui parler', 'sortir de chez moi', 'rencontrer du monde',
      'rompre l isolement', 'lonely', 'isolated', "don't know anyone", 'do not know anyone'],
    kinds: ['laep', 'cafe-parents', 'groupe-parole'],
  },
  {
    id: 'new-parent',
    phrases: ['premier enfant', 'premier bebe', 'jeune maman', 'jeune papa', 'jeunes parents', 'nouveau ne', 'nouveau-ne', 'vient de naitre',
      'new parent', 'new mum', 'new mom', 'first baby', 'newborn'],
    kinds: ['laep', 'groupe-parole'],
  },
  {
    id: 'school',
    phrases: ['difficultes scolaires', 'difficulte scolaire', 'difficultes a l ecole', 'mauvaises notes', 'mauvaise note', 'redouble',
      'redoubler', 'decrochage', 'decroche', 'decrochage scolaire', 'ne veut plus aller a l ecole', 'phobie scolaire', 'travail scolaire',
      'bulletin', 'ses lecons', 'struggling at school', 'school problems', 'bad grades', 'falling behind at school',
      'veut plus aller au college', 'veut plus aller a l ecole', 'veut plus aller au lycee', 'refus scolaire', 'harcelement scolaire'],
    kinds: ['clas'],
    serviceWords: ['decrochage', 'phobie scolaire', 'refus scolaire', 'harcelement', 'difficultes scolaires', 'absenteisme'],
  },
  {
    // A child who hits, bullies or is bullied, or gets in trouble at school: the parent wants someone to talk it over
    // with. The violence of a child among children is not a danger to the child (the safety service answers that).
    id: 'behaviour-at-school',
    phrases: ['frappe un camarade', 'frappe une camarade', 'a frappe un camarade', 'a frappe une camarade', 'frappe un copain',
      'frappe une copine', 'frappe un eleve', 'frappe ses camarades', 'se bat a l ecole', 'se bagarre', 'bagarre a l ecole', 'bagarres',
      'je suis convoque', 'je suis convoquee', 'on est convoques', 'convoque par l ecole', 'convoquee par l ecole', 'convoque au college',
      'convoquee au college', 'conseil de discipline', 'exclu de l ecole', 'exclue de l ecole', 'exclu du college', 'exclue du college',
      'renvoye', 'renvoyee', 'mot dans le carnet', 'probleme de comportement', 'problemes de comportement', 'harcele', 'harcelee',
      'harcelement', 'harcelement scolaire', 'hit a classmate', 'hits other kids', 'fighting at school', 'bullied', 'bullying',
      'called in by the school', 'suspended from school', 'excluded from school'],
    kinds: ['point-ecoute', 'groupe-parole', 'ecoute-distance'],
    serviceWords: ['harcelement', 'comportement', 'violence scolaire'],
  },
  {
    id: 'everyday-education',
    phrases: ['ecrans', 'ecran', 'jeux video', 'trop de telephone', 'sommeil', 'coucher', 'crises de colere', 'crise de colere', 'coleres',
      'caprices', 'tantrums', 'tantrum', 'screen time', 'screens', 'video games', 'sleep', 'bedtime', 'autorite', 'poser des limites',
      'poser un cadre', "n'obeit pas", 'obeit pas', 'desobeit', 'ne m obeit plus', 'proprete', 'rivalite', 'jalousie entre freres',
      'frere et soeur', 'discipline', 'boundaries', "won't listen", 'does not listen', 'fait des coleres', 'grosses coleres',
      'se roule par terre', 'mord', 'tape les autres', 'temper', 'meltdowns', 'meltdown'],
    kinds: ['groupe-parole', 'conference', 'point-ecoute'],
    byAudience: { petits: ['laep', 'point-ecoute'], ados: ['point-ecoute', 'groupe-parole'] },
  },
  {
    id: 'disability',
    phrases: ['handicap', 'handicape', 'handicapee', 'en situation de handicap', 'autisme', 'autiste', 'tdah', 'hyperactif', 'hyperactive',
      'trouble dys', 'dyslexie', 'dyspraxie', 'maladie chronique', 'polyhandicap', 'trisomie', 'trisomique', 'troubles du comportement',
      'enfant different', 'besoins particuliers', 'disability', 'disabled', 'autism', 'autistic', 'adhd', 'special needs', 'down syndrome',
      'tsa', 'trouble du spectre autistique', 'parent aidant', 'parents aidants', 'maladie rare', 'enfant malade', 'disabled child',
      'disabled kids', 'disabled children', 'special educational needs'],
    serviceWords: ['handicap', 'handicape', 'autiste', 'autisme', 'tsa', 'tdah', 'polyhandicap', 'polyhandicape', 'trisomie',
      'maladie chronique', 'aidant', 'besoins particuliers', 'dys'],
    // No kind of this offer is for disabled children only: parents find peers, listening and the LAEP (open to every
    // child under 6) there, and the journey falls back to support in general when none of these is near.
    kinds: ['groupe-parole', 'point-ecoute', 'ecoute-distance', 'cafe-parents', 'laep'],
  },
  {
    // A child's or a parent's death, a baby lost before or after birth. Peers and listening help; what is made for
    // babies and toddlers (a LAEP, a baby-massage workshop) is never offered to parents in mourning.
    id: 'bereavement',
    phrases: ['deuil', 'en deuil', 'perdu notre bebe', 'perdu mon bebe', 'perdu notre enfant', 'perdu mon enfant', 'perdu notre fils',
      'perdu notre fille', 'perdu mon fils', 'perdu ma fille', 'deces', 'decede', 'decedee', 'la mort de', 'mort de mon', 'mort de ma', 'mort de son', 'mort de sa', 'mort de notre',
      'mort de leur', 'parler de la mort', 'est mort', 'est morte',
      'mort subite', 'mort ne', 'mort-ne', 'fausse couche', 'interruption medicale de grossesse', 'deuil perinatal', 'bereaved',
      'bereavement', 'grief', 'grieving', 'lost our baby', 'lost my baby', 'lost our child', 'lost my child', 'miscarriage', 'stillborn',
      'passed away', 'died'],
    kinds: ['groupe-parole', 'point-ecoute', 'ecoute-distance'],
    serviceWords: ['deuil', 'endeuille', 'endeuilles', 'deces', 'perinatal', 'bereavement'],
    unsuitable: { kinds: ['laep', 'atelier'], audiences: ['petits'] },
  },
  {
    // Fathers asking for fathers: services whose words name fathers first, whatever their kind.
    id: 'fathers',
    phrases: ['pour les peres', 'pour les papas', 'pour peres', 'pour papas', 'entre peres', 'entre papas', 'groupe de peres',
      'groupe de papas', 'groupes de peres', 'groupes de papas', 'groupe des papas', 'groupe des peres', 'autres peres', 'autres papas',
      'for dads', 'for fathers', 'dads group', 'fathers group', 'other dads', 'other fathers'],
    kinds: ['groupe-parole', 'cafe-parents', 'point-ecoute'],
    serviceWords: ['pere', 'peres', 'papa', 'papas', 'paternite', 'fathers', 'dads'],
  },
  {
    id: 'things-to-do',
    phrases: ['occuper mes enfants', "s'occuper des enfants", 'que faire avec mes enfants', 'sortir avec mes enfants', 'activite avec mon enfant',
      'le mercredi avec les enfants', 'vacances avec les enfants', 'things to do with my kids', 'things to do with my children',
      'activities for kids'],
    kinds: ['atelier'],
  },
  {
    id: 'questions-on-education',
    phrases: ["question d'education", "questions d'education", 'comment faire avec mon enfant', 'je ne sais plus comment faire',
      'difficultes avec mon enfant', 'difficultes avec mes enfants', 'difficulte avec mon enfant', 'du mal avec mon enfant',
      'du mal avec mes enfants', 'struggling with my child', 'struggling with my kids',
      'je suis perdue', 'je suis perdu', 'des conseils', 'conseils educatifs', 'parenting advice', 'advice on parenting'],
    kinds: ['point-ecoute', 'groupe-parole', 'ecoute-distance'],
    byAudience: { petits: ['laep'] },
  },
  {
    // A question on ways of bringing up children, not a trouble: talks, workshops and peer groups discuss it.
    id: 'parenting-approach',
    phrases: ['parentalite positive', 'education positive', 'education bienveillante', 'parentalite bienveillante', 'discipline positive',
      'communication bienveillante', 'communication non violente', 'violences educatives ordinaires', 'eduquer sans crier',
      'eduquer sans punir', 'methode montessori', 'montessori', 'positive parenting', 'gentle parenting', 'positive discipline',
      'respectful parenting'],
    kinds: ['conference', 'atelier', 'groupe-parole'],
  },
];

/** A situation by its id. */
export function situationDefinition(id: string): Situation | undefined {
  return SITUATIONS.find((s) => s.id === id);
}
