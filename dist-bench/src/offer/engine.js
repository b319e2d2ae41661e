"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PER_KIND = exports.GROUPS_SHOWN = exports.PAGE_SIZE = void 0;
exports.offerTurn = offerTurn;
exports.textReply = textReply;
exports.labelsOf = labelsOf;
exports.hasWhat = hasWhat;
exports.examples = examples;
exports.originOf = originOf;
exports.answerSearch = answerSearch;
exports.offerQueryScore = offerQueryScore;
exports.offerHelpText = offerHelpText;
const offer_1 = require("../messages/offer");
const conversation_1 = require("./conversation");
const parisTime_1 = require("./parisTime");
const present_1 = require("./present");
const search_1 = require("./search");
const timeQuery_1 = require("./timeQuery");
const vocabulary_1 = require("./vocabulary");
exports.PAGE_SIZE = 5;
/** A grouped answer shows this many kinds, and this many places of each, nearest first. */
exports.GROUPS_SHOWN = 4;
exports.PER_KIND = 2;
/** Kinds that a parent can be helped with at a distance without saying where they live. */
const LISTENING = new Set(['point-ecoute', 'ecoute-distance']);
function offerTurn(outcome, replies, conversation, extra = {}) {
    const kept = replies.filter((r) => r.text || r.cards.length > 0);
    return {
        outcome,
        replies: kept,
        text: kept.map((r) => r.text).filter(Boolean).join('\n\n'),
        cards: kept.flatMap((r) => r.cards),
        suggestions: extra.suggestions ?? [],
        askLocation: extra.askLocation ?? false,
        conversation,
    };
}
/** One reply of text alone. */
function textReply(...lines) {
    return { text: lines.filter(Boolean).join('\n\n'), cards: [] };
}
function labelsOf(search) {
    return {
        kinds: search.kinds && search.kinds.length > 0 ? search.kinds : null,
        audiences: search.audiences ?? [],
        age: search.age ?? null,
        time: search.time ?? null,
        freeText: search.freeText ?? null,
    };
}
/** Whether the search names what to look for (a kind, an audience, an age, words), rather than support in general. */
function hasWhat(search) {
    return Boolean(search.kinds?.length || search.audiences?.length || search.freeText || search.age !== undefined);
}
function examples(language) {
    return [(0, offer_1.offerText)('suggestPeer', language), (0, offer_1.offerText)('suggestLaep', language), (0, offer_1.offerText)('suggestListening', language), (0, offer_1.offerText)('suggestHomework', language)];
}
function originOf(search, offer, communes, language) {
    if (search.position) {
        const { latitude, longitude } = search.position;
        return { point: { latitude, longitude }, place: communes.nearest(latitude, longitude), name: (0, offer_1.offerText)('yourPosition', language) };
    }
    if (search.placeCode) {
        const place = communes.byCode(search.placeCode);
        if (place)
            return { point: offer.pointOf(place), place, name: place.name };
    }
    return { point: null, place: null, name: null };
}
/**
 * "Maintenant", "aujourd'hui" and a part of today ("ce soir") ask for a place to go to soon: when none is open then,
 * the places that open soonest from then are a fair answer. A weekday or "demain" ask for that time and no other.
 */
