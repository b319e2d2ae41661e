"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.osmRouteUrl = osmRouteUrl;
exports.osmPlaceUrl = osmPlaceUrl;
exports.keepPhoneNumbersWhole = keepPhoneNumbersWhole;
exports.displayPhoneNumber = displayPhoneNumber;
exports.mailtoUrl = mailtoUrl;
exports.serviceCard = serviceCard;
const markdown_1 = require("../language/markdown");
const links_1 = require("./links");
const NBSP = '\u00A0';
function coordinate(value) {
    return value.toFixed(5);
}
/** A route on openstreetmap.org from the parent to the place. */
function osmRouteUrl(from, to) {
    const route = `${coordinate(from.latitude)},${coordinate(from.longitude)};${coordinate(to.latitude)},${coordinate(to.longitude)}`;
    return `https://www.openstreetmap.org/directions?route=${encodeURIComponent(route)}`;
}
/** The place on openstreetmap.org, when the parent's own position is unknown. */
function osmPlaceUrl(to) {
    const lat = coordinate(to.latitude);
    const lon = coordinate(to.longitude);
    return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}
/**
 * Digit groups that read as a phone number ("04 65 71 10 03", "+33 4 65 71 10 03", "04.65.71.10.03", "0 800 05 41 41"):
 * at least three groups of digits joined by a space, dot or hyphen, the groups after the first of two to four digits.
 */
const PHONE_NUMBER = /(?:\+\d{1,3}[ .-]?)?\d{1,4}(?:[ .-]\d{2,4}){2,}/g;
/**
 * `text` with the spaces inside phone numbers made non-breaking, so that a number is never cut at the end of a line.
 * A general rule rather than a field's: numbers also turn up in descriptions ("appelez le 04 72 …").
 */
function keepPhoneNumbersWhole(text) {
    return text.replace(PHONE_NUMBER, (number) => number.replace(/ /g, NBSP));
}
/**
 * A phone number as people read it: French numbers in pairs ("04 65 71 10 03", "+33 4 65 71 10 03"), others as the
 * data wrote them with their white space tidied; every space non-breaking.
 */
function displayPhoneNumber(raw) {
    const compact = raw.replace(/[\s.()-]/g, '');
    let shown;
    if (/^0\d{9}$/.test(compact))
        shown = compact.replace(/(\d{2})(?=\d)/g, '$1 ');
    else if (/^\+33\d{9}$/.test(compact))
        shown = `+33 ${compact.slice(3, 4)} ${compact.slice(4).replace(/(\d{2})(?=\d)/g, '$1 ')}`;
    else
        shown = raw.trim().replace(/\s+/g, ' ');
    return shown.replace(/ /g, NBSP);
}
/**
 * A mailto: link for a plain e-mail address, or null. Deliberately narrower than what the import accepts: an address
 * with characters that mean something in a URL (`?`, `&`, `#`, `%`, `/`) could add a subject, a body or other
 * recipients to the mail, so it gets no link (the card then shows it as text). Belongs with the checks of links.ts.
 */
function mailtoUrl(address) {
    const trimmed = address.trim();
    return trimmed.length <= 254 && /^[A-Za-z0-9._+'-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))+$/.test(trimmed)
        ? `mailto:${trimmed}`
        : null;
}
/** Markdown text for a TextBlock: escaped, then phone numbers kept whole (escaping turns unusual spaces into plain ones). */
function cardText(text) {
    return keepPhoneNumbersWhole((0, markdown_1.escapeMarkdown)(text));
}
function textBlock(text, options = {}) {
    return { type: 'TextBlock', text: cardText(text), wrap: true, ...options };
}
function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
function serviceCard(view) {
    const body = [textBlock(view.name, { weight: 'Bolder', size: 'Medium', style: 'heading' })];
    if (view.today) {
        body.push(textBlock(capitalised(view.today.text), { weight: 'Bolder', color: view.today.open ? 'Good' : 'Attention', spacing: 'Small' }));
    }
    const where = [view.distance, view.town].filter((part) => Boolean(part)).join(' · ');
    if (where)
        body.push(textBlock(where, { spacing: 'None' }));
    if (view.structureName)
        body.push(textBlock(view.structureName, { isSubtle: true, spacing: 'Small' }));
    if (view.summary)
        body.push(textBlock(view.summary, { spacing: 'Small' }));
    for (const fact of view.facts) {
        if (!fact.value)
            continue;
        // The label's own escaping leaves no asterisk of its own: the bold markers are the only Markdown here.
        body.push({ type: 'TextBlock', text: `**${cardText(fact.title)}** : ${cardText(fact.value)}`, wrap: true, spacing: 'Small' });
    }
    if (view.address)
        body.push(textBlock(view.address, { spacing: 'Small' }));
    const mail = view.email ? mailtoUrl(view.email.address) : null;
    // An address that cannot be a safe link is still worth reading.
    if (view.email && !mail)
        body.push(textBlock(`${view.email.title} ${view.email.address}`, { spacing: 'Small' }));
    // Action titles are plain text on a button (no Markdown); their URLs are vetted, ours as well as the data's.
    const actions = [];
    const tel = view.phone ? (0, links_1.telUrl)(view.phone.number) : null;
    if (view.phone && tel)
        actions.push({ type: 'Action.OpenUrl', title: `${view.phone.title} ${displayPhoneNumber(view.phone.number)}`, url: tel });
    if (view.email && mail)
        actions.push({ type: 'Action.OpenUrl', title: `${view.email.title} ${view.email.address.trim()}`, url: mail });
    const directions = view.directions ? (0, links_1.webUrl)(view.directions.url) : null;
    if (view.directions && directions)
        actions.push({ type: 'Action.OpenUrl', title: view.directions.title, url: directions });
    const website = view.website ? (0, links_1.webUrl)(view.website.url) : null;
    if (view.website && website)
        actions.push({ type: 'Action.OpenUrl', title: view.website.title, url: website });
    const spoken = [view.name, view.today?.text, where, view.structureName].filter(Boolean).join(', ');
    return {
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.5',
        speak: (0, markdown_1.speakableText)(spoken),
        body,
        ...(actions.length > 0 ? { actions } : {}),
    };
}
//# sourceMappingURL=serviceCards.js.map