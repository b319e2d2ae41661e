"use strict";
/**
 * The only way an address becomes something a user can click: a card's Action.OpenUrl takes its URL from here. A web
 * address must be http or https (never javascript:, data:, file: or vbscript:, whatever the data says) and a phone
 * number becomes a tel: link of digits only. Anything else is no link at all: the card still shows it as text.
 * Replies carry no links: a link in a reply would be Markdown or HTML built from data, which this project never writes.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.webUrl = webUrl;
exports.telUrl = telUrl;
const WEB_PROTOCOLS = new Set(['http:', 'https:']);
/** Long enough for any real address; a longer one is not a link a person was meant to follow. */
const MAX_URL_LENGTH = 2000;
/** `raw` as a normalised http(s) URL, or null. A scheme-less address ("www.example.org") is read as https. */
function webUrl(raw) {
    if (!raw)
        return null;
    const trimmed = raw.trim();
    if (trimmed.length === 0 || trimmed.length > MAX_URL_LENGTH || /[\s<>"]/.test(trimmed))
        return null;
    const candidate = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
    try {
        const url = new URL(candidate);
        // Credentials in a link ("https://bank.example@evil.example") only serve to mislead.
        if (!WEB_PROTOCOLS.has(url.protocol) || url.username || url.password || !url.hostname)
            return null;
        return url.toString();
    }
    catch {
        return null;
    }
}
/** A telephone link from a number as written in the data ("04 65 71 10 01", "+33 4 65…"), or null. */
function telUrl(number) {
    const digits = number.replace(/[^\d+]/g, '');
    return /^\+?\d{6,15}$/.test(digits) ? `tel:${digits}` : null;
}
//# sourceMappingURL=links.js.map