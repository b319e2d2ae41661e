"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.StaticAsset = void 0;
exports.chooseEncoding = chooseEncoding;
exports.findPublicDir = findPublicDir;
exports.webChatBundlePath = webChatBundlePath;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const promises_1 = require("node:fs/promises");
const node_path_1 = __importDefault(require("node:path"));
const node_util_1 = require("node:util");
const node_zlib_1 = require("node:zlib");
const gzipAsync = (0, node_util_1.promisify)(node_zlib_1.gzip);
const brotliAsync = (0, node_util_1.promisify)(node_zlib_1.brotliCompress);
/** Below this size brotli is ready in milliseconds: the first request waits for it rather than getting gzip. */
const WAIT_FOR_BROTLI_BELOW = 256 * 1024;
class StaticAsset {
    spec;
    loaded;
    constructor(spec) {
        this.spec = spec;
    }
    /**
     * `extraHeaders`: headers that depend on the request (the demo page's policy names the host it was asked for).
     * `cacheControl`: this response's own, e.g. immutable when the bundle is asked for by its versioned address.
     */
    async serve(req, res, extraHeaders = {}, cacheControl = this.spec.cacheControl) {
        const asset = await this.load();
        const encoding = chooseEncoding(String(req.headers['accept-encoding'] ?? ''), asset.brotli !== null);
        const body = encoding === 'br' ? asset.brotli : encoding === 'gzip' ? asset.gzipped : asset.body;
        // One ETag a representation, as HTTP wants with Vary; a validator of any of them stands for the same content.
        const etag = `"${asset.digest}${encoding === 'identity' ? '' : `-${encoding}`}"`;
        const headers = {
            ...this.spec.headers,
            ...extraHeaders,
            'Content-Type': this.spec.contentType,
            'Cache-Control': cacheControl,
            ETag: etag,
            Vary: 'Accept-Encoding',
            'X-Content-Type-Options': 'nosniff',
        };
        if (matchesContent(req.headers['if-none-match'], asset.digest)) {
            res.writeHead(304, headers);
            res.end();
            return;
        }
        if (encoding !== 'identity')
            headers['Content-Encoding'] = encoding;
        headers['Content-Length'] = String(body.length);
        res.writeHead(200, headers);
        res.end(req.method === 'HEAD' ? undefined : body);
    }
    /** The content's hash (after the transform), 22 URL-safe characters: changes whenever the served content does. */
    async digest() {
        return (await this.load()).digest;
    }
    load() {
        this.loaded ??= (async () => {
            const raw = await (0, promises_1.readFile)(this.spec.file);
            const body = this.spec.transform ? Buffer.from(await this.spec.transform(raw.toString('utf8'))) : raw;
            const gzipped = await gzipAsync(body, { level: 9 });
            const digest = (0, node_crypto_1.createHash)('sha256').update(body).digest('base64url').slice(0, 22);
            const asset = { body, gzipped, brotli: null, digest };
            const compressing = compressedWithBrotli(digest, body).then((compressed) => {
                asset.brotli = compressed;
            });
            if (body.length < WAIT_FOR_BROTLI_BELOW)
                await compressing;
            return asset;
        })();
        // A failed read is retried on the next request rather than remembered.
        this.loaded.catch(() => {
            this.loaded = undefined;
        });
        return this.loaded;
    }
}
exports.StaticAsset = StaticAsset;
/**
 * Brotli of a content, by its hash, once for the whole process: several servers in one process (tests, benchmarks,
 * a restart of the HTTP layer) serve the same bundle without compressing it again. Null when brotli failed (out of
 * memory or the like): gzip goes on being served, which is correct, only larger.
 */
const brotliByDigest = new Map();
function compressedWithBrotli(digest, body) {
    let compressed = brotliByDigest.get(digest);
    if (!compressed) {
        compressed = brotliAsync(body, {
            params: {
                [node_zlib_1.constants.BROTLI_PARAM_QUALITY]: node_zlib_1.constants.BROTLI_MAX_QUALITY,
                [node_zlib_1.constants.BROTLI_PARAM_MODE]: node_zlib_1.constants.BROTLI_MODE_TEXT,
                [node_zlib_1.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
        }).catch(() => null);
        brotliByDigest.set(digest, compressed);
    }
    return compressed;
}
/**
 * The encoding to answer with, from the request's Accept-Encoding (RFC 9110 §12.5.3): the client's highest q-value
 * wins among what is ready, brotli before gzip on a tie; `q=0` refuses a coding; identity unless refused too (then it
 * is still sent: a 406 for a script would only break the page).
 */
function chooseEncoding(acceptEncoding, brotliReady) {
    const weights = new Map();
    for (const part of acceptEncoding.slice(0, 1024).split(',')) {
        const [name = '', ...params] = part.trim().toLowerCase().split(';');
        if (!name)
            continue;
        const q = params.map((param) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
        weights.set(name, q === undefined ? 1 : Number(q));
    }
    const weight = (coding) => weights.get(coding) ?? (weights.has('*') ? weights.get('*') : 0);
    const candidates = [
        ...(brotliReady ? [['br', weight('br')]] : []),
        ['gzip', weight('gzip')],
    ];
    const best = candidates.filter(([, q]) => q > 0).sort((a, b) => b[1] - a[1])[0];
    return best ? best[0] : 'identity';
}
/** Whether an If-None-Match names this content, in any of its encodings (or is `*`). */
function matchesContent(ifNoneMatch, digest) {
    if (!ifNoneMatch)
        return false;
    return ifNoneMatch
        .split(',')
        .map((tag) => tag.trim().replace(/^W\//, ''))
        .some((tag) => tag === '*' || tag === `"${digest}"` || tag === `"${digest}-br"` || tag === `"${digest}-gzip"`);
}
/** The project's `public/` folder, found from this file whether it runs from `src/` (tests) or `dist/src/` (build). */
function findPublicDir() {
    let dir = __dirname;
    for (;;) {
        const candidate = node_path_1.default.join(dir, 'public');
        if ((0, node_fs_1.existsSync)(node_path_1.default.join(candidate, 'widget.js')))
            return candidate;
        const parent = node_path_1.default.dirname(dir);
        if (parent === dir)
            throw new Error(`public/widget.js was not found above ${__dirname}`);
        dir = parent;
    }
}
/** Web Chat's full browser bundle (React and Adaptive Cards included), as shipped in the npm package. */
function webChatBundlePath() {
    return node_path_1.default.join(node_path_1.default.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}
//# sourceMappingURL=staticAssets.js.map