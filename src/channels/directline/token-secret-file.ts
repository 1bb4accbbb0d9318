import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Name of the file in `DATA_DIR` that holds the token secret when `DIRECT_LINE_TOKEN_SECRET` is not set. */
export const TOKEN_SECRET_FILE = 'directline-token-secret';

/** Shortest secret accepted from the file (the same minimum as `DIRECT_LINE_TOKEN_SECRET`). */
const MIN_SECRET_LENGTH = 32;

/** The secret read from (or just written to) the file, and what had to be done to get it. */
export interface StoredTokenSecret {
  secret: string;
  path: string;
  /** The file did not exist and was created now. */
  created: boolean;
  /** The file was readable by others and has been made private (mode 0600). */
  madePrivate: boolean;
}

/**
 * The web chat's token secret, kept in `dataDir` so tokens stay valid across restarts: read from the file,
 * or created once (48 random bytes, file mode 0600). Creation is atomic and never overwrites: the file is
 * written under a temporary name and then hard-linked into place, so two processes starting at once end
 * up with the same secret and nobody ever reads a half-written one.
 *
 * @throws Error naming the file when it exists but holds no usable secret (it is never replaced silently,
 * as that would end every open conversation).
 */
export async function loadOrCreateTokenSecret(dataDir: string): Promise<StoredTokenSecret> {
  const path = join(dataDir, TOKEN_SECRET_FILE);
  const existing = await readSecret(path);
  if (existing !== undefined) return { secret: existing, path, created: false, madePrivate: await makePrivate(path) };

  await mkdir(dataDir, { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const file = await open(temporary, 'wx', 0o600);
  try {
    await file.writeFile(`${randomBytes(48).toString('base64url')}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
  let created = true;
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    created = false; // another process was quicker: use its secret
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  const secret = await readSecret(path);
  if (secret === undefined) throw new Error(`Could not read the web chat token secret from ${path}`);
  return { secret, path, created, madePrivate: created ? false : await makePrivate(path) };
}

/** The secret in the file, `undefined` when there is no file; throws when the file holds no usable secret. */
async function readSecret(path: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const secret = text.trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `The web chat token secret in ${path} is shorter than ${MIN_SECRET_LENGTH} characters: delete the file to create a new one ` +
        '(open web chats then start over) or set DIRECT_LINE_TOKEN_SECRET',
    );
  }
  return secret;
}

/** Removes every permission of group and others from the file; `true` when there were any. */
async function makePrivate(path: string): Promise<boolean> {
  const { mode } = await stat(path);
  if ((mode & 0o077) === 0) return false;
  await chmod(path, 0o600);
  return true;
}