function soonFrom(time, windows, now) {
    if (!time || !windows || windows.length === 0)
        return null;
    if (time.now)
        return now;
    if (!time.date || time.weekdays)
        return null;
    if (time.date !== (0, timeQuery_1.isoDate)((0, parisTime_1.parisClock)(now.toMillis())))
        return null;
    const start = windows[0].start;
    return start > now ? start : now;
}
function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
/** What the search the journey settled on finds, as the replies to send. */
function answerSearch(offer, communes, search, options) {
    const { now, language } = options;
    const labels = labelsOf(search);
    const origin = originOf(search, offer, communes, language);
    const listeningOnly = labels.kinds !== null && labels.kinds.every((k) => LISTENING.has(k));
    if (!origin.point) {
        if (search.placeCode)
            return offerTurn('need-place', [textReply((0, offer_1.offerText)('unknownPlace', language))], { ...search, pending: 'place' }, { askLocation: true });
        if (!(search.remote || listeningOnly)) {
            return offerTurn('need-place', [textReply(offer_1.offerPhrases.askPlace((0, present_1.nounOf)({ ...labels, freeText: null }, language).plural, language))], { ...search, pending: 'place' }, { askLocation: true });
        }
    }
    if (origin.point && (search.general || !hasWhat(search)))
        return answerByKind(offer, communes, search, origin, options);
    const radiusKm = search.radiusKm ?? search_1.DEFAULT_RADIUS_KM;
    // After "plus loin", what lies within the radius searched before was shown: only what lies beyond is new.
    const innerKm = search.innerRadiusKm ?? 0;
    const windows = labels.time ? (0, timeQuery_1.timeWindows)(labels.time, now) : null;
    const request = {
        point: origin.point,
        place: origin.place,
        kinds: labels.kinds,
        audiences: labels.audiences,
        age: labels.age,
        windows,
        remotePreferred: Boolean(search.remote) || !origin.point,
        radiusKm: origin.point ? radiusKm : 0,
        textIds: labels.freeText ? new Set(offer.searchText(labels.freeText, 200)) : null,
        minKm: innerKm,
    };
    let found = openWhenAskedOnly((0, search_1.searchOffer)(offer, communes, request), windows, language);
    // Words that are no kind and match nothing near there: the places near there, by kind, rather than nothing.
    if (found.hits.length === 0 && labels.freeText && origin.point && !labels.kinds && innerKm === 0) {
        return answerByKind(offer, communes, { ...search, freeText: undefined, general: true }, origin, options);
    }
    let openingSoonest = false;
    const from = found.hits.length === 0 ? soonFrom(labels.time, windows, now) : null;
    if (from) {
        const opening = (0, search_1.searchOpeningSoonest)(offer, communes, request, from);
        if (opening.hits.length > 0) {
            found = opening;
            openingSoonest = true;
        }
    }
    const place = origin.name ?? '';
    const where = origin.point ? offer_1.offerPhrases.nearPlace(place, radiusKm, language) : '';
    const canWiden = origin.point !== null && radiusKm < search_1.RADIUS_STEPS_KM[search_1.RADIUS_STEPS_KM.length - 1];
    const nextRadius = search_1.RADIUS_STEPS_KM.find((step) => step > radiusKm) ?? radiusKm;
    if (found.hits.length === 0) {
        if (innerKm > 0) {
            const lines = [offer_1.offerPhrases.nothingNew(offer_1.offerPhrases.betweenRadii(place, innerKm, radiusKm, language), language),
                canWiden ? offer_1.offerPhrases.widerTo(nextRadius, language) : (0, offer_1.offerText)('maxRadius', language)];
            return offerTurn('nothing-new', [textReply(...lines)], search, { suggestions: canWiden ? [(0, offer_1.offerText)('suggestFarther', language)] : examples(language).slice(0, 3) });
        }
        if (!origin.point)
            return offerTurn('need-place', [textReply(offer_1.offerPhrases.askPlace((0, present_1.nounOf)({ ...labels, freeText: null }, language).plural, language))], { ...search, pending: 'place' }, { askLocation: true });
        const lines = [offer_1.offerPhrases.noneNearby((0, present_1.whatNone)(labels, now, language), where, language), canWiden ? (0, offer_1.offerText)('widerHint', language) : ''];
        const suggestions = [...(canWiden ? [(0, offer_1.offerText)('suggestFarther', language)] : []), ...examples(language).slice(0, 3)];
        return offerTurn('none-nearby', [textReply(...lines)], search, { suggestions });
    }
    const requested = search.offset ?? 0;
    if (requested >= found.hits.length) {
        const lines = [(0, offer_1.offerText)('noMore', language), canWiden ? (0, offer_1.offerText)('widerHint', language) : ''];
        return offerTurn('results', [textReply(...lines)], { ...search, offset: Math.max(0, requested - exports.PAGE_SIZE) }, {
            suggestions: canWiden ? [(0, offer_1.offerText)('suggestFarther', language)] : [],
        });
    }
    const offset = requested;
    const page = found.hits.slice(offset, offset + exports.PAGE_SIZE);
    const asked = (hit) => labels.time && windows ? { title: (0, timeQuery_1.describeTimeIntent)(labels.time, now, language), open: (0, present_1.openWhenAsked)(hit.service, windows, language) } : null;
    const cards = page.map((hit) => (0, present_1.presentHit)(hit, origin.point, offer.summaryOf(hit.index), communes, now, language, asked(hit)));
    let header;
    if (openingSoonest && offset === 0) {
        const { none, open, feminine } = (0, present_1.whatNoneOpen)(labels, now, language);
        const when = labels.time?.now ? (language === 'en' ? 'right now' : 'en ce moment') : (0, timeQuery_1.describeTimeIntent)(labels.time ?? {}, now, language);
        header = offer_1.offerPhrases.noneOpenYet(none, open, feminine, when, place || (0, offer_1.offerText)('yourPosition', language), language);
    }
    else if (!origin.point)
        header = offer_1.offerPhrases.remoteWithoutPlace(language);
    else if (!openingSoonest && found.nearby === 0)
        header = offer_1.offerPhrases.onlyRemote((0, present_1.whatNone)(labels, now, language), where, language);
    else if (offset > 0)
        header = offer_1.offerPhrases.page(offset + 1, offset + page.length, found.hits.length, language);
    else if (innerKm > 0) {
        header = offer_1.offerPhrases.widenedNew(radiusKm, (0, offer_1.countOf)(found.hits.length, (0, present_1.nounOf)(labels, language)), offer_1.offerPhrases.betweenRadii(place, innerKm, radiusKm, language), language);
    }
    else
        header = offer_1.offerPhrases.results((0, present_1.whatFound)(found.hits.length, labels, now, language), where, language);
    const relaxed = found.audienceRelaxed
        ? offer_1.offerPhrases.audienceRelaxed(labels.audiences.map((a) => (0, vocabulary_1.audienceDefinition)(a).label[language]).join(language === 'en' ? ' and ' : ' et '), language)
        : '';
    const hasMore = offset + exports.PAGE_SIZE < found.hits.length;
    const suggestions = [
        ...(hasMore ? [(0, offer_1.offerText)('suggestMore', language)] : []),
        ...(canWiden && !hasMore ? [(0, offer_1.offerText)('suggestFarther', language)] : []),
        ...(labels.time ? [] : [(0, offer_1.offerText)('suggestOpenNow', language)]),
    ];
    const replies = [{ text: [header, relaxed, hasMore ? (0, offer_1.offerText)('seeMoreOthers', language) : ''].filter(Boolean).join('\n\n'), cards }];
    if (!origin.point)
        replies.push(textReply((0, offer_1.offerText)('remoteAlso', language)));
    return offerTurn('results', replies, { ...search, offset }, { suggestions, askLocation: !origin.point });
}
/**
 * A time was asked: only the places the card can say are open then stay, so the header's count and every card's
 * "Ce soir : …" come from the same reading of the hours.
 */
