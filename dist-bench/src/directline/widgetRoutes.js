"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.WEB_CHAT_PATH_PLACEHOLDER = exports.WIDGET_TOKEN_PATH = void 0;
exports.registerWidget = registerWidget;
exports.demoPageHeaders = demoPageHeaders;
const node_path_1 = __importDefault(require("node:path"));
const config_1 = require("../config/config");
const azureTokens_1 = require("./azureTokens");
const directLineEndpoint_1 = require("./directLineEndpoint");
const httpUtils_1 = require("./httpUtils");
const limits_1 = require("./limits");
const rateLimiter_1 = require("./rateLimiter");
const staticAssets_1 = require("./staticAssets");
/**
 * The website widget: the demo page, the embeddable script and its styles, Web Chat's bundle served from
 * this server, and the token route the widget calls first. With DIRECT_LINE_SECRET the route exchanges the
 * secret at Azure and the widget talks to Azure; without it the token is for the built-in endpoint.
 */
exports.WIDGET_TOKEN_PATH = '/api/widget/token';
/** Where widget.js names Web Chat's bundle; replaced, as it is served, by the bundle's versioned address. */
exports.WEB_CHAT_PATH_PLACEHOLDER = '{{WEB_CHAT_PATH}}';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const WEB_CHAT_CACHE_CONTROL = 'public, max-age=86400';
/** "vendor/webchat.<hash of its content>.js", relative to widget.js's own address. */
async function versionedWebChatPath(webChat) {
    return `vendor/webchat.${await webChat.digest()}.js`;
}
function registerWidget(server, options) {
    const registered = (0, directLineEndpoint_1.directLineEndpointOf)(server);
    const directLine = options.directLine ?? registered?.endpoint;
    const baseLog = options.log ?? registered?.log;
    if (!directLine || !baseLog) {
        throw new Error('registerWidget needs the built-in Direct Line endpoint: call registerDirectLine on the same server first (or pass directLine and log)');
    }
    const log = baseLog.child({ module: 'widget' });
    const publicDir = (0, staticAssets_1.findPublicDir)();
    const publicUrl = options.publicUrl.replace(/\/+$/, '');
    const azure = options.directLineSecret ? new azureTokens_1.AzureTokenClient({ secret: options.directLineSecret, baseUrl: options.azureBaseUrl }) : undefined;
    const limiter = new rateLimiter_1.RateLimiter(options.tokenRateLimit ?? limits_1.DEFAULT_DIRECT_LINE_LIMITS.tokenGenerate, options.now);
    const trustProxy = options.trustProxy ?? registered?.trustProxy ?? config_1.TRUST_NO_PROXY;
    // Other sites load the script and styles, possibly from pages that isolate themselves (COEP).
    const embeddable = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };
    const page = new staticAssets_1.StaticAsset({
        file: node_path_1.default.join(publicDir, 'index.html'),
        contentType: 'text/html; charset=utf-8',
        cacheControl: 'no-cache',
        transform: (html) => html.replaceAll('{{PUBLIC_URL}}', escapeHtml(publicUrl)),
    });
    // Web Chat's bundle is asked for by an address that names its content (vendor/webchat.<hash>.js), so browsers keep it
    // for a year without asking again; widget.js, which names that address, stays short-lived so an upgrade reaches
    // every site within minutes.
    const webChat = new staticAssets_1.StaticAsset({
        file: (0, staticAssets_1.webChatBundlePath)(),
        contentType: 'text/javascript; charset=utf-8',
        cacheControl: WEB_CHAT_CACHE_CONTROL,
        headers: embeddable,
    });
    const script = new staticAssets_1.StaticAsset({
        file: node_path_1.default.join(publicDir, 'widget.js'),
        contentType: 'text/javascript; charset=utf-8',
        cacheControl: 'public, max-age=300',
        headers: embeddable,
        transform: async (source) => source.replaceAll(exports.WEB_CHAT_PATH_PLACEHOLDER, await versionedWebChatPath(webChat)),
    });
    const styles = new staticAssets_1.StaticAsset({
        file: node_path_1.default.join(publicDir, 'widget.css'),
        contentType: 'text/css; charset=utf-8',
        cacheControl: 'public, max-age=300',
        headers: embeddable,
    });
    const demoStyles = new staticAssets_1.StaticAsset({
        file: node_path_1.default.join(publicDir, 'demo.css'),
        contentType: 'text/css; charset=utf-8',
        cacheControl: 'public, max-age=300',
    });
    const serveAsset = (asset, headersFor, cacheControl) => async (req, res) => {
        try {
            await asset.serve(req, res, headersFor?.(req), cacheControl);
        }
        catch (error) {
            log.error({ err: error, url: req.url }, 'widget asset could not be served');
            (0, httpUtils_1.sendProblem)(res, new httpUtils_1.HttpProblem(500, 'ServiceError', 'The file could not be read.'));
        }
    };
    server.get('/', serveAsset(page, (req) => demoPageHeaders(req, publicUrl)));
    server.get('/demo.css', serveAsset(demoStyles));
    server.get('/widget.js', serveAsset(script));
    server.get('/widget.css', serveAsset(styles));
    // The unversioned address, for pages that still have an older widget.js: a day, as before.
    server.get('/vendor/webchat.js', serveAsset(webChat));
    server.get('/vendor/:file', async (req, res) => {
        const asked = /^webchat\.([A-Za-z0-9_-]{22})\.js$/.exec(String(req.params?.file ?? ''));
        if (!asked) {
            (0, httpUtils_1.sendProblem)(res, new httpUtils_1.HttpProblem(404, 'NotFound', 'No such file.'));
            return;
        }
        // An address from before an upgrade (a widget.js cached for its five minutes) gets today's bundle, but not for a
        // year: under that address it would otherwise stay the new content for good.
        const current = await webChat.digest().catch(() => null);
        const cacheControl = asked[1] === current ? IMMUTABLE : 'public, max-age=300';
        await serveAsset(webChat, undefined, cacheControl)(req, res);
    });
    server.opts(exports.WIDGET_TOKEN_PATH, async (req, res) => (0, httpUtils_1.sendPreflight)(req, res));
    server.post(exports.WIDGET_TOKEN_PATH, async (req, res) => {
        (0, httpUtils_1.applyCors)(req, res);
        const rate = limiter.take(`ip:${(0, httpUtils_1.addressKey)((0, httpUtils_1.clientAddress)(req, trustProxy))}`);
        if (!rate.allowed) {
            (0, httpUtils_1.sendProblem)(res, new httpUtils_1.HttpProblem(429, 'TooManyRequests', 'Too many requests; slow down.', { 'Retry-After': String(rate.retryAfterSeconds) }));
            return;
        }
        // The body, if any, means nothing here; drain it so the connection can be reused.
        req.resume();
        if (!azure) {
            // Relative, so the widget resolves it against its own URL: right behind a proxy or on another port.
            const grant = { ...directLine.generateToken(), domain: directLineEndpoint_1.DIRECT_LINE_BASE_PATH.slice(1) };
            (0, httpUtils_1.sendJson)(res, 200, grant);
            return;
        }
        try {
            const azureGrant = await azure.generateToken();
            const grant = {
                token: azureGrant.token,
                conversationId: azureGrant.conversationId,
                expires_in: azureGrant.expires_in,
                domain: azure.domain,
            };
            (0, httpUtils_1.sendJson)(res, 200, grant);
        }
        catch (error) {
            log.error({ err: error }, 'Azure Direct Line token exchange failed');
            (0, httpUtils_1.sendProblem)(res, new httpUtils_1.HttpProblem(502, 'ServiceError', 'The chat service could not give a token.'));
        }
    });
}
/**
 * The demo page's policy: only this server's scripts (no inline script, no eval), its own styles plus the
 * inline ones Web Chat inserts at run time (its CSS-in-JS), images from here, data: and blob: URLs, and connections
 * to here over HTTP and WebSocket. The page may not be framed (`frame-ancestors 'none'`): sites embed the
 * widget by its script, never the page. No referrer leaves the page: what a parent reads is nobody's business.
 */
function demoPageHeaders(req, publicUrl) {
    const hosts = new Set([new URL(publicUrl).host]);
    const requested = req.headers.host;
    if (requested && /^[A-Za-z0-9.[\]:-]{1,255}$/.test(requested))
        hosts.add(requested);
    const sockets = [...hosts].flatMap((host) => [`ws://${host}`, `wss://${host}`]);
    const policy = [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        // Web Chat draws some of its icons as blob: images it makes itself.
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        `connect-src 'self' ${sockets.join(' ')}`,
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ].join('; ');
    return {
        'Content-Security-Policy': policy,
        'Referrer-Policy': 'no-referrer',
        'X-Frame-Options': 'DENY',
    };
}
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
//# sourceMappingURL=widgetRoutes.js.map