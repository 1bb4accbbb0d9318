import { newUserId, type IssuedToken } from './directline-tokens.js';

/** A token from Azure Bot Service's Direct Line, plus the endpoint the widget must then talk to. */
export interface AzureIssuedToken extends IssuedToken {
  domain: string;
}

/** Thrown when Azure's Direct Line does not hand out a token (network, secret, outage). */
export class AzureTokenError extends Error {
  override name = 'AzureTokenError';
}

/**
 * Exchanges the Azure Bot Service Direct Line secret for a conversation token on the server, so the secret
 * never reaches a browser (`POST {domain}/tokens/generate`).
 */
export class AzureDirectLineTokens {
  constructor(
    private readonly secret: string,
    /** For example `https://europe.directline.botframework.com/v3/directline`. */
    private readonly domain: string,
    private readonly fetchFn: typeof fetch = fetch,
    private readonly timeoutMs = 10_000,
  ) {}

  async issueForNewConversation(): Promise<AzureIssuedToken> {
    let response: Response;
    try {
      response = await this.fetchFn(`${this.domain}/tokens/generate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.secret}`, 'content-type': 'application/json' },
        // A `dl_` user id inside the token: Web Chat takes it from there and nobody can pose as another user.
        body: JSON.stringify({ user: { id: newUserId() } }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new AzureTokenError(`Direct Line tokens/generate unreachable: ${(error as Error).message}`);
    }
    if (!response.ok) throw new AzureTokenError(`Direct Line tokens/generate answered HTTP ${response.status}`);
    const body = (await response.json().catch(() => undefined)) as Partial<IssuedToken> | undefined;
    if (!body || typeof body.token !== 'string' || typeof body.conversationId !== 'string') {
      throw new AzureTokenError('Direct Line tokens/generate answered without a token');
    }
    return {
      conversationId: body.conversationId,
      token: body.token,
      expires_in: typeof body.expires_in === 'number' ? body.expires_in : 1800,
      domain: this.domain,
    };
  }
}