function openWhenAskedOnly(found, windows, language) {
    if (!windows)
        return found;
    const hits = found.hits.filter((hit) => (0, present_1.openWhenAsked)(hit.service, windows, language) !== null);
    return { hits, nearby: hits.filter((h) => !h.remote).length, remote: hits.filter((h) => h.remote).length, audienceRelaxed: found.audienceRelaxed && hits.length > 0 };
}
/** Support in general near a place: a header, then a few places of each kind under the kind's name. */
function answerByKind(offer, communes, search, origin, options) {
    const { now, language } = options;
    const labels = labelsOf(search);
    const radiusKm = search.radiusKm ?? search_1.DEFAULT_RADIUS_KM;
    const innerKm = search.innerRadiusKm ?? 0;
    const windows = labels.time ? (0, timeQuery_1.timeWindows)(labels.time, now) : null;
    const { groups, remote } = (0, search_1.searchByKind)(offer, communes, {
        point: origin.point, place: origin.place, kinds: null, audiences: [], age: null, windows, remotePreferred: false, radiusKm, textIds: null, minKm: innerKm,
    });
    const keep = (hits) => (windows ? hits.filter((hit) => (0, present_1.openWhenAsked)(hit.service, windows, language) !== null) : hits);
    const all = [
        ...groups.map((g) => ({ label: g.kind, hits: keep(g.hits) })),
        { label: 'remote', hits: keep(remote) },
    ].filter((g) => g.hits.length > 0);
    const place = origin.name ?? '';
    const canWiden = radiusKm < search_1.RADIUS_STEPS_KM[search_1.RADIUS_STEPS_KM.length - 1];
    const nextRadius = search_1.RADIUS_STEPS_KM.find((step) => step > radiusKm) ?? radiusKm;
    const conversation = { ...search, general: true };
    const where = innerKm > 0 ? offer_1.offerPhrases.betweenRadii(place, innerKm, radiusKm, language) : offer_1.offerPhrases.nearPlace(place, radiusKm, language);
    const when = labels.time ? ` ${offer_1.offerPhrases.openFilter(language === 'en' ? 'open' : 'ouvertes', (0, timeQuery_1.describeTimeIntent)(labels.time, now, language), language)}` : '';
    if (all.length === 0) {
        const none = innerKm > 0
            ? offer_1.offerPhrases.nothingNew(where, language)
            : offer_1.offerPhrases.noneNearby(`${offer_1.offerPhrases.noneOfSupport(language)}${when}`, where, language);
        const next = canWiden ? offer_1.offerPhrases.widerTo(nextRadius, language) : (0, offer_1.offerText)('maxRadius', language);
        return offerTurn(innerKm > 0 ? 'nothing-new' : 'none-nearby', [textReply(none, next)], conversation, {
            suggestions: canWiden ? [(0, offer_1.offerText)('suggestFarther', language)] : examples(language).slice(0, 3),
        });
    }
    const offset = Math.min(search.offset ?? 0, Math.max(0, all.length - 1));
    const shown = all.slice(offset, offset + exports.GROUPS_SHOWN);
    const heading = (label, count, total) => {
        const name = label === 'remote' ? (0, offer_1.offerText)('remoteGroup', language)
            : label === null ? (0, offer_1.offerText)('otherSupport', language)
                : total > 1 ? (0, vocabulary_1.kindDefinition)(label).plural[language] : (0, vocabulary_1.kindDefinition)(label).label[language];
        return offer_1.offerPhrases.groupHeading(name, count, total, language);
    };
    // Nothing near, only services at a distance: said so, rather than a list of kinds with none in it.
    const onlyRemote = all.every((g) => g.label === 'remote');
    const header = onlyRemote
        ? offer_1.offerPhrases.onlyRemote(`${offer_1.offerPhrases.noneOfSupport(language)}${when}`, where, language)
        : offer_1.offerPhrases.groupedHeader(when, where, language);
    const replies = [textReply(header)];
    for (const group of shown) {
        const page = group.hits.slice(0, exports.PER_KIND);
        const asked = (hit) => labels.time && windows ? { title: (0, timeQuery_1.describeTimeIntent)(labels.time, now, language), open: (0, present_1.openWhenAsked)(hit.service, windows, language) } : null;
        replies.push({
            text: heading(group.label, page.length, group.hits.length),
            cards: page.map((hit) => (0, present_1.presentHit)(hit, origin.point, offer.summaryOf(hit.index), communes, now, language, asked(hit))),
        });
    }
    const hasMore = offset + exports.GROUPS_SHOWN < all.length;
    if (!onlyRemote)
        replies.push(textReply(hasMore ? (0, offer_1.offerText)('seeMoreOthers', language) : (0, offer_1.offerText)('groupedHint', language)));
    const kindSuggestions = shown
        .map((g) => g.label)
        .filter((k) => k !== null && k !== 'remote')
        .slice(0, 3)
        .map((k) => capitalise((0, vocabulary_1.kindDefinition)(k).plural[language]));
    const suggestions = [...(hasMore ? [(0, offer_1.offerText)('suggestMore', language)] : []), ...kindSuggestions, ...(canWiden && !hasMore ? [(0, offer_1.offerText)('suggestFarther', language)] : [])];
    return offerTurn('grouped', replies, { ...conversation, offset }, { suggestions });
}
/**
 * How much a message reads like a parent's search for support (0..1), so the route table can weigh it against a
 * question on the sheets: kinds of service, situations, audiences, places and "près de moi" raise it. Follow-ups
 * score high while a search is under way.
 */
function offerQueryScore(reading, conversation) {
    let score = 0;
    if (reading.kinds.length > 0)
        score += 0.6;
    else if (reading.situationKinds.length > 0)
        score += 0.5;
    if (reading.general)
        score += 0.5;
    if (reading.audiences.length > 0 || reading.age !== null)
        score += 0.3;
    if (reading.place)
        score += 0.25;
    if (reading.nearMe)
        score += 0.35;
    if (reading.remote)
        score += 0.1;
    if (reading.help && (reading.audiences.length > 0 || reading.place || reading.nearMe || reading.situationKinds.length > 0))
        score += 0.15;
    if (reading.time && (reading.kinds.length > 0 || reading.place))
        score += 0.1;
    if ((0, conversation_1.isSearchUnderway)(conversation)) {
        const shortFollowUp = reading.words <= 8 && (reading.place || reading.time || reading.more || reading.farther || reading.followUp);
        if (shortFollowUp)
            score = Math.max(score, 0.8);
    }
    return Math.max(0, Math.min(1, score));
}
function offerHelpText(language) {
    return (0, offer_1.offerHelpLines)(language).join('\n');
}
//# sourceMappingURL=engine.js.map