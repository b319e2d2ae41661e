"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_JSON_BODY_LIMITS = exports.JsonBodyLimitsSchema = void 0;
exports.readJsonBody = readJsonBody;
exports.parseJsonText = parseJsonText;
exports.isJsonUtf8 = isJsonUtf8;
exports.exceedsDepth = exceedsDepth;
exports.formatPath = formatPath;
const zod_1 = require("zod");
const errors_1 = require("./errors");
/**
 * Reads and parses a JSON request body ourselves instead of restify's bodyParser: that parser crashes the
 * process on a gzip body that is not gzip, accepts any content type, and has no limit on nesting.
 * Every refusal is an HttpProblem from the catalogue; nothing here throws for a client's mistake.
 */
exports.JsonBodyLimitsSchema = zod_1.z.object({
    /** Bytes of body accepted (413 above). */
    maxBytes: zod_1.z.number().int().positive(),
    /** Nesting of objects and arrays, counted from the top-level object (1). */
    maxDepth: zod_1.z.number().int().positive(),
    maxKeysPerObject: zod_1.z.number().int().positive(),
    maxItemsPerArray: zod_1.z.number().int().positive(),
    /** Every object, array, string, number, boolean and null counted once. */
    maxValues: zod_1.z.number().int().positive(),
});
exports.DEFAULT_JSON_BODY_LIMITS = Object.freeze({
    maxBytes: 256 * 1024,
    maxDepth: 32,
    maxKeysPerObject: 512,
    maxItemsPerArray: 2048,
    maxValues: 20_000,
});
/**
 * A refused upload is still read (and dropped) up to this multiple of the limit, so an ordinary client gets
 * its 413 instead of a reset connection; past it the connection is closed without reading the rest.
 */
const DRAIN_FACTOR = 4;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
async function readJsonBody(req, limits = exports.DEFAULT_JSON_BODY_LIMITS) {
    const headerProblem = checkHeaders(req, limits);
    if (headerProblem)
        return headerProblem;
    const raw = await readRawBody(req, limits.maxBytes);
    if (!raw.ok)
        return raw;
    return parseJsonText(raw.bytes, limits);
}
/** Parses bytes already read; exported for callers that get their body another way (and for tests). */
function parseJsonText(bytes, limits = exports.DEFAULT_JSON_BODY_LIMITS) {
    const refuse = (problem) => ({ ok: false, problem, bodyUnread: false });
    if (bytes.byteLength === 0)
        return refuse(new errors_1.HttpProblem('empty_body'));
    if (bytes.byteLength > limits.maxBytes)
        return refuse(new errors_1.HttpProblem('body_too_large', `The request body is larger than ${limits.maxBytes} bytes.`));
    let text;
    try {
        // fatal: invalid UTF-8 is refused rather than silently turned into U+FFFD; a leading BOM is dropped.
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        return refuse(new errors_1.HttpProblem('invalid_encoding'));
    }
    if (text.trim() === '')
        return refuse(new errors_1.HttpProblem('empty_body'));
    // Checked on the text first: a hostile body of 100,000 nested brackets is refused before it costs a parse.
    if (exceedsDepth(text, limits.maxDepth)) {
        return refuse(new errors_1.HttpProblem('too_deep', `The JSON body is nested more than ${limits.maxDepth} levels deep.`));
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        const reason = error instanceof SyntaxError ? error.message.slice(0, 160) : 'unreadable';
        return refuse(new errors_1.HttpProblem('invalid_json', `The request body is not valid JSON: ${reason}`));
    }
    const structureProblem = checkStructure(value, limits);
    return structureProblem ? refuse(structureProblem) : { ok: true, value };
}
function checkHeaders(req, limits) {
    const contentType = req.headers['content-type'];
    if (!contentType || !isJsonUtf8(contentType)) {
        return { ok: false, problem: new errors_1.HttpProblem('unsupported_media_type'), bodyUnread: true };
    }
    const encoding = req.headers['content-encoding']?.trim().toLowerCase();
    if (encoding && encoding !== 'identity') {
        return { ok: false, problem: new errors_1.HttpProblem('unsupported_encoding'), bodyUnread: true };
    }
    const declaredLength = Number(req.headers['content-length']);
    if (Number.isFinite(declaredLength) && declaredLength > limits.maxBytes * DRAIN_FACTOR) {
        return { ok: false, problem: tooLarge(limits.maxBytes), bodyUnread: true };
    }
    return undefined;
}
/** `application/json` or `application/something+json`, with no charset or a UTF-8 one. */
function isJsonUtf8(contentType) {
    const [mediaType = '', ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
    if (mediaType !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(mediaType))
        return false;
    for (const parameter of parameters) {
        const [name, rawValue = ''] = parameter.split('=').map((part) => part.trim());
        if (name === 'charset' && !['utf-8', 'utf8', '"utf-8"'].includes(rawValue))
            return false;
    }
    return true;
}
function tooLarge(maxBytes) {
    return new errors_1.HttpProblem('body_too_large', `The request body is larger than ${maxBytes} bytes.`);
}
function readRawBody(req, maxBytes) {
    return new Promise((resolve) => {
        const chunks = [];
        let received = 0;
        let settled = false;
        const finish = (result) => {
            if (settled)
                return;
            settled = true;
            req.off('data', onData);
            req.off('end', onEnd);
            req.off('error', onError);
            req.off('aborted', onAborted);
            req.off('close', onClose);
            if (!result.ok && result.bodyUnread)
                req.pause();
            resolve(result);
        };
        const onData = (chunk) => {
            received += chunk.length;
            if (received <= maxBytes)
                chunks.push(chunk);
            else if (received > maxBytes * DRAIN_FACTOR)
                finish({ ok: false, problem: tooLarge(maxBytes), bodyUnread: true });
        };
        const onEnd = () => {
            if (received > maxBytes)
                finish({ ok: false, problem: tooLarge(maxBytes), bodyUnread: false });
            else
                finish({ ok: true, bytes: Buffer.concat(chunks, received) });
        };
        const onError = () => finish({ ok: false, problem: new errors_1.HttpProblem('request_aborted'), bodyUnread: true });
        const onAborted = onError;
        // A socket closed before the body's end (client gone, Content-Length longer than what was sent).
        const onClose = () => {
            if (!req.complete)
                onError();
        };
        if (req.readableEnded) {
            finish({ ok: true, bytes: new Uint8Array(0) });
            return;
        }
        req.on('data', onData);
        req.on('end', onEnd);
        req.on('error', onError);
        req.on('aborted', onAborted);
        req.on('close', onClose);
    });
}
/** True when brackets outside strings nest deeper than maxDepth. */
function exceedsDepth(text, maxDepth) {
    let depth = 0;
    let inString = false;
    for (let index = 0; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (inString) {
            if (code === 0x5c /* \ */)
                index++;
            else if (code === 0x22 /* " */)
                inString = false;
        }
        else if (code === 0x22) {
            inString = true;
        }
        else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
            if (++depth > maxDepth)
                return true;
        }
        else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
            depth--;
        }
    }
    return false;
}
/**
 * Walks the parsed value once: sizes, reserved keys (a `__proto__` key from JSON.parse is an own property,
 * harmless until some library copies it with Object.assign and swaps an object's prototype), and strings
 * that are not well-formed Unicode (PostgreSQL and many clients reject lone surrogates).
 * Depth was already bounded on the text, so the recursion is shallow.
 */
