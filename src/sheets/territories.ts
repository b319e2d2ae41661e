/**
 * French territories a question may name ("la PA 2.3.2 du Gard", "fiche 1.2.5 de la Gironde"): départements,
 * régions and the largest cities. When a question names one that no loaded plan covers, the answer says that plan
 * is not loaded instead of answering from another territory's sheet. Data only: PlanNamer reads it.
 */

export const DEPARTEMENTS: readonly string[] = [
  'Ain', 'Aisne', 'Allier', 'Alpes-de-Haute-Provence', 'Hautes-Alpes', 'Alpes-Maritimes', 'Ardèche', 'Ardennes', 'Ariège',
  'Aube', 'Aude', 'Aveyron', 'Bouches-du-Rhône', 'Calvados', 'Cantal', 'Charente', 'Charente-Maritime', 'Cher', 'Corrèze',
  'Corse-du-Sud', 'Haute-Corse', "Côte-d'Or", "Côtes-d'Armor", 'Creuse', 'Dordogne', 'Doubs', 'Drôme', 'Eure', 'Eure-et-Loir',
  'Finistère', 'Gard', 'Haute-Garonne', 'Gers', 'Gironde', 'Hérault', 'Ille-et-Vilaine', 'Indre', 'Indre-et-Loire', 'Isère',
  'Jura', 'Landes', 'Loir-et-Cher', 'Loire', 'Haute-Loire', 'Loire-Atlantique', 'Loiret', 'Lot', 'Lot-et-Garonne', 'Lozère',
  'Maine-et-Loire', 'Manche', 'Marne', 'Haute-Marne', 'Mayenne', 'Meurthe-et-Moselle', 'Meuse', 'Morbihan', 'Moselle',
  'Nièvre', 'Nord', 'Oise', 'Orne', 'Pas-de-Calais', 'Puy-de-Dôme', 'Pyrénées-Atlantiques', 'Hautes-Pyrénées',
  'Pyrénées-Orientales', 'Bas-Rhin', 'Haut-Rhin', 'Rhône', 'Haute-Saône', 'Saône-et-Loire', 'Sarthe', 'Savoie',
  'Haute-Savoie', 'Paris', 'Seine-Maritime', 'Seine-et-Marne', 'Yvelines', 'Deux-Sèvres', 'Somme', 'Tarn', 'Tarn-et-Garonne',
  'Var', 'Vaucluse', 'Vendée', 'Vienne', 'Haute-Vienne', 'Vosges', 'Yonne', 'Territoire de Belfort', 'Essonne',
  'Hauts-de-Seine', 'Seine-Saint-Denis', 'Val-de-Marne', "Val-d'Oise", 'Guadeloupe', 'Martinique', 'Guyane', 'La Réunion',
  'Réunion', 'Mayotte',
];

export const REGIONS: readonly string[] = [
  'Auvergne-Rhône-Alpes', 'Bourgogne-Franche-Comté', 'Bretagne', 'Centre-Val de Loire', 'Corse', 'Grand Est', 'Hauts-de-France',
  'Île-de-France', 'Normandie', 'Nouvelle-Aquitaine', 'Occitanie', 'Pays de la Loire', "Provence-Alpes-Côte d'Azur",
  'Alsace', 'Lorraine', 'Picardie', 'Limousin', 'Auvergne', 'Aquitaine', 'Languedoc-Roussillon', 'Midi-Pyrénées',
];

export const CITIES: readonly string[] = [
  'Marseille', 'Lyon', 'Toulouse', 'Nice', 'Nantes', 'Montpellier', 'Strasbourg', 'Bordeaux', 'Lille', 'Rennes', 'Reims',
  'Toulon', 'Saint-Étienne', 'Le Havre', 'Grenoble', 'Dijon', 'Angers', 'Nîmes', 'Villeurbanne', 'Clermont-Ferrand',
  'Le Mans', 'Aix-en-Provence', 'Brest', 'Tours', 'Amiens', 'Limoges', 'Annecy', 'Perpignan', 'Besançon', 'Metz', 'Orléans',
  'Rouen', 'Mulhouse', 'Caen', 'Nancy', 'Argenteuil', 'Roubaix', 'Tourcoing', 'Avignon', 'Poitiers', 'Pau', 'La Rochelle',
  'Calais', 'Cannes', 'Dunkerque', 'Bayonne', 'Valence', 'Quimper', 'Lorient', 'Vannes', 'Troyes', 'Chambéry', 'Niort',
  'Béziers', 'Ajaccio', 'Bastia', 'Dax', 'Mont-de-Marsan',
];

/**
 * Names that are also everyday words ("la somme", "afin d'allier", "le nord du quartier"): taken as a place only when
 * written with a capital.
 */
export const NAMES_ALSO_WORDS: ReadonlySet<string> = new Set([
  'allier', 'somme', 'nord', 'manche', 'cher', 'lot', 'var', 'orne', 'vienne', 'loire', 'marne', 'meuse', 'indre', 'eure',
  'aube', 'ain', 'centre', 'reunion', 'valence', 'pau', 'tours', 'nice', 'corse',
]);
