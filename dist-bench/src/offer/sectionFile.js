"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Utf8Strings = exports.StringTable = void 0;
exports.sectionFileBytes = sectionFileBytes;
exports.readSectionFile = readSectionFile;
exports.typedSection = typedSection;
exports.stringSection = stringSection;
exports.utf8Section = utf8Section;
const node_fs_1 = require("node:fs");
const ALIGN = 8;
const NEWLINE = 0x0a;
function padding(length) {
    return (ALIGN - (length % ALIGN)) % ALIGN;
}
/** The file's bytes: `header` (plus `sections`, the places of each section) then the sections. */
function sectionFileBytes(header, sections) {
    const places = {};
    let offset = 0;
    for (const [name, data] of sections) {
        places[name] = [offset, data.byteLength];
        offset += data.byteLength + padding(data.byteLength);
    }
    const json = Buffer.from(JSON.stringify({ ...header, sections: places }), 'utf8');
    // The header line is padded with spaces so that the body, and so each section, starts aligned.
    const headerLength = json.byteLength + 1 + padding(json.byteLength + 1);
    const out = Buffer.alloc(headerLength + offset, 0);
    json.copy(out, 0);
    out.fill(0x20, json.byteLength, headerLength - 1);
    out[headerLength - 1] = NEWLINE;
    for (const [name, data] of sections) {
        Buffer.from(data.buffer, data.byteOffset, data.byteLength).copy(out, headerLength + places[name][0]);
    }
    return out;
}
/** Reads a section file; throws a SyntaxError when its header is not JSON, and file errors as they come. */
function readSectionFile(file) {
    const buffer = (0, node_fs_1.readFileSync)(file);
    const end = buffer.indexOf(NEWLINE);
    const headerEnd = end < 0 ? buffer.byteLength : end;
    const header = JSON.parse(buffer.toString('utf8', 0, headerEnd));
    const body = headerEnd + 1;
    return {
        header,
        bytes(place) {
            if (!place)
                return null;
            const [offset, length] = place;
            if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0)
                return null;
            if (body + offset + length > buffer.byteLength)
                return null;
            return buffer.subarray(body + offset, body + offset + length);
        },
    };
}
/**
 * Section bytes as a typed array of `kind` (Int32Array…): a view on the file's bytes when aligned (the usual case:
 * sections start on 8-byte boundaries of a buffer of their own), else a copy.
 */
function typedSection(bytes, kind, count) {
    const elementSize = kind.BYTES_PER_ELEMENT;
    if (!bytes || bytes.byteLength !== count * elementSize)
        return null;
    if (bytes.byteOffset % elementSize === 0)
        return new kind(bytes.buffer, bytes.byteOffset, count);
    const copy = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(copy).set(bytes);
    return new kind(copy, 0, count);
}
function stringSection(strings) {
    return packStrings(strings, 'utf16');
}
/** The strings' UTF-8 bytes end to end, with where each starts (count + 1 offsets) in UTF-16 units or in bytes. */
function packStrings(strings, offsetUnit) {
    const offsets = new Uint32Array(strings.length + 1);
    let total = 0;
    for (const s of strings)
        total += Buffer.byteLength(s, 'utf8');
    const text = Buffer.alloc(total);
    let bytes = 0;
    let units = 0;
    strings.forEach((s, i) => {
        offsets[i] = offsetUnit === 'bytes' ? bytes : units;
        // Each string on its own: a lone surrogate becomes one replacement character, so offsets still fit the text.
        bytes += text.write(s, bytes, 'utf8');
        units += s.length;
    });
    offsets[strings.length] = offsetUnit === 'bytes' ? bytes : units;
    return { text, offsets };
}
/** Offsets that start at 0, never go back and end at the text's length. */
function offsetsFit(offsets, end) {
    if (offsets[0] !== 0 || offsets[offsets.length - 1] !== end)
        return false;
    for (let i = 1; i < offsets.length; i++)
        if (offsets[i] < offsets[i - 1])
            return false;
    return true;
}
class StringTable {
    text;
    offsets;
    constructor(text, offsets) {
        this.text = text;
        this.offsets = offsets;
    }
    /** The strings of a section; null when the offsets do not fit the text. */
    static read(textBytes, offsets) {
        if (!textBytes || !offsets || offsets.length === 0)
            return null;
        const text = Buffer.from(textBytes.buffer, textBytes.byteOffset, textBytes.byteLength).toString('utf8');
        return offsetsFit(offsets, text.length) ? new StringTable(text, offsets) : null;
    }
    get size() {
        return this.offsets.length - 1;
    }
    at(i) {
        return this.text.slice(this.offsets[i], this.offsets[i + 1]);
    }
}
exports.StringTable = StringTable;
/**
 * Strings stored as their UTF-8 bytes and the byte offsets where each starts (count + 1 of them), decoded one by
 * one as they are read: for long texts of which a process reads few (the descriptions shown on cards).
 */
function utf8Section(strings) {
    return packStrings(strings, 'bytes');
}
class Utf8Strings {
    text;
    offsets;
    constructor(text, offsets) {
        this.text = text;
        this.offsets = offsets;
    }
    /** The strings of a section; null when the offsets do not fit the bytes. */
    static read(textBytes, offsets) {
        if (!textBytes || !offsets || offsets.length === 0)
            return null;
        if (!offsetsFit(offsets, textBytes.byteLength))
            return null;
        return new Utf8Strings(Buffer.from(textBytes.buffer, textBytes.byteOffset, textBytes.byteLength), offsets);
    }
    get size() {
        return this.offsets.length - 1;
    }
    at(i) {
        return this.text.toString('utf8', this.offsets[i], this.offsets[i + 1]);
    }
}
exports.Utf8Strings = Utf8Strings;
//# sourceMappingURL=sectionFile.js.map