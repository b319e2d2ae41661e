import type { Plan } from '../../src/sheets/model';
import { seededRandom } from '../../tests/helpers/seededRandom';

/**
 * Generates sheets in the two seed layouts (Rhône UPPERCASE headings, Tours tab-indented headings, some written as
 * Markdown), with the seeds' size and vocabulary, for the benchmark (parse + index of 1,000 sheets) and for tests
 * of scale. Deterministic: the same count and seed give the same files.
 */
export interface GeneratedSheet {
  file: string;
  plan: Plan;
  text: string;
}

const SHEETS_PER_PLAN = 40;

const WORDS = [
  'parents', 'familles', 'enfants', 'parentalité', 'soutien', 'accompagnement', 'entraide', 'réseau', 'territoire',
  'quartier', 'centres', 'sociaux', 'structures', 'acteurs', 'partenaires', 'actions', 'projets', 'développement',
  'coordination', 'animation', 'participation', 'proximité', 'isolement', 'monoparentales', 'jeunes', 'adolescents',
  'scolarité', 'éducation', 'prévention', 'médiation', 'conflits', 'séparation', 'accueil', 'information', 'lisibilité',
  'offre', 'services', 'communes', 'intercommunalité', 'ruraux', 'quartiers', 'prioritaires', 'numérique', 'outils',
  'formation', 'professionnels', 'bénévoles', 'habitants', 'associations', 'collectifs', 'groupes', 'parole', 'ateliers',
  'loisirs', 'vacances', 'culture', 'santé', 'mentale', 'handicap', 'petite', 'enfance', 'crèches', 'assistants',
  'maternels', 'garde', 'horaires', 'atypiques', 'insertion', 'emploi', 'logement', 'mobilité', 'transport', 'écoute',
  'point', 'conférences', 'débats', 'cafés', 'rencontres', 'visites', 'diagnostic', 'évaluation', 'bilan', 'enquête',
  'observatoire', 'veille', 'gouvernance', 'instances', 'comité', 'commission', 'schéma', 'convention', 'contrat',
  'financement', 'fonds', 'subventions', 'appel', 'labellisation', 'qualité', 'charte', 'pratiques', 'échanges',
  'coéducation', 'école', 'collège', 'périscolaire', 'restauration', 'sport', 'musique', 'lecture', 'bibliothèques',
  'médiathèques', 'ludothèques', 'jardins', 'solidarité', 'précarité', 'pauvreté', 'droits', 'accès', 'numériques',
];
const ORGANISATIONS = [
  'Caf du département', 'Conseil départemental', 'Udaf', 'MSA', 'Fédération des centres sociaux', 'ACEPP',
  'Associations familiales', 'Communes et EPCI', 'Éducation nationale', 'PMI', 'CCAS', 'Maisons des solidarités',
  'Réseau des LAEP', 'Associations de médiation familiale', 'Missions locales', 'Carsat',
];
const TERRITORIES = ['Loire', 'Isère', 'Gironde', 'Nord', 'Hérault', 'Bretagne', 'Vendée', 'Savoie', 'Marne', 'Var'];


class Writer {
  constructor(private readonly next: () => number) {}

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }

  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  sentence(min = 10, max = 28): string {
    const words = Array.from({ length: this.between(min, max) }, () => this.pick(WORDS));
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  }

  title(): string {
    return Array.from({ length: this.between(4, 9) }, () => this.pick(WORDS)).join(' ');
  }

  items(min: number, max: number, make: () => string): string[] {
    return Array.from({ length: this.between(min, max) }, make);
  }
}

