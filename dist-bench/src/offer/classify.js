"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PLACE_KINDS = void 0;
exports.kindsOfService = kindsOfService;
exports.isFamilyPlace = isFamilyPlace;
exports.audiencesOfService = audiencesOfService;
exports.agesOfService = agesOfService;
exports.isFamilyTheme = isFamilyTheme;
const phrases_1 = require("./phrases");
const vocabulary_1 = require("./vocabulary");
/** Recognising what a service is, from its own words (the schema has no value for these kinds). */
const serviceKinds = new phrases_1.PhraseMatcher(vocabulary_1.KINDS.flatMap((k) => k.serviceWords.map((w) => [w, k.id])));
const serviceAudiences = new phrases_1.PhraseMatcher(vocabulary_1.AUDIENCES.flatMap((a) => a.serviceWords.map((w) => [w, a.id])));
/** Kinds that describe the place hosting a service rather than the service: given to structure entries only. */
exports.PLACE_KINDS = new Set(['centre-social']);
function kindsIn(text) {
    const found = new Set();
    if (!text)
        return found;
    for (const match of serviceKinds.findExact(text.tokens))
        found.add(match.value);
    return found;
}
/** The opening of a description is where it says what the service is. */
const DESCRIPTION_HEAD_TOKENS = 60;
/**
 * The kinds of a service. Its name says best what it is; the description is read only when the name says nothing,
 * because descriptions often mention other activities ("en lien avec le LAEP voisin").
 */
function kindsOfService(service) {
    let kinds = kindsIn(service.name);
    for (const place of exports.PLACE_KINDS)
        kinds.delete(place);
    if (kinds.size === 0) {
        const typeWords = (0, phrases_1.foldedText)((service.types ?? []).join(' '))?.tokens ?? [];
        const head = service.description?.tokens.slice(0, DESCRIPTION_HEAD_TOKENS) ?? [];
        kinds = kindsIn({ folded: '', tokens: [...typeWords, '.', ...head] });
        for (const place of exports.PLACE_KINDS)
            kinds.delete(place);
    }
    if (service.remote) {
        for (const kind of [...kinds]) {
            const remoteKind = vocabulary_1.REMOTE_KINDS[kind];
            if (remoteKind)
                kinds.add(remoteKind);
        }
    }
    return [...kinds];
}
/** Whether a structure is a place of its own for parents (centre social, EVS, maison des familles). */
function isFamilyPlace(name, description) {
    const kinds = kindsIn(name);
    if (kinds.has('centre-social'))
        return true;
    const head = description ? { folded: '', tokens: description.tokens.slice(0, 30) } : null;
    return kinds.size === 0 && kindsIn(head).has('centre-social');
}
function audiencesOfService(texts) {
    const found = new Set();
    for (const text of texts) {
        if (!text)
            continue;
        for (const match of serviceAudiences.findExact(text.tokens))
            found.add(match.value);
    }
    return [...found];
}
const AGE_RANGES = [
    /\b(?:de|entre)\s+(\d{1,2})\s+(?:a|et)\s+(\d{1,2})\s+ans\b/g,
    /\b(\d{1,2})\s*-\s*(\d{1,2})\s*ans\b/g,
    /\b(\d{1,2})\s+a\s+(\d{1,2})\s+ans\b/g,
];
const AGE_BELOW = /\bmoins\s+de\s+(\d{1,2})\s+ans\b/g;
/** Children's ages a service states ("de 3 à 10 ans", "0-6 ans", "moins de 6 ans"), widened over all it says. */
function agesOfService(texts, kinds) {
    let min = Infinity;
    let max = -Infinity;
    for (const text of texts) {
        if (!text || !text.folded.includes('ans'))
            continue;
        const folded = text.folded;
        for (const pattern of AGE_RANGES) {
            for (const m of folded.matchAll(pattern)) {
                const a = Number(m[1]);
                const b = Number(m[2]);
                if (a <= b && b <= 25) {
                    min = Math.min(min, a);
                    max = Math.max(max, b);
                }
            }
        }
        for (const m of folded.matchAll(AGE_BELOW)) {
            const below = Number(m[1]);
            if (below > 0 && below <= 25) {
                min = Math.min(min, 0);
                max = Math.max(max, below - 1);
            }
        }
    }
    for (const kind of kinds) {
        const ages = vocabulary_1.KIND_AGES[kind];
        if (ages && min === Infinity) {
            min = ages[0];
            max = ages[1];
        }
    }
    return min === Infinity ? null : [min, max];
}
function isFamilyTheme(themes) {
    return (themes ?? []).some((theme) => theme.startsWith(vocabulary_1.FAMILY_THEME_PREFIX));
}
//# sourceMappingURL=classify.js.map