"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.escapeMarkdown = escapeMarkdown;
exports.boldMarkdown = boldMarkdown;
exports.speakableText = speakableText;
const plainText_1 = require("./plainText");
/**
 * The one way text that is not ours (imported data, a place's name, the words a user typed) goes into a reply or a
 * card. Replies and Adaptive Card TextBlocks are Markdown: Web Chat renders them with markdown-it (raw HTML allowed
 * by default, `<img>` kept by its sanitizer), Teams with its own Markdown and HTML subset. So such text must not be
 * able to open a tag, an image, a link, emphasis, code or a block.
 *
 * - `<` and `>` become `&lt;` and `&gt;`, and `&` becomes `&amp;` where it would start a character reference: no
 *   renderer, Markdown or HTML, reads a tag or an autolink in them, and both show `<`, `>` and `&` as written.
 * - The characters of inline Markdown (`\` `` ` `` `*` `_` `[` `]` `~` `|`) are escaped with a backslash: no emphasis,
 *   code span, strikethrough, table, link or image (`![x](…)` needs its brackets) can form.
 * - White space, line breaks included, becomes one space, so the text cannot start a block of its own in the middle
 *   of a reply; at its own start, a heading, quote, list or rule marker (`#`, `>`, `-`, `+`, `=`, `1.`) is escaped.
 * - Control and reordering characters are removed (see plainText.ts).
 *
 * Text that is already Markdown (our own messages) is never passed here; text is escaped once, where it is put into
 * Markdown, never before it is stored.
 */
const INLINE_SPECIAL = /[\\`*_[\]~|]/g;
const REFERENCE_START = /&(?=#?[A-Za-z0-9]+;)/g;
/** Runs of white space, or white space other than a plain space. */
const UNUSUAL_SPACE = /\s\s|[^\S ]/;
/** A marker that would open a block when the text starts a line. */
const BLOCK_START = /^( ?)([#+\-=])/;
const ORDERED_START = /^( ?\d{1,9})([.)])/;
/** Most names and addresses need none of this: they are returned as they are after one test. */
const ANYTHING_TO_DO = /[\\`*_[\]~|<>&]|\s\s|[^\S ]|^ ?(?:[#+\-=]|\d{1,9}[.)])/;
function escapeMarkdown(text) {
    let out = (0, plainText_1.withoutControlCharacters)(text);
    if (!ANYTHING_TO_DO.test(out))
        return out;
    if (UNUSUAL_SPACE.test(out))
        out = out.replace(/\s+/g, ' ');
    out = out
        .replace(REFERENCE_START, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(INLINE_SPECIAL, '\\$&');
    return out.replace(BLOCK_START, '$1\\$2').replace(ORDERED_START, '$1\\$2');
}
/**
 * `text` in bold. Empty text gives nothing: a lone `****` would be read as a horizontal rule, and spaces inside the
 * marks would undo the bold.
 */
function boldMarkdown(text) {
    const escaped = escapeMarkdown(text).trim();
    return escaped.length > 0 ? `**${escaped}**` : '';
}
/**
 * Text for an Adaptive Card's `speak`, which is SSML: the same text with XML's special characters as references, so
 * that imported text cannot open an SSML element.
 */
function speakableText(text) {
    return (0, plainText_1.withoutControlCharacters)(text)
        .replace(/\s+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
}
//# sourceMappingURL=markdown.js.map