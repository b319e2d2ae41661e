"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JsonRecordScanner = void 0;
exports.streamJsonRecords = streamJsonRecords;
exports.readJsonRecordsSync = readJsonRecordsSync;
const node_fs_1 = require("node:fs");
const node_string_decoder_1 = require("node:string_decoder");
const node_zlib_1 = require("node:zlib");
/** Keys of a top-level object whose array holds the records (API pages; GeoJSON collections). */
const RECORD_ARRAY_KEYS = new Set(['items', 'features']);
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
/** Text of a JSON error message, short, for the people who load data. */
function shortError(error) {
    return error instanceof Error ? error.message.slice(0, 120) : 'erreur de lecture';
}
/**
 * A push scanner: give it text as it comes (`push`), then `end`. It only tracks strings and nesting, so it costs one
 * pass over the characters; each record's text is handed to JSON.parse.
 */
class JsonRecordScanner {
    stack = [];
    inString = false;
    escaped = false;
    started = false;
    sawValue = false;
    /** What is being captured: an element of a records array, or a top-level object that may be one record. */
    capture = 'none';
    parts = [];
    from = 0;
    /** Key tracking in a top-level object, to find its `items` array. */
    expectKey = false;
    readingKey = false;
    key = '';
    lastKey = '';
    page = false;
    index = 0;
    push(chunk) {
        let text = chunk;
        if (!this.started) {
            text = text.replace(/^\uFEFF/, '');
            if (text.length > 0)
                this.started = true;
        }
        const out = [];
        this.from = 0;
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (this.inString) {
                if (this.escaped)
                    this.escaped = false;
                else if (c === BACKSLASH)
                    this.escaped = true;
                else if (c === QUOTE) {
                    this.inString = false;
                    if (this.readingKey) {
                        this.readingKey = false;
                        this.lastKey = this.key;
                    }
                    continue;
                }
                if (this.readingKey && this.key.length < 40)
                    this.key += text[i];
                continue;
            }
            const depth = this.stack.length;
            const top = depth > 0 ? this.stack[depth - 1] : null;
            if (c === QUOTE) {
                this.inString = true;
                if (depth === 1 && top === 'object' && this.expectKey) {
                    this.readingKey = true;
                    this.key = '';
                }
            }
            else if (c === OPEN_BRACE) {
                if (depth === 0) {
                    this.sawValue = true;
                    this.startCapture('candidate', i);
                    this.page = false;
                    this.expectKey = true;
                    this.lastKey = '';
                }
                this.stack.push('object');
            }
            else if (c === OPEN_BRACKET) {
                if (depth === 0) {
                    this.sawValue = true;
                    this.stack.push('records');
                    this.startCapture('element', i + 1);
                }
                else if (depth === 1 && top === 'object' && !this.expectKey && !this.page && RECORD_ARRAY_KEYS.has(this.lastKey)) {
                    // An API page or a collection: its other keys (total, page, size…) say nothing about the records.
                    this.page = true;
                    this.stack.push('records');
                    this.startCapture('element', i + 1);
                }
                else {
                    this.stack.push('array');
                }
            }
            else if (c === CLOSE_BRACKET && top === 'records') {
                this.endElement(text, i, out);
                this.capture = 'none';
                this.stack.pop();
            }
            else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
                if (depth === 0)
                    throw new Error(`JSON invalide : « ${text[i]} » inattendu`);
                this.stack.pop();
                if (depth === 1 && this.capture === 'candidate') {
                    this.parts.push(text.slice(this.from, i + 1));
                    this.emit(this.parts.join(''), out);
                    this.capture = 'none';
                }
            }
            else if (c === COMMA) {
                if (top === 'records') {
                    this.endElement(text, i, out);
                    this.startCapture('element', i + 1);
                }
                else if (depth === 1 && top === 'object') {
                    this.expectKey = true;
                }
            }
            else if (c === COLON) {
                if (depth === 1 && top === 'object')
                    this.expectKey = false;
            }
            else if (depth === 0 && c > 32) {
                throw new Error('contenu inattendu : le fichier doit contenir un tableau JSON d’enregistrements, une page de l’API ({"items": [...]}) ou une ligne JSON par enregistrement');
            }
        }
        if (this.capture !== 'none')
            this.parts.push(text.slice(this.from));
        return out;
    }
    /** Throws when the text stopped inside a value: the file was cut short. */
    end() {
        if (this.inString || this.stack.length > 0)
            throw new Error('JSON invalide : le fichier semble tronqué (tableau ou objet non fermé)');
        if (!this.sawValue)
            throw new Error('fichier vide');
    }
    startCapture(kind, at) {
        this.capture = kind;
        this.parts = [];
        this.from = at;
    }
    endElement(text, at, out) {
        this.parts.push(text.slice(this.from, at));
        const element = this.parts.join('');
        this.parts = [];
        if (element.trim())
            this.emit(element, out);
    }
    emit(raw, out) {
        const at = this.index++;
        try {
            out.push({ index: at, value: JSON.parse(raw) });
        }
        catch (error) {
            out.push({ index: at, error: shortError(error) });
        }
    }
}
exports.JsonRecordScanner = JsonRecordScanner;
const GZIP_MAGIC = [0x1f, 0x8b];
function isGzip(file) {
    const fd = (0, node_fs_1.openSync)(file, 'r');
    try {
        const head = Buffer.alloc(2);
        const read = (0, node_fs_1.readSync)(fd, head, 0, 2, 0);
        return read === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
    }
    finally {
        (0, node_fs_1.closeSync)(fd);
    }
}
/** The records of a file as they are read (the import: memory bounded by one record, whatever the file's size). */
async function* streamJsonRecords(file, onProgress) {
    const total = (0, node_fs_1.statSync)(file).size;
    const raw = (0, node_fs_1.createReadStream)(file, { highWaterMark: 1 << 20 });
    let source = raw;
    if (isGzip(file)) {
        const gunzip = (0, node_zlib_1.createGunzip)();
        raw.on('error', (error) => gunzip.destroy(error));
        source = raw.pipe(gunzip);
    }
    const decoder = new node_string_decoder_1.StringDecoder('utf8');
    const scanner = new JsonRecordScanner();
    try {
        for await (const chunk of source) {
            const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
            yield* scanner.push(decoder.write(buffer));
            // Progress in bytes of the file itself, compressed or not.
            onProgress?.(raw.bytesRead, total);
        }
    }
    catch (error) {
        raw.destroy();
        if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('Z_')) {
            throw new Error(`fichier gzip illisible (${shortError(error)})`);
        }
        throw error;
    }
    yield* scanner.push(decoder.end());
    onProgress?.(total, total);
    scanner.end();
}
const SYNC_CHUNK = 1 << 20;
/**
 * The same reading, synchronously (the start-up loader). A plain file is read a megabyte at a time; a gzip file is
 * inflated whole first (a territory's export; a region or the country goes through `npm run import`). Records read
 * before an error in the file are returned with it.
 */
