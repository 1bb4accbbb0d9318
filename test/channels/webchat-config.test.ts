import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('web chat configuration', () => {
  it('has safe defaults: secret kept in DATA_DIR, 30-minute tokens, 1,000 conversations, same origin only, privacy link to the office site', () => {
    const { webChat, office } = loadConfig({});
    expect(webChat).toEqual({
      tokenSecret: '',
      tokenTtlSeconds: 1800,
      maxConversations: 1000,
      corsOrigins: [],
      privacyUrl: office.url,
      directLineSecret: '',
      directLineDomain: 'https://directline.botframework.com/v3/directline',
    });
  });

  it('reads every variable', () => {
    const { webChat } = loadConfig({
      DIRECT_LINE_TOKEN_SECRET: 'x'.repeat(40),
      DIRECT_LINE_TOKEN_TTL_SECONDS: '3600',
      DIRECT_LINE_MAX_CONVERSATIONS: '250',
      CORS_ORIGINS: ' https://www.Example-Kommune.de/ , http://localhost:8080',
      PRIVACY_URL: 'https://www.example.de/datenschutz',
      DIRECT_LINE_SECRET: 'azure',
      DIRECT_LINE_DOMAIN: 'https://europe.directline.botframework.com/v3/directline/',
    });
    expect(webChat).toEqual({
      tokenSecret: 'x'.repeat(40),
      tokenTtlSeconds: 3600,
      maxConversations: 250,
      corsOrigins: ['https://www.example-kommune.de', 'http://localhost:8080'],
      privacyUrl: 'https://www.example.de/datenschutz',
      directLineSecret: 'azure',
      directLineDomain: 'https://europe.directline.botframework.com/v3/directline',
    });
  });

  it.each([
    [
      { DIRECT_LINE_TOKEN_SECRET: 'too-short' },
      /^Invalid configuration: DIRECT_LINE_TOKEN_SECRET: expected at least 32 characters.* \(got "\*\*\*"\)$/,
    ],
    [{ DIRECT_LINE_TOKEN_TTL_SECONDS: '60' }, /DIRECT_LINE_TOKEN_TTL_SECONDS: expected a whole number of seconds between 1200 and 86400/],
    [{ DIRECT_LINE_MAX_CONVERSATIONS: '0' }, /DIRECT_LINE_MAX_CONVERSATIONS: expected a whole number of conversations/],
    [{ CORS_ORIGINS: 'https://ok.de,www.ohne-schema.de' }, /CORS_ORIGINS: expected a comma-separated list of origins/],
    [{ CORS_ORIGINS: 'https://ok.de/pfad' }, /CORS_ORIGINS: expected a comma-separated list/],
    [{ PRIVACY_URL: 'javascript:alert(1)' }, /PRIVACY_URL: expected an http\(s\) URL/],
  ])('stops with one clear line for %o (never echoing a secret)', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('too-short');
  });
});
