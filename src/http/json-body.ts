import restify, { type Next, type Request, type RequestHandler, type Response } from 'restify';

/** Deepest nesting of arrays and objects accepted in a JSON body (an activity with cards needs a few dozen). */
export const MAX_JSON_DEPTH = 400;

export interface JsonBodyOptions {
  /** Largest body in bytes (413 beyond). */
  maxBytes: number;
  /** Deepest nesting accepted (400 beyond); default {@link MAX_JSON_DEPTH}. */
  maxDepth?: number;
  /** Sends a 4xx in the route's own error shape. */
  refuse: (res: Response, status: 400 | 415, message: string) => void;
}

/**
 * Reads and parses a JSON request body into `req.body`. The nesting depth is checked on the raw text before
 * parsing, so no deeply nested value ever reaches `JSON.parse` or any code that walks it recursively (which
 * would end in a stack overflow). A body of another type gets 415; an empty body leaves `req.body` undefined.
 */
export function jsonBody(options: JsonBodyOptions): RequestHandler[] {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  const read = restify.plugins.bodyReader({ maxBodySize: options.maxBytes });
  const parse = (req: Request, res: Response, next: Next) => {
    const raw = typeof req.body === 'string' ? req.body : Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    req.body = undefined;
    if (req.getContentLength() === 0 && !req.isChunked()) return next();
    if (!isJsonType(req.contentType())) {
      options.refuse(res, 415, 'Expected Content-Type: application/json');
      return next(false);
    }
    if (raw === '') return next();
    if (jsonDepthExceeds(raw, maxDepth)) {
      options.refuse(res, 400, `JSON nested deeper than ${maxDepth} levels`);
      return next(false);
    }
    try {
      req.body = JSON.parse(raw) as unknown;
    } catch {
      options.refuse(res, 400, 'Invalid JSON');
      return next(false);
    }
    return next();
  };
  return [read, parse];
}

/** `application/json` or any `+json` type. */
function isJsonType(type: string): boolean {
  return /^application\/(?:[\w.-]+\+)?json$/i.test(type.trim());
}

/**
 * Whether the arrays and objects of a JSON text nest deeper than `maxDepth`; brackets inside strings do not
 * count. One pass over the text, no recursion.
 */
export function jsonDepthExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}
