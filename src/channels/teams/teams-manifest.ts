/** What `teams:package` fills into the manifest template. */
export interface TeamsPackageValues {
  /** The bot's Microsoft App ID (Entra app registration), a GUID. */
  appId: string;
  /** Package version (`x.y.z`). */
  version: string;
  websiteUrl: string;
  privacyUrl: string;
  /** Host names the app may open, e.g. the bot's public host. */
  validDomains: string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Thrown when the values cannot make a valid package; the message names the setting. */
export class TeamsPackageError extends Error {
  override name = 'TeamsPackageError';
}

/**
 * Fills the manifest template (`appPackage/manifest.json`) with the bot id, version, URLs and valid
 * domains (pure). The same id serves as Teams app id, bot id and message-extension bot id.
 *
 * @example
 * ```ts
 * const manifest = fillTeamsManifest(template, { appId, version: '1.0.0', websiteUrl, privacyUrl, validDomains: ['bot.example.de'] });
 * ```
 */
export function fillTeamsManifest(template: TeamsManifestTemplate, values: TeamsPackageValues): TeamsManifestTemplate {
  if (!GUID.test(values.appId)) {
    throw new TeamsPackageError(`MicrosoftAppId must be the bot's app id (a GUID) to build the Teams package (got "${values.appId}")`);
  }
  if (!/^\d+\.\d+\.\d+$/.test(values.version)) throw new TeamsPackageError(`version must look like 1.2.3 (got "${values.version}")`);
  const domains = [...new Set([...values.validDomains, ...template.validDomains].map((d) => d.trim().toLowerCase()).filter(Boolean))];
  for (const domain of domains) {
    if (!/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain))
      throw new TeamsPackageError(`TEAMS_VALID_DOMAINS: "${domain}" is not a host name`);
  }
  return {
    ...template,
    id: values.appId,
    version: values.version,
    developer: { ...template.developer, websiteUrl: values.websiteUrl, privacyUrl: values.privacyUrl, termsOfUseUrl: values.websiteUrl },
    bots: template.bots.map((bot) => ({ ...bot, botId: values.appId })),
    composeExtensions: template.composeExtensions.map((extension) => ({ ...extension, botId: values.appId })),
    validDomains: domains,
  };
}

/** The parts of the manifest template this code touches (the rest passes through unchanged). */
export interface TeamsManifestTemplate {
  id: string;
  version: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  bots: Array<{ botId: string } & Record<string, unknown>>;
  composeExtensions: Array<{ botId: string } & Record<string, unknown>>;
  validDomains: string[];
  [key: string]: unknown;
}
