import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { IssuedToken } from '../channels/directline/directline-tokens.js';
import type { Logger } from '../logging/logger.js';
import { projectRoot } from '../shared/project-root.js';
import { staticFile } from './static-file.js';

/** The repository's `public/` folder (demo page, widget, styles). */
export const PUBLIC_DIR = join(projectRoot(), 'public');

/** Where the widget loads Web Chat from: this server, never a CDN. */
export const WEBCHAT_SCRIPT_PATH = '/webchat/webchat.js';

/** Route of the widget's token endpoint. */
export const WEBCHAT_TOKEN_PATH = '/api/webchat/token';

export interface WebChatRouteDependencies {
  /** Issues a token for a new conversation (self-hosted, or exchanged with Azure's Direct Line). */
  issueToken: () => Promise<IssuedToken & { domain?: string }>;
  office: { name: string; url: string };
  privacyUrl: string;
  logger: Logger;
  publicDir?: string;
}

/**
 * The web chat's HTTP surface: the token endpoint, the demo page `/`, the embeddable `/widget.js`, its
 * stylesheet and the Web Chat bundle from `node_modules`.
 */
export function mountWebChatRoutes(server: Server, deps: WebChatRouteDependencies): void {
  const publicDir = deps.publicDir ?? PUBLIC_DIR;
  const bundle = webChatBundle();
  const serverConfig = { privacyUrl: deps.privacyUrl, webChatScript: `${WEBCHAT_SCRIPT_PATH.slice(1)}?v=${bundle.version}` };
  const pagePlaceholders: Record<string, string> = {
    OFFICE_NAME: deps.office.name,
    OFFICE_URL: deps.office.url,
    PRIVACY_URL: deps.privacyUrl,
  };

  server.post(WEBCHAT_TOKEN_PATH, async (_req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    try {
      res.send(200, await deps.issueToken());
    } catch (error) {
      deps.logger.error({ err: error }, 'Could not issue a web chat token');
      res.send(502, { error: { code: 'TokenUnavailable', message: 'No chat token available right now.' } });
    }
  });

  server.get(
    '/',
    staticFile({
      path: join(publicDir, 'index.html'),
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'no-cache',
      transform: (text) => text.replace(/\{\{(\w+)\}\}/g, (all, key: string) => escapeHtml(pagePlaceholders[key] ?? all)),
      headers: {
        'Content-Security-Policy':
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
          "connect-src 'self' ws: wss: https://*.botframework.com; frame-ancestors 'self'; base-uri 'none'; form-action 'self'",
        'Referrer-Policy': 'strict-origin-when-cross-origin',
      },
    }),
  );
  server.get(
    '/widget.js',
    staticFile({
      path: join(publicDir, 'widget.js'),
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: 'public, max-age=300',
      // `<` escaped so configuration text can never close a script element.
      transform: (text) => text.replace('/*SERVER_CONFIG*/{}', JSON.stringify(serverConfig).replace(/</g, '\\u003c')),
    }),
  );
  server.get(
    '/widget.css',
    staticFile({ path: join(publicDir, 'widget.css'), contentType: 'text/css; charset=utf-8', cacheControl: 'public, max-age=300' }),
  );
  server.get(
    '/demo.css',
    staticFile({ path: join(publicDir, 'demo.css'), contentType: 'text/css; charset=utf-8', cacheControl: 'public, max-age=300' }),
  );
  if (bundle.path) {
    server.get(
      WEBCHAT_SCRIPT_PATH,
      staticFile({ path: bundle.path, contentType: 'text/javascript; charset=utf-8', cacheControl: 'public, max-age=604800' }),
    );
  } else {
    deps.logger.warn('botframework-webchat is not installed: the web chat widget cannot load (run npm ci)');
  }
}

/** The installed prebuilt Web Chat bundle (`dist/webchat.js`) and its version. */
function webChatBundle(): { path?: string; version: string } {
  try {
    const require = createRequire(import.meta.url);
    const root = join(dirname(require.resolve('botframework-webchat')), '..');
    const path = join(root, 'dist', 'webchat.js');
    const { version } = require(join(root, 'package.json')) as { version: string };
    return { path: existsSync(path) ? path : undefined, version };
  } catch {
    return { version: '0' };
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