function readJsonRecordsSync(file) {
    const scanner = new JsonRecordScanner();
    const elements = [];
    const decoder = new node_string_decoder_1.StringDecoder('utf8');
    try {
        if (isGzip(file)) {
            let inflated;
            try {
                inflated = (0, node_zlib_1.gunzipSync)(readFileBytes(file));
            }
            catch (error) {
                return { elements, error: `fichier gzip illisible (${shortError(error)})` };
            }
            for (let at = 0; at < inflated.length; at += SYNC_CHUNK)
                elements.push(...scanner.push(decoder.write(inflated.subarray(at, at + SYNC_CHUNK))));
        }
        else {
            const fd = (0, node_fs_1.openSync)(file, 'r');
            try {
                const buffer = Buffer.alloc(SYNC_CHUNK);
                for (;;) {
                    const read = (0, node_fs_1.readSync)(fd, buffer, 0, SYNC_CHUNK, null);
                    if (read === 0)
                        break;
                    elements.push(...scanner.push(decoder.write(buffer.subarray(0, read))));
                }
            }
            finally {
                (0, node_fs_1.closeSync)(fd);
            }
        }
        elements.push(...scanner.push(decoder.end()));
        scanner.end();
        return { elements, error: null };
    }
    catch (error) {
        return { elements, error: shortError(error) };
    }
}
function readFileBytes(file) {
    const size = (0, node_fs_1.statSync)(file).size;
    const fd = (0, node_fs_1.openSync)(file, 'r');
    try {
        const buffer = Buffer.alloc(size);
        let at = 0;
        while (at < size) {
            const read = (0, node_fs_1.readSync)(fd, buffer, at, size - at, at);
            if (read === 0)
                break;
            at += read;
        }
        return buffer.subarray(0, at);
    }
    finally {
        (0, node_fs_1.closeSync)(fd);
    }
}
//# sourceMappingURL=jsonArrayStream.js.map