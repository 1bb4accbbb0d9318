import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DirectLineTokens, TokenError } from '../../src/channels/directline/directline-tokens.js';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256!';

describe('Direct Line tokens', () => {
  it('binds a new token to one new conversation and a dl_ user, and verifies it', async () => {
    const tokens = new DirectLineTokens(SECRET, 1800);
    const issued = await tokens.issueForNewConversation();
    expect(issued.expires_in).toBe(1800);
    expect(issued.conversationId).toMatch(/^[A-Za-z0-9]{20,}$/);
    const claims = await tokens.verify(issued.token);
    expect(claims.conversationId).toBe(issued.conversationId);
    expect(claims.userId).toMatch(/^dl_[0-9a-f]{24}$/);
    expect(tokens.secondsLeft(claims)).toBeGreaterThan(1790);
    const other = await tokens.issueForNewConversation();
    expect(other.conversationId).not.toBe(issued.conversationId);
  });

  it('refuses an expired token as expired', async () => {
    let now = Date.parse('2026-01-01T10:00:00Z');
    const tokens = new DirectLineTokens(SECRET, 1800, () => now);
    const { token } = await tokens.issueForNewConversation();
    now += 1799_000;
    await expect(tokens.verify(token)).resolves.toBeDefined();
    now += 2_000;
    await expect(tokens.verify(token)).rejects.toMatchObject({ reason: 'expired' });
  });

  it.each([
    ['garbage', async () => 'not-a-token'],
    [
      'another secret',
      async () => (await new DirectLineTokens('another-secret-that-is-also-long-enough', 1800).issueForNewConversation()).token,
    ],
    [
      'alg none',
      async () => {
        const { token } = await new DirectLineTokens(SECRET, 1800).issueForNewConversation();
        const [, payload] = token.split('.');
        return `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
      },
    ],
    [
      'a tampered conversation',
      async () => {
        const { token } = await new DirectLineTokens(SECRET, 1800).issueForNewConversation();
        const [header, payload, signature] = token.split('.');
        const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
        const forged = Buffer.from(JSON.stringify({ ...claims, conv: 'someone-else' })).toString('base64url');
        return `${header}.${forged}.${signature}`;
      },
    ],
    [
      'a foreign audience',
      async () =>
        new SignJWT({ conv: 'c', user: 'dl_x' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer('ikz-assistent')
          .setAudience('somewhere-else')
          .setExpirationTime('10m')
          .sign(new TextEncoder().encode(SECRET)),
    ],
  ])('refuses %s as invalid', async (_name, make) => {
    const error = await new DirectLineTokens(SECRET, 1800).verify(await make()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).reason).toBe('invalid');
  });
});
