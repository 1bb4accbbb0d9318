import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/config.js';

describe('configuration', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.bot.appId).toBe('');
    expect(config.knowledgeDir).toMatch(/knowledge$/);
    expect(config.office.url).toMatch(/^https:\/\//);
  });

  it('keeps knowledge snapshots beside the data unless told otherwise, and none with "off"', () => {
    expect(loadConfig({ DATA_DIR: '/srv/ikz' }).knowledgeCacheDir).toBe('/srv/ikz/knowledge-cache');
    expect(loadConfig({ DATA_DIR: '/srv/ikz', KNOWLEDGE_CACHE_DIR: '/var/cache/ikz' }).knowledgeCacheDir).toBe('/var/cache/ikz');
    expect(loadConfig({ KNOWLEDGE_CACHE_DIR: 'off' }).knowledgeCacheDir).toBeUndefined();
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: ' ' }).port).toBe(3978);
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT: expected an integer port between 0 and 65535 \(0 = any free port\) \(got "abc"\)$/],
    [{ PORT: '70000' }, /PORT: expected an integer port/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL: expected one of fatal, error/],
    [{ MicrosoftAppType: 'Single' }, /MicrosoftAppType: expected one of MultiTenant, SingleTenant, UserAssignedMSI/],
    [{ MicrosoftAppId: 'abc' }, /MicrosoftAppPassword: expected a client secret/],
    [{ MicrosoftAppId: 'abc', MicrosoftAppPassword: 's', MicrosoftAppType: 'SingleTenant' }, /MicrosoftAppTenantId: expected the Entra tenant id/],
    [{ OFFICE_URL: 'beratungszentrum.hessen.de' }, /OFFICE_URL: expected an http\(s\) URL/],
    [{ OFFICE_EMAIL: 'kein-mail' }, /OFFICE_EMAIL: expected an e-mail address/],
  ])('stops with one clear line for %o', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
