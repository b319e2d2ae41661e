import type { CommuneIndex } from '../../src/geo';
import { seededRandom } from '../../tests/helpers/seededRandom';

/**
 * Synthetic data·inclusion records spread over France, for the benchmark and load tests: communes drawn by
 * population, every kind of service, remote services with a zone, realistic hours and descriptions. Deterministic
 * for a given seed. Every record is fictional (example.org, no phone numbers).
 */

export type GeneratedOffer = { structures: Record<string, unknown>[]; services: Record<string, unknown>[] };


const STRUCTURE_NAMES = ['Centre social', 'Espace de vie sociale', 'Maison des familles', 'Association', 'Maison de quartier', 'Point accueil familles'];
const STRUCTURE_WORDS = ['Les Tilleuls', 'Le Moulin', 'La Passerelle', 'Les Lucioles', 'Le Trait d’Union', 'La Ribambelle', 'Les Coquelicots', 'Le Lien', 'La Source', 'Les Horizons'];
const SERVICE_NAMES = [
  "Lieu d'accueil enfants-parents", 'LAEP', 'Groupe de parole des parents', 'Groupe de parole parents solos', "Groupe de parole parents d'ados",
  'Café des parents', 'Point écoute parents', 'Médiation familiale', 'Espace rencontre', 'Atelier parents-enfants', 'Sorties familles',
  'Accompagnement à la scolarité (CLAS)', 'Aide aux devoirs', 'Conférence-débat', "Soirée d'échange", 'Permanence d’accès aux droits',
  'Atelier cuisine', 'Atelier numérique', 'Jardin partagé', 'Atelier sophrologie',
];
const DESCRIPTION_WORDS = ('parents enfants familles échanges écoute jeux lecture éveil musique cuisine jardin devoirs collège école '
  + 'adolescents bébés tout-petits conseils psychologue éducatrice bénévoles quartier convivial gratuit anonyme rendez-vous atelier '
  + 'sorties vacances numérique droits santé sommeil écrans autorité séparation grands-parents motricité théâtre sport').split(' ');
const HOURS = [
  'Mo-Fr 09:00-12:00,14:00-18:00', 'Tu 14:00-17:00; Sa 09:30-12:00', 'We 09:00-12:00', 'Th 18:30-20:00', 'Mo,Tu,Th,Fr 16:30-18:00; SH off',
  'Sa 10:00-12:00', 'Mo-Fr 09:00-17:00; PH off', 'Tu,Th 09:00-11:30', 'Fr 08:30-10:00', 'We 14:00-16:30',
];

export function generateOffer(count: number, communes: CommuneIndex, seed = 42): GeneratedOffer {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  // Communes drawn by population, so that cities have many services and villages few, as in real exports.
  const placed = communes.communes.filter((c) => c.latitude !== null && c.longitude !== null && c.kind === 'commune');
  const cumulative: number[] = [];
  let total = 0;
  for (const c of placed) {
    total += Math.max(50, c.population);
    cumulative.push(total);
  }
  const drawCommune = () => {
    const target = next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return placed[lo];
  };

  const structures: Record<string, unknown>[] = [];
  const services: Record<string, unknown>[] = [];
  const structureCount = Math.max(1, Math.round(count / 3));
  for (let i = 0; i < structureCount; i++) {
    const commune = drawCommune();
    structures.push({
      source: 'generated', date_maj: '2026-01-01', id: `gen-st-${i}`,
      nom: `${pick(STRUCTURE_NAMES)} ${pick(STRUCTURE_WORDS)} ${i}`,
      description: `Structure fictive générée pour les mesures de performance, à ${commune.name}.`,
      commune: commune.name, code_postal: commune.postcodes[0] ?? null, code_insee: commune.code,
      adresse: `${1 + Math.floor(next() * 120)} rue de l’Exemple`,
      latitude: (commune.latitude ?? 0) + (next() - 0.5) * 0.02, longitude: (commune.longitude ?? 0) + (next() - 0.5) * 0.02,
      courriel: `structure-${i}@example.org`, site_web: `https://structure-${i}.example.org`, horaires_accueil: pick(HOURS),
    });
  }
  for (let i = 0; i < count; i++) {
    const structure = structures[Math.floor(next() * structures.length)];
    const remote = next() < 0.03;
    const withCoordinates = next() < 0.85;
    const words = Array.from({ length: 18 + Math.floor(next() * 20) }, () => pick(DESCRIPTION_WORDS)).join(' ');
    services.push({
      source: 'generated', date_maj: '2026-01-01', id: `gen-svc-${i}`, structure_id: structure.id,
      nom: `${pick(SERVICE_NAMES)} ${i}`,
      description: `Service fictif : ${words}.`,
      type: pick(['atelier', 'accompagnement', 'information']),
      thematiques: ['famille--soutien-a-la-parentalite'],
      publics: ['familles'], frais: pick(['gratuit', 'payant']),
      modes_accueil: remote ? ['a-distance'] : ['en-presentiel'],
      zone_eligibilite: remote ? [String(structure.code_insee).slice(0, 2)] : null,
      commune: structure.commune, code_postal: structure.code_postal, code_insee: structure.code_insee, adresse: structure.adresse,
      latitude: withCoordinates ? structure.latitude : null, longitude: withCoordinates ? structure.longitude : null,
      horaires_accueil: next() < 0.8 ? pick(HOURS) : null,
      champ_inconnu: 'ignoré',
    });
  }
  return { structures, services };
}
