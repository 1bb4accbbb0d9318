import { randomBytes } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';

/** What a Direct Line token of this channel grants: one conversation, as one user. */
export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** Expiry as seconds since the epoch. */
  expiresAt: number;
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

/**
 * Issues and checks the short-lived HS256 tokens of the self-hosted Direct Line channel. A token names one
 * conversation (`conv`) and one user (`user`, which Web Chat reads as its user id), so it opens exactly that
 * conversation and nothing else.
 */
export class DirectLineTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string | Uint8Array,
    readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  }

  /** A token for a new conversation with a new user id. */
  issueForNewConversation(): Promise<IssuedToken> {
    return this.issue({ conversationId: newConversationId(), userId: newUserId() });
  }

  /** A token (valid for the full lifetime from now) for the given conversation and user. */
  async issue({ conversationId, userId }: Omit<TokenClaims, 'expiresAt'>): Promise<IssuedToken> {
    const issuedAt = Math.floor(this.now() / 1000);
    const token = await new SignJWT({ conv: conversationId, user: userId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setJti(randomBytes(9).toString('base64url')) // every token differs, even two in the same second
      .setExpirationTime(issuedAt + this.ttlSeconds)
      .sign(this.key);
    return { conversationId, token, expires_in: this.ttlSeconds };
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
      const { conv, user, exp } = payload as { conv?: unknown; user?: unknown; exp?: number };
      if (typeof conv !== 'string' || typeof user !== 'string' || typeof exp !== 'number') throw new TokenError('invalid');
      return { conversationId: conv, userId: user, expiresAt: exp };
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
