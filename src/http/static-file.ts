import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'restify';

/** A file served from memory: read once (again when it changes on disk), with ETag and a gzip variant. */
export interface StaticFileOptions {
  path: string;
  contentType: string;
  cacheControl: string;
  /** Rewrites the file's text before it is served (placeholders for configuration). */
  transform?: (text: string) => string;
  /** Extra response headers (security headers of a page). */
  headers?: Record<string, string>;
}

interface Loaded {
  mtimeMs: number;
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

/**
 * A restify handler for one file. Compressed once in memory, so even the 4 MB Web Chat bundle costs a
 * single gzip per process; answers `If-None-Match` with 304.
 */
export function staticFile(options: StaticFileOptions) {
  let cache: Promise<Loaded> | undefined;

  const load = async (): Promise<Loaded> => {
    const { mtimeMs } = await stat(options.path);
    const cached = cache ? await cache.catch(() => undefined) : undefined;
    if (cached && cached.mtimeMs === mtimeMs) return cached;
    cache = (async () => {
      const raw = await readFile(options.path);
      const body = options.transform ? Buffer.from(options.transform(raw.toString('utf8')), 'utf8') : raw;
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      return { mtimeMs, body, gzip: gzipSync(body), etag };
    })();
    return cache;
  };

  return async (req: Request, res: Response): Promise<void> => {
    let file: Loaded;
    try {
      file = await load();
    } catch {
      res.send(404, { error: 'Not found' });
      return;
    }
    const headers: Record<string, string> = {
      'Content-Type': options.contentType,
      'Cache-Control': options.cacheControl,
      ETag: file.etag,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
      ...options.headers,
    };
    if (req.header('if-none-match') === file.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const gzip = /\bgzip\b/.test(req.header('accept-encoding') ?? '');
    const body = gzip ? file.gzip : file.body;
    res.writeHead(200, { ...headers, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}), 'Content-Length': String(body.length) });
    res.end(body);
  };
}
