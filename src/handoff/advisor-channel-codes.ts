import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { StoreConflictError, type KeyValueStore } from '../storage/key-value-store.js';

const SETTINGS = 'settings';
const CODE_KEY = 'advisor-channel-code';
/** Letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 10 characters of 31: about 50 bits, far beyond guessing within the code's lifetime. */
const CODE_LENGTH = 10;
/** How long a code may be used. */
export const CHANNEL_CODE_TTL_MS = 15 * 60 * 1000;

/** The stored code: only its hash, and until when it counts; `spent` once used. */
interface StoredCode {
  hash: string;
  expiresAt: string;
  spent?: boolean;
}

/**
 * One-time codes for making a Teams channel the advisor channel without listing it in the configuration: the
 * office gets a code through the advisor API (`POST /api/advisor/channel-code`, with the API key), and an
 * advisor posts „@IKZ-Assistent Beratungskanal <Code>“ in the channel within 15 minutes. A code works once; a
 * new code replaces the previous one. Only a hash is stored, in the document store (so every instance and a
 * restarted one accept it).
 *
 * @example
 * ```ts
 * const codes = new AdvisorChannelCodes(stores.documents);
 * const { code } = await codes.issue(); // e.g. 'K7PQR-M2XWA'
 * await codes.redeem('k7pqr m2xwa'); // true, once
 * ```
 */
export class AdvisorChannelCodes {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A new code (shown as two groups of five) and when it expires. */
  async issue(): Promise<{ code: string; expiresAt: string }> {
    const raw = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const expiresAt = new Date(this.now().getTime() + CHANNEL_CODE_TTL_MS).toISOString();
    await this.store.put<StoredCode>(SETTINGS, CODE_KEY, { hash: hashOf(raw), expiresAt });
    return { code: `${raw.slice(0, 5)}-${raw.slice(5)}`, expiresAt };
  }

  /** Uses the code up if it is the current one and has not expired or been used; `true` when it was valid. */
  async redeem(code: string): Promise<boolean> {
    const normalized = code.toUpperCase().replace(/[\s-]/g, '');
    if (normalized.length !== CODE_LENGTH) return false;
    const found = await this.store.get<StoredCode>(SETTINGS, CODE_KEY);
    if (!found || found.value.spent || Date.parse(found.value.expiresAt) <= this.now().getTime()) return false;
    const presented = Buffer.from(hashOf(normalized), 'hex');
    const expected = Buffer.from(found.value.hash, 'hex');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return false;
    try {
      // Conditional on what was read: of two uses at the same moment (even on two instances) only one counts.
      await this.store.put<StoredCode>(SETTINGS, CODE_KEY, { ...found.value, spent: true }, found.etag);
    } catch (error) {
      if (error instanceof StoreConflictError) return false;
      throw error;
    }
    return true;
  }
}

function hashOf(code: string): string {
  return createHash('sha256').update(`ikz-assistent:advisor-channel:${code}`).digest('hex');
}
