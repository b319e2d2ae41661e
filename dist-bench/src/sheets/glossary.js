"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GLOSSARY_TERMS = exports.GLOSSARY = void 0;
exports.lookupGlossary = lookupGlossary;
const text_1 = require("../language/text");
exports.GLOSSARY = [
    { term: 'AVS', expansion: 'animation de la vie sociale', english: 'community life support (centres sociaux and EVS)' },
    { term: 'Caf', expansion: "caisse d'allocations familiales", english: 'family allowance fund' },
    { term: 'CCAS', expansion: "centre communal d'action sociale", english: 'municipal social action centre' },
    { term: 'CDSF', expansion: 'comité départemental des services aux familles', english: 'départemental committee for family services' },
    {
        term: 'CLAS',
        expansion: "contrat local d'accompagnement à la scolarité",
        english: 'local contract for school support',
        about: { fr: "accompagnement à la scolarité (aide aux devoirs) qui associe les parents", en: 'homework support that involves the parents' },
    },
    { term: 'CLP', expansion: 'conseil local de la parentalité', english: 'local parenting council' },
    { term: 'CTG', expansion: 'convention territoriale globale', english: 'global territorial agreement (between a Caf and a territory)' },
    { term: 'DDCS', expansion: 'direction départementale de la cohésion sociale', english: 'départemental directorate for social cohesion' },
    { term: 'EPCI', expansion: 'établissement public de coopération intercommunale', english: 'inter-municipal public body' },
    {
        term: 'EVS',
        expansion: 'espace de vie sociale',
        english: 'community life space',
        about: { fr: 'lieu de proximité, comme un centre social, qui accueille des actions pour les familles', en: 'a local place, like a centre social, that hosts activities for families' },
    },
    { term: 'FNP', expansion: 'fonds national parentalité', english: 'national parenting fund' },
    {
        term: 'LAEP',
        expansion: "lieu d'accueil enfants-parents",
        english: 'child-parent drop-in centre',
        about: { fr: "accueil libre, gratuit et anonyme d'enfants de moins de 6 ans avec un parent", en: 'a free, anonymous drop-in for children under 6 with a parent' },
    },
    { term: 'MDM', expansion: 'Maison de la Métropole (Lyon)', english: 'Métropole de Lyon social services office' },
    { term: 'MDR', expansion: 'Maison du Rhône', english: 'Rhône département social services office' },
    { term: 'MDS', expansion: 'maison départementale des solidarités', english: 'départemental solidarity office' },
    { term: 'MSA', expansion: 'mutualité sociale agricole', english: 'agricultural social insurance' },
    { term: 'PMI', expansion: 'protection maternelle et infantile', english: 'mother and child health service' },
    { term: 'PST', expansion: 'projet social de territoire', english: 'territorial social project' },
    { term: 'QPV', expansion: 'quartier prioritaire de la politique de la ville', english: 'priority neighbourhood of urban policy' },
    {
        term: 'REAAP',
        expansion: "réseau d'écoute, d'appui et d'accompagnement des parents",
        english: 'network for listening to, supporting and accompanying parents',
        about: { fr: 'réseau départemental des actions de soutien aux parents, financé par le FNP', en: 'the départemental network of parent-support actions, funded by the FNP' },
    },
    { term: 'SDSF', expansion: 'schéma départemental des services aux familles', english: 'départemental plan for family services' },
    { term: 'Udaf', expansion: 'union départementale des associations familiales', english: 'départemental union of family associations' },
    { term: 'ACEPP', expansion: 'association des collectifs enfants parents professionnels', english: 'association of child-parent-professional groups' },
    { term: 'Carsat', expansion: "caisse d'assurance retraite et de la santé au travail", english: 'pension and occupational health fund' },
    { term: 'SENACS', expansion: "système d'échanges national des centres sociaux", english: 'national data exchange system of centres sociaux' },
];
const BY_TERM = new Map(exports.GLOSSARY.map((entry) => [(0, text_1.fold)(entry.term), entry]));
/** Folded abbreviations, for callers that only need to recognise them. */
exports.GLOSSARY_TERMS = new Set(BY_TERM.keys());
/** The entry for a word as typed ("ctg", "CTG", "Caf", "les CLP"). */
function lookupGlossary(word) {
    const key = (0, text_1.fold)(word).replace(/[^a-z0-9]/g, '');
    return BY_TERM.get(key) ?? (key.endsWith('s') ? BY_TERM.get(key.slice(0, -1)) : undefined);
}
//# sourceMappingURL=glossary.js.map