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

  it('reads the advisor-channel allow-list and keeps the unsafe advisor option off by default', () => {
    expect(loadConfig({}).handoff).toMatchObject({ advisorChannelAllow: undefined, unsafeAllowUnauthenticatedAdvisors: false });
    expect(
      loadConfig({
        ADVISOR_CHANNEL_ALLOW: ' tenant:6F1C2D3E-1111-2222-3333-444455556666, team:19:t@thread.tacv2 ,channel:19:c@thread.tacv2',
      }).handoff.advisorChannelAllow,
    ).toEqual({
      tenants: ['6f1c2d3e-1111-2222-3333-444455556666'],
      teams: ['19:t@thread.tacv2'],
      channels: ['19:c@thread.tacv2'],
    });
    expect(loadConfig({ UNSAFE_ALLOW_UNAUTHENTICATED_ADVISORS: 'true' }).handoff.unsafeAllowUnauthenticatedAdvisors).toBe(true);
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
    [
      { MicrosoftAppId: 'abc', MicrosoftAppPassword: 's', MicrosoftAppType: 'SingleTenant' },
      /MicrosoftAppTenantId: expected the Entra tenant id/,
    ],
    [{ OFFICE_URL: 'beratungszentrum.hessen.de' }, /OFFICE_URL: expected an http\(s\) URL/],
    [{ OFFICE_EMAIL: 'kein-mail' }, /OFFICE_EMAIL: expected an e-mail address/],
    [
      { ADVISOR_CHANNEL_ALLOW: 'channel:beratung' },
      /ADVISOR_CHANNEL_ALLOW: "channel:beratung" is not tenant:<tenant GUID>, team:<19:… team id> or channel:<19:… channel id>/,
    ],
    [
      { ADVISOR_CHANNEL_ALLOW: 'tenant:6f1c2d3e-1111-2222-3333-444455556666' },
      /ADVISOR_CHANNEL_ALLOW: name at least one team:<19:… id> or channel:<19:… id>/,
    ],
    [{ UNSAFE_ALLOW_UNAUTHENTICATED_ADVISORS: 'yes' }, /UNSAFE_ALLOW_UNAUTHENTICATED_ADVISORS: expected true or false/],
    [
      { UNSAFE_ALLOW_UNAUTHENTICATED_ADVISORS: 'true', MicrosoftAppId: 'abc', MicrosoftAppPassword: 's' },
      /UNSAFE_ALLOW_UNAUTHENTICATED_ADVISORS: only for local anonymous mode/,
    ],
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
