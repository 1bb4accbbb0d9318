import { randomBytes } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';

/** What a Direct Line token of this channel grants: one conversation, as one user. */
export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** Expiry as seconds since the epoch. */
  expiresAt: number;
  /** When the first token of this conversation was issued (seconds since the epoch); renewals keep it. */
  chainStartedAt: number;
}

/** A signed token and its lifetime, as Direct Line's `tokens/generate` and `tokens/refresh` answer. */
export interface IssuedToken {
  conversationId: string;
  token: string;
  expires_in: number;
}

/** Why a token was refused: `expired`, or `invalid` (forged, malformed, wrong audience…). Both mean 401. */
export class TokenError extends Error {
  override name = 'TokenError';
  constructor(readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'Token expired' : 'Invalid token');
  }
}

const ISSUER = 'ikz-assistent';
const AUDIENCE = 'ikz-assistent/directline';

/** Longest time a conversation's tokens can be renewed for, counted from its first token (a working day and more). */
export const DEFAULT_MAX_TOKEN_CHAIN_SECONDS = 24 * 60 * 60;

/**
 * Issues and checks the short-lived HS256 tokens of the self-hosted Direct Line channel. A token names one
 * conversation (`conv`) and one user (`user`, which Web Chat reads as its user id), so it opens exactly that
 * conversation and nothing else. Renewed tokens carry the time of the conversation's first token (`chain`),
 * so a chain of renewals ends after `maxChainSeconds`.
 */
export class DirectLineTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string | Uint8Array,
    readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
    readonly maxChainSeconds: number = DEFAULT_MAX_TOKEN_CHAIN_SECONDS,
  ) {
    this.key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  }

  /** A token for a new conversation with a new user id. */
  issueForNewConversation(): Promise<IssuedToken> {
    const issuedAt = Math.floor(this.now() / 1000);
    return this.sign({ conversationId: newConversationId(), userId: newUserId(), chainStartedAt: issuedAt }, issuedAt + this.ttlSeconds);
  }

  /**
   * A fresh token for the same conversation and user (refresh, reconnect). It never outlives the
   * conversation (`conversationExpiresAt`, seconds since the epoch) nor the chain's maximum age;
   * `undefined` when nothing of either is left.
   */
  async renew(claims: TokenClaims, conversationExpiresAt: number): Promise<IssuedToken | undefined> {
    const now = Math.floor(this.now() / 1000);
    const expiresAt = Math.min(now + this.ttlSeconds, claims.chainStartedAt + this.maxChainSeconds, Math.floor(conversationExpiresAt));
    if (expiresAt <= now) return undefined;
    return this.sign(claims, expiresAt);
  }

  private async sign({ conversationId, userId, chainStartedAt }: Omit<TokenClaims, 'expiresAt'>, expiresAt: number): Promise<IssuedToken> {
    const issuedAt = Math.floor(this.now() / 1000);
    const token = await new SignJWT({ conv: conversationId, user: userId, chain: chainStartedAt })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setJti(randomBytes(9).toString('base64url')) // every token differs, even two in the same second
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { conversationId, token, expires_in: expiresAt - issuedAt };
  }

  /** Checks signature, issuer, audience and expiry; throws {@link TokenError} otherwise. */
  async verify(token: string): Promise<TokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(this.now()),
        clockTolerance: 0,
      });
      const { conv, user, exp, iat, chain } = payload as { conv?: unknown; user?: unknown; exp?: number; iat?: number; chain?: unknown };
      if (typeof conv !== 'string' || typeof user !== 'string' || typeof exp !== 'number') throw new TokenError('invalid');
      // Tokens from before chains were recorded count from their own issue time.
      const chainStartedAt = typeof chain === 'number' ? chain : (iat ?? exp - this.ttlSeconds);
      return { conversationId: conv, userId: user, expiresAt: exp, chainStartedAt };
    } catch (error) {
      if (error instanceof TokenError) throw error;
      if (error instanceof errors.JWTExpired) throw new TokenError('expired');
      throw new TokenError('invalid');
    }
  }

  /** Seconds until a token with these claims expires (never negative). */
  secondsLeft(claims: TokenClaims): number {
    return Math.max(0, claims.expiresAt - Math.floor(this.now() / 1000));
  }
}

/** A random 32-byte secret for a process without `DIRECT_LINE_TOKEN_SECRET` (tokens die with the process). */
export function randomTokenSecret(): Uint8Array {
  return new Uint8Array(randomBytes(32));
}

/** An unguessable conversation id (URL-safe, 26 characters). */
export function newConversationId(): string {
  return randomBytes(18).toString('base64url').replace(/[-_]/g, 'x') + 'dl';
}

/** A user id in Direct Line's reserved `dl_` form, which Web Chat takes from the token. */
export function newUserId(): string {
  return `dl_${randomBytes(12).toString('hex')}`;
}