function checkStructure(root, limits) {
    let values = 0;
    const path = [];
    const at = () => formatPath(path);
    const visit = (value) => {
        if (++values > limits.maxValues)
            return new errors_1.HttpProblem('too_many_values', `The body holds more than ${limits.maxValues} values.`);
        if (typeof value === 'string') {
            return LONE_SURROGATE.test(value) ? new errors_1.HttpProblem('invalid_unicode', undefined, at()) : undefined;
        }
        if (value === null || typeof value !== 'object')
            return undefined;
        if (Array.isArray(value)) {
            if (value.length > limits.maxItemsPerArray) {
                return new errors_1.HttpProblem('too_many_items', `An array has more than ${limits.maxItemsPerArray} items.`, at());
            }
            for (let index = 0; index < value.length; index++) {
                path.push(index);
                const problem = visit(value[index]);
                path.pop();
                if (problem)
                    return problem;
            }
            return undefined;
        }
        const keys = Object.keys(value);
        if (keys.length > limits.maxKeysPerObject) {
            return new errors_1.HttpProblem('too_many_keys', `An object has more than ${limits.maxKeysPerObject} keys.`, at());
        }
        for (const key of keys) {
            path.push(key);
            if (FORBIDDEN_KEYS.has(key)) {
                const problem = new errors_1.HttpProblem('forbidden_key', undefined, at());
                path.pop();
                return problem;
            }
            if (LONE_SURROGATE.test(key)) {
                const problem = new errors_1.HttpProblem('invalid_unicode', 'An object key is not well-formed Unicode.', formatPath(path.slice(0, -1)));
                path.pop();
                return problem;
            }
            const problem = visit(value[key]);
            path.pop();
            if (problem)
                return problem;
        }
        return undefined;
    };
    return visit(root);
}
/** `conversation.id`, `entities[2].type`: the field a client has to fix. Long or odd keys are cut short. */
function formatPath(path) {
    let out = '';
    for (const part of path) {
        if (typeof part === 'number')
            out += `[${part}]`;
        else {
            const name = String(part);
            const shown = /^[A-Za-z_$][\w$]{0,63}$/.test(name) ? name : JSON.stringify(name.slice(0, 64));
            out += out ? `.${shown}` : shown;
        }
    }
    return out || '(body)';
}
//# sourceMappingURL=jsonBody.js.map