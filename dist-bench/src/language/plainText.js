"use strict";
/**
 * Text from imported data (a data·inclusion export, a plan's sheet) made plain before anything keeps it. Exports are
 * often copied from web pages and content management systems: a name or a description may hold HTML tags, character
 * references, comments or stray control characters. Left in, a renderer that understands HTML (Web Chat, Teams) would
 * fetch an `<img>` or show an `<a href>` as a link. What is kept is the text a person would have read on the page.
 *
 * The rules, in this order:
 * 1. Character references are decoded once: `&amp;` → `&`, `&lt;` → `<`, `&#233;` / `&#xE9;` → `é`, and the named
 *    ones of COMMON_ENTITIES. `&amp;lt;` becomes `&lt;`, text, and stays so. Unknown names are left as written.
 * 2. A tag is `<` followed by a letter (`<b>`, `<img …>`), by `/` and a letter (`</p>`), by `!` (`<!-- … -->`,
 *    `<!DOCTYPE …>`, `<![CDATA[…]]>`) or by `?` (`<?xml …?>`), up to its closing `>` (quoted attribute values may hold
 *    `>`). Tags are removed and the text between them kept; tags that break lines (`<br>`, `<p>`, `<li>`…) leave a
 *    line break, so that words do not run together and a sheet's paragraphs stay lines (shown text collapses it).
 *    What a closed `<script>…</script>` or `<style>…</style>` holds is code, not text: it goes too. A
 *    `<` followed by anything else (« moins de 3 ans < 6 », `<3`, `<=`, `< 6 ans`) is text; so is a `<` whose tag never
 *    closes. Removing a tag may join two halves into a new one (`<<b>b>`): it is removed too.
 * 3. Control characters go, except tabs and line breaks (sheet layouts depend on them), as do the invisible
 *    characters that reorder text on screen (bidirectional overrides and isolates), a byte-order mark, and halves of
 *    broken surrogate pairs.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.plainText = plainText;
exports.withoutControlCharacters = withoutControlCharacters;
/** Named references decoded; others are rare in French data and are left as written. */
const COMMON_ENTITIES = {
    amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
    eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', agrave: 'à', acirc: 'â', auml: 'ä', ccedil: 'ç', icirc: 'î', iuml: 'ï',
    ocirc: 'ô', ouml: 'ö', ugrave: 'ù', ucirc: 'û', uuml: 'ü', yuml: 'ÿ', oelig: 'œ', aelig: 'æ',
    Eacute: 'É', Egrave: 'È', Ecirc: 'Ê', Euml: 'Ë', Agrave: 'À', Acirc: 'Â', Ccedil: 'Ç', Icirc: 'Î', Iuml: 'Ï', Ocirc: 'Ô',
    Ugrave: 'Ù', Ucirc: 'Û', OElig: 'Œ', AElig: 'Æ',
    laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', ndash: '–', mdash: '—',
    euro: '€', deg: '°', middot: '·', bull: '•', copy: '©', reg: '®', trade: '™', times: '×', shy: '', thinsp: '\u2009',
    ensp: '\u2002', emsp: '\u2003', numero: '№',
};
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;
/** Tags whose removal would otherwise glue two words together. */
const BREAKING_TAGS = new Set([
    'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td',
    'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** Elements whose content is code, never text for a reader. */
const CODE_ELEMENTS = new Set(['script', 'style']);
/** A tag longer than this is not one: the scan for its end stops, so a text full of `<a "` stays linear. */
const MAX_TAG_LENGTH = 2000;
/**
 * C0 and C1 controls but tab, line feed and carriage return; bidirectional embeddings, overrides and isolates; the
 * byte-order mark; lone surrogates.
 */
const UNWANTED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Most values hold none of what the rules change: they are returned as they are, after one test. */
const ANYTHING_TO_DO = new RegExp(`[&<]|${UNWANTED.source}`);
/** The plain text of a value from imported data (see the rules above). */
function plainText(raw) {
    if (!ANYTHING_TO_DO.test(raw))
        return raw;
    const decoded = raw.includes('&') ? decodeReferences(raw) : raw;
    const untagged = decoded.includes('<') ? withoutAnyTag(decoded) : decoded;
    return withoutControlCharacters(untagged);
}
/** Removing a tag can join two halves into a new one (`<<b>b>`): passes are repeated, a few times at most. */
const MAX_PASSES = 8;
function withoutAnyTag(text) {
    let out = text;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
        const next = withoutTags(out);
        if (next === out)
            return out;
        out = next;
    }
    // Still changing after so many passes: markup built to resist. No `<` of it is kept, so none can open a tag.
    const last = withoutTags(out);
    return last === out ? out : last.replace(/</g, '');
}
/** The unwanted characters that are not halves of surrogate pairs: one character class, a fast test. */
const UNWANTED_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/;
/**
 * Without control and reordering characters (rule 3 alone); line breaks and tabs are kept. Every text put into a
 * reply passes here, so the usual case (nothing to remove) is two native scans: a character class, and the engine's
 * own check for broken surrogate pairs, instead of the full pattern with its look-arounds.
 */
function withoutControlCharacters(text) {
    if (!UNWANTED_CHARACTER.test(text) && text.isWellFormed())
        return text;
    return text.replace(UNWANTED, '');
}
function decodeReferences(text) {
    return text.replace(REFERENCE, (whole, decimal, hex, name) => {
        if (name !== undefined)
            return COMMON_ENTITIES[name] ?? whole;
        const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
        // NUL, surrogates and numbers past Unicode name no character: nothing is kept of them.
        if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            return '';
        return String.fromCodePoint(code);
    });
}
const isLetter = (code) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
/** Where the tag opening at `start` ends (index after its `>`), or -1 when `<` there does not open a tag. */
function tagEnd(text, start, lastCommentClose, nextClose) {
    const next = text.charCodeAt(start + 1);
    if (next === 33 /* ! */ && text.startsWith('<!--', start)) {
        // Known in advance whether a close follows, so that many unclosed comments are not each searched to the end.
        if (lastCommentClose < start + 4)
            return -1;
        return text.indexOf('-->', start + 4) + 3;
    }
    const opensTag = isLetter(next) || next === 33 /* ! */ || next === 63 /* ? */ || (next === 47 /* / */ && isLetter(text.charCodeAt(start + 2)));
    // No `>` close enough: no tag, found without reading what follows.
    if (!opensTag || nextClose < 0 || nextClose >= start + MAX_TAG_LENGTH)
        return -1;
    const limit = Math.min(text.length, start + MAX_TAG_LENGTH);
    let quote = 0;
    let firstClose = -1;
    for (let i = start + 1; i < limit; i++) {
        const code = text.charCodeAt(i);
        if (code === 62 /* > */ && firstClose < 0)
            firstClose = i;
        if (quote !== 0) {
            if (code === quote)
                quote = 0;
        }
        else if (code === 34 /* " */ || code === 39 /* ' */) {
            quote = code;
        }
        else if (code === 62) {
            return i + 1;
        }
    }
    // An unbalanced quote ("<b l'enfant>"): the first `>` ends the tag, as a lenient reader would end it.
    return firstClose < 0 ? -1 : firstClose + 1;
}
function tagName(tag) {
    const match = /^<\/?([A-Za-z][A-Za-z0-9:-]*)/.exec(tag);
    return match ? match[1].toLowerCase() : '';
}
function withoutTags(text) {
    const lastCommentClose = text.lastIndexOf('-->');
    const lastCdataClose = text.lastIndexOf(']]>');
    let nextClose = text.indexOf('>');
    let out = '';
    let copied = 0;
    let from = 0;
    for (;;) {
        const start = text.indexOf('<', from);
        if (start < 0)
            break;
        // The first `>` after this `<`, searched again only once passed: the whole text is read once for it.
        if (nextClose >= 0 && nextClose < start)
            nextClose = text.indexOf('>', start);
        const end = tagEnd(text, start, lastCommentClose, nextClose);
        if (end < 0) {
            from = start + 1;
            continue;
        }
        out += text.slice(copied, start);
        const tag = text.slice(start, end);
        let resume = end;
        if (tag.startsWith('<![CDATA[')) {
            // CDATA holds text: keep it, without its markers.
            const close = lastCdataClose >= start + 9 ? text.indexOf(']]>', start + 9) : -1;
            if (close >= 0) {
                out += text.slice(start + 9, close);
                resume = close + 3;
            }
        }
        else {
            const name = tagName(tag);
            if (BREAKING_TAGS.has(name))
                out += '\n';
            if (CODE_ELEMENTS.has(name) && tag[1] !== '/' && !tag.endsWith('/>')) {
                // Without its closing tag, what follows is not known to be code: it is kept as text.
                const closing = new RegExp(`</${name}\\b[^>]*>`, 'gi');
                closing.lastIndex = end;
                const close = closing.exec(text);
                if (close)
                    resume = close.index + close[0].length;
            }
        }
        copied = resume;
        from = resume;
    }
    return out + text.slice(copied);
}
//# sourceMappingURL=plainText.js.map