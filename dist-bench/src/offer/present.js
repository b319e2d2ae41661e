"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nounOf = nounOf;
exports.whatFound = whatFound;
exports.whatNone = whatNone;
exports.whatNoneOpen = whatNoneOpen;
exports.zoneText = zoneText;
exports.openWhenAsked = openWhenAsked;
exports.presentHit = presentHit;
const serviceCards_1 = require("../cards/serviceCards");
const offer_1 = require("../messages/offer");
const hours_1 = require("./hours");
const service_1 = require("./service");
const timeQuery_1 = require("./timeQuery");
const vocabulary_1 = require("./vocabulary");
const zones_1 = require("./zones");
/** What a search counts, with its French genders: one kind, several ("groupes de parole ou cafés des parents"), or any. */
function nounOf(labels, language) {
    if (labels.freeText)
        return offer_1.offerPhrases.textResults(labels.freeText, language);
    if (!labels.kinds || labels.kinds.length === 0)
        return offer_1.offerPhrases.anySupport(language);
    // A situation may point to three kinds or more: naming them all would make the sentence unreadable.
    if (labels.kinds.length > 2)
        return offer_1.offerPhrases.suitableSupport(language);
    const definitions = labels.kinds.map(vocabulary_1.kindDefinition);
    return {
        singular: offer_1.offerPhrases.orList(definitions.map((d) => d.label[language]), language),
        plural: offer_1.offerPhrases.orList(definitions.map((d) => d.plural[language]), language),
        // French agrees in the masculine as soon as one of the nouns is.
        feminine: definitions.every((d) => d.feminine),
        pluralFeminine: definitions.every((d) => d.pluralFeminine),
        parts: definitions.map((d) => ({ singular: d.label[language], feminine: d.feminine })),
    };
}
/** "pour les parents solos", "pour un enfant de 4 ans", then "ouverts le samedi" agreeing with `count`. */
function qualifiers(labels, count, now, language) {
    const out = [];
    if (labels.audiences.length > 0) {
        out.push(offer_1.offerPhrases.forAudience(labels.audiences.map((a) => (0, vocabulary_1.audienceDefinition)(a).label[language]).join(language === 'en' ? ' and ' : ' et '), language));
    }
    else if (labels.age !== null) {
        out.push(offer_1.offerPhrases.forAge(labels.age, language));
    }
    if (labels.time)
        out.push(offer_1.offerPhrases.openFilter((0, offer_1.openAgreeing)(count, nounOf(labels, language), language), (0, timeQuery_1.describeTimeIntent)(labels.time, now, language), language));
    return out;
}
/** "2 groupes de parole, pour les parents solos, ouverts le samedi," — the comma closes the qualifiers before the place. */
function whatFound(count, labels, now, language) {
    const more = qualifiers(labels, count, now, language);
    const head = (0, offer_1.countOf)(count, nounOf(labels, language));
    return more.length > 0 ? `${head}, ${more.join(', ')},` : head;
}
/** "aucune médiation familiale ouverte le samedi", "aucun groupe de parole pour les parents solos". */
function whatNone(labels, now, language) {
    const noun = nounOf(labels, language);
    const none = labels.freeText ? offer_1.offerPhrases.noneOfText(labels.freeText, language) : (0, offer_1.noneOf)(noun, language);
    return [none, ...qualifiers(labels, 1, now, language)].join(' ');
}
/** The subject of "… n'est ouvert ce soir": none of the kinds, with its audience, its agreement and gender. */
function whatNoneOpen(labels, now, language) {
    const noun = nounOf(labels, language);
    const none = labels.freeText ? offer_1.offerPhrases.noneOfText(labels.freeText, language) : (0, offer_1.noneOf)(noun, language);
    const feminine = !labels.freeText && noun.feminine;
    return {
        none: [none, ...qualifiers({ ...labels, time: null }, 1, now, language)].join(' '),
        open: (0, offer_1.openAgreeing)(1, labels.freeText ? { ...noun, feminine: false } : noun, language),
        feminine,
    };
}
function zoneText(service, communes, language) {
    if (!service.zone)
        return null;
    if ((0, zones_1.isNationalZone)(service.zone))
        return offer_1.offerPhrases.nationwide(language);
    const names = service.zone.slice(0, 6).map((code) => {
        const departement = communes.departementName(code);
        if (departement)
            return `${departement} (${code})`;
        const commune = code.length === 5 ? communes.byCode(code) : null;
        return commune ? commune.name : code;
    });
    return names.join(', ');
}
function hoursTexts(service, now, language) {
    if (!service.hours)
        return { hours: null, status: null };
    const parsed = (0, hours_1.parseHours)(service.hours, service.region);
    const hours = (0, hours_1.describeHours)(parsed, now, language);
    const withSource = service.hoursFrom === 'structure' ? `${(0, offer_1.offerText)('structureHours', language)} : ${hours}` : hours;
    return { hours: withSource, status: (0, hours_1.statusToday)(parsed, now, language)?.text ?? null };
}
function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
function publicText(service, language) {
    const parts = service.audiences.map((a) => (0, vocabulary_1.audienceDefinition)(a).label[language]);
    if (service.ages) {
        const [from, to] = service.ages;
        parts.push(offer_1.offerPhrases.childrenAged(from, to, language));
    }
    return parts.length > 0 ? parts.join(', ') : null;
}
/** When a service is open within the time asked, by the same reading the search's header counts with. */
function openWhenAsked(service, windows, language) {
    return service.hours ? (0, hours_1.openDuring)((0, hours_1.parseHours)(service.hours, service.region), windows, language) : null;
}
/** One service as a card; `asked` adds what it does at the time the parent asked about. */
function presentHit(hit, origin, summary, communes, now, language, asked = null) {
    const s = hit.service;
    const { hours, status } = hoursTexts(s, now, language);
    const address = hit.remote
        ? (0, offer_1.offerText)('remoteLabel', language)
        : [s.address, [s.postcode, s.communeName].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null;
    const view = {
        name: s.name,
        structureName: s.structureName,
        summary,
        facts: [
            { title: (0, offer_1.offerText)('address', language), value: address },
            { title: (0, offer_1.offerText)('distance', language), value: hit.distanceKm !== null ? (0, offer_1.formatDistance)(hit.distanceKm, language) : null },
            { title: (0, offer_1.offerText)('forWhom', language), value: hit.remote ? zoneText(s, communes, language) : null },
            ...(asked ? [{ title: capitalise(asked.title), value: asked.open ?? (0, offer_1.offerText)('closedThen', language) }] : []),
            { title: (0, offer_1.offerText)('today', language), value: status ? capitalise(status) : null },
            { title: (0, offer_1.offerText)('hours', language), value: hours ? capitalise(hours) : (0, offer_1.offerText)('hoursUnknown', language) },
            { title: (0, offer_1.offerText)('phone', language), value: s.phone },
            { title: (0, offer_1.offerText)('email', language), value: s.email },
            { title: (0, offer_1.offerText)('site', language), value: s.website },
            { title: (0, offer_1.offerText)('audience', language), value: publicText(s, language) },
            { title: (0, offer_1.offerText)('access', language), value: s.free === null ? null : (0, offer_1.offerText)(s.free ? 'free' : 'paid', language) },
        ],
        directions: !hit.remote && (0, service_1.isLocated)(s)
            ? { title: (0, offer_1.offerText)('goThere', language), url: origin ? (0, serviceCards_1.osmRouteUrl)(origin, s) : (0, serviceCards_1.osmPlaceUrl)(s) }
            : null,
        phone: s.phone ? { title: (0, offer_1.offerText)('call', language), number: s.phone } : null,
        website: s.website ? { title: (0, offer_1.offerText)('website', language), url: s.website } : null,
    };
    return (0, serviceCards_1.serviceCard)(view);
}
//# sourceMappingURL=present.js.map