"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AzureTokenClient = exports.AzureTokenError = exports.AzureTokenResponseSchema = exports.AZURE_DIRECT_LINE_BASE_URL = void 0;
const zod_1 = require("zod");
const tokens_1 = require("./tokens");
/**
 * Exchanges the Azure Direct Line secret for a conversation token, server side, so that the secret never
 * reaches the browser. The widget then talks to Azure with that token.
 */
exports.AZURE_DIRECT_LINE_BASE_URL = 'https://directline.botframework.com';
exports.AzureTokenResponseSchema = zod_1.z.object({
    conversationId: zod_1.z.string().min(1).max(256),
    token: zod_1.z.string().min(1).max(8192),
    expires_in: zod_1.z.number().int().positive(),
});
class AzureTokenError extends Error {
    constructor(message) {
        super(message);
        this.name = 'AzureTokenError';
    }
}
exports.AzureTokenError = AzureTokenError;
class AzureTokenClient {
    baseUrl;
    secret;
    timeoutMs;
    constructor(options) {
        this.secret = options.secret;
        this.baseUrl = (options.baseUrl ?? exports.AZURE_DIRECT_LINE_BASE_URL).replace(/\/+$/, '');
        this.timeoutMs = options.timeoutMs ?? 10_000;
    }
    /** The Direct Line domain the widget must talk to with the tokens this client gets. */
    get domain() {
        return `${this.baseUrl}/v3/directline`;
    }
    async generateToken() {
        const userId = (0, tokens_1.newUserId)();
        let response;
        try {
            response = await fetch(`${this.domain}/tokens/generate`, {
                method: 'POST',
                headers: { Authorization: `Bearer ${this.secret}`, 'Content-Type': 'application/json' },
                body: JSON.stringify({ user: { id: userId } }),
                signal: AbortSignal.timeout(this.timeoutMs),
            });
        }
        catch (error) {
            // The cause names the network failure; the request itself (with the secret) is never part of it.
            throw new AzureTokenError(`Azure Direct Line could not be reached: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (!response.ok) {
            throw new AzureTokenError(`Azure Direct Line refused the token request with HTTP ${response.status}.`);
        }
        let body;
        try {
            body = await response.json();
        }
        catch {
            throw new AzureTokenError('Azure Direct Line answered with a body that is not JSON.');
        }
        const parsed = exports.AzureTokenResponseSchema.safeParse(body);
        if (!parsed.success)
            throw new AzureTokenError(`Azure Direct Line answered with an unexpected body: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
        return { ...parsed.data, userId };
    }
}
exports.AzureTokenClient = AzureTokenClient;
//# sourceMappingURL=azureTokens.js.map