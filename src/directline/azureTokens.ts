import { z } from 'zod';
import { newUserId } from './tokens';

/**
 * Exchanges the Azure Direct Line secret for a conversation token, server side, so that the secret never
 * reaches the browser. The widget then talks to Azure with that token.
 */

export const AZURE_DIRECT_LINE_BASE_URL = 'https://directline.botframework.com';

export const AzureTokenResponseSchema = z.object({
  conversationId: z.string().min(1).max(256),
  token: z.string().min(1).max(8192),
  expires_in: z.number().int().positive(),
});
export type AzureTokenResponse = z.output<typeof AzureTokenResponseSchema>;

export class AzureTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AzureTokenError';
  }
}

export interface AzureTokenClientOptions {
  secret: string;
  /** Azure's Direct Line host (a regional one, or a local stand-in in tests). */
  baseUrl?: string;
  timeoutMs?: number;
}

export class AzureTokenClient {
  readonly baseUrl: string;
  private readonly secret: string;
  private readonly timeoutMs: number;

  constructor(options: AzureTokenClientOptions) {
    this.secret = options.secret;
    this.baseUrl = (options.baseUrl ?? AZURE_DIRECT_LINE_BASE_URL).replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** The Direct Line domain the widget must talk to with the tokens this client gets. */
  get domain(): string {
    return `${this.baseUrl}/v3/directline`;
  }

  async generateToken(): Promise<AzureTokenResponse & { userId: string }> {
    const userId = newUserId();
    let response: Response;
    try {
      response = await fetch(`${this.domain}/tokens/generate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      // The cause names the network failure; the request itself (with the secret) is never part of it.
      throw new AzureTokenError(`Azure Direct Line could not be reached: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) {
      throw new AzureTokenError(`Azure Direct Line refused the token request with HTTP ${response.status}.`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new AzureTokenError('Azure Direct Line answered with a body that is not JSON.');
    }
    const parsed = AzureTokenResponseSchema.safeParse(body);
    if (!parsed.success) throw new AzureTokenError(`Azure Direct Line answered with an unexpected body: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
    return { ...parsed.data, userId };
  }
}