function rhoneSheet(w: Writer, number: string, markdown: boolean): string {
  const [axis, sub] = number.split('.');
  const heading = (text: string) => (markdown ? `## ${text.charAt(0)}${text.slice(1).toLowerCase()}` : text);
  const bullets = (items: string[]) => items.map((item) => (markdown ? `- ${item}` : `- ➔ ${item}`)).join('\n');
  const actions = w.between(2, 5);
  const blocks = [
    markdown ? `# ${axis} - ${w.title()}` : `${axis} - ${w.title().toUpperCase()}`,
    markdown ? `# ${axis}.${sub} - ${w.title()}` : `${axis}.${sub} - ${w.title()}`,
    markdown ? `# PA ${number} - ${w.title()}` : `PA ${number} - ${w.title().toUpperCase()}`,
    heading('DIAGNOSTIC'), bullets(w.items(2, 4, () => w.sentence(20, 45))),
    heading("DÉFINITIONS ET PRINCIPES D'ACTION"), bullets(w.items(1, 3, () => w.sentence(15, 35))),
    heading('PUBLICS ET TERRITOIRES'), bullets(w.items(1, 2, () => w.sentence(8, 16))),
    heading('PILOTAGE / COORDINATION'), bullets(w.items(1, 2, () => w.pick(ORGANISATIONS))),
    heading('PARTENAIRES IMPLIQUÉS'), bullets(w.items(3, 7, () => w.pick(ORGANISATIONS))),
    heading('RESSOURCES ET FINANCEMENTS'), bullets(w.items(1, 2, () => `Financements ${w.pick(ORGANISATIONS)}, ${w.pick(ORGANISATIONS)}`)),
    ...Array.from({ length: actions }, (_, i) => [heading(`ACTION ${i + 1}`), bullets([w.sentence(10, 30)])]).flat(),
    heading('ÉCHÉANCES'), bullets([`Actions 1 et 2 : 202${w.between(1, 3)} à 2026`, `Actions 3 à ${actions} : 2024 à 2026`]),
    heading("RÉSULTATS ATTENDUS + INDICATEURS D'ÉVALUATION"), bullets(w.items(2, 5, () => `Nombre de ${w.title()}`)),
  ];
  return `\n\n${blocks.join('\n\n')}`;
}

function toursSheet(w: Writer, number: string): string {
  const [pillar, axis] = number.split('.');
  const numbered = (items: string[]) => items.map((item, i) => `${i === 0 ? '\t' : ''}${i + 1}. ${item}`).join('\n');
  const dotted = (items: string[]) => items.map((item, i) => `${i === 0 ? '\t' : ''}· ${item}`).join('\n');
  const blocks = [
    `\n\nFICHE ${number} (version 20${w.between(15, 24)})\n${w.title().toUpperCase()}`,
    `\tPilier ${pillar}\nAxe\u00a0${axis}\n\tEnjeu\u00a0: ${w.sentence(8, 16)}`,
    '\tContexte ', dotted(w.items(2, 4, () => w.sentence(15, 40))),
    '\tObjectifs et dynamiques', numbered(w.items(2, 4, () => w.sentence(8, 20))),
    '\tRéalisations attendues ', numbered(w.items(3, 7, () => w.sentence(8, 22))),
    '\tEffets attendus ', numbered(w.items(2, 3, () => w.sentence(6, 14))),
    '\tEchelle\u00a0Territoriale', `\t${w.sentence(3, 6)}\n${w.sentence(3, 6)}`,
    '\tAnimateur', numbered(w.items(1, 2, () => `${w.pick(ORGANISATIONS)} et ${w.pick(ORGANISATIONS)}`)),
    `\tPartenaires mobilisables (dont habitants)\nDispositifs mobilisables\n\tles partenaires :\n${w.items(2, 4, () => w.pick(ORGANISATIONS)).join('\n')}`,
    '\tFinancements mobilisables', numbered(w.items(1, 3, () => w.sentence(5, 12))),
    '\tCalendrier', numbered([`${w.sentence(5, 10)} 20${w.between(15, 20)}`]),
    '\tindicateurs de réalisation', dotted(w.items(2, 3, () => `nombre de ${w.title()}`)),
    '\tIndicateurs d’effets', dotted(w.items(1, 3, () => w.title())),
    '\tLiens autres enjeux / fiches', `\tLien avec les fiches ${pillar}.${axis}.1`,
  ];
  return blocks.join('\n\n').replace(/'/g, '’');
}

export function generateSheets(count: number, seed = 1): GeneratedSheet[] {
  const w = new Writer(seededRandom(seed));
  const sheets: GeneratedSheet[] = [];
  for (let i = 0; i < count; i++) {
    const planNumber = Math.floor(i / SHEETS_PER_PLAN);
    const position = i % SHEETS_PER_PLAN;
    const tours = planNumber % 3 === 2;
    const territory = TERRITORIES[planNumber % TERRITORIES.length];
    const plan: Plan = {
      id: `generated-${planNumber + 1}`,
      title: tours ? `Contrat de ville ${territory} ${planNumber + 1}` : `Schéma des services aux familles ${territory} ${planNumber + 1}`,
      territory,
      period: '2022-2026',
    };
    // Numbers repeat from one plan to the next, as real plans do: identity is plan + number.
    const number = `${1 + Math.floor(position / 10)}.${1 + Math.floor((position % 10) / 5)}.${1 + (position % 5)}`;
    const markdown = !tours && position % 4 === 3;
    const text = tours ? toursSheet(w, number) : rhoneSheet(w, number, markdown);
    sheets.push({ file: `${plan.id}/${tours ? 'fiche' : 'PA'}-${number}.${markdown ? 'md' : 'txt'}`, plan, text });
  }
  return sheets;
}
