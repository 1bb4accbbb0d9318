import { StoreConflictError, withRetry, type KeyValueStore } from '../storage/key-value-store.js';
import { caseNumber, type CaseStatus, type HandoffCase } from './handoff-case.js';

const CASES = 'cases';
const COUNTERS = 'counters';
/** Handoff key → case number: which case a handoff (one run of the dialog) created. Falls under retention. */
export const CASE_KEYS = 'case-keys';
/** Attempts of a read-modify-write before a conflict is reported. */
const ATTEMPTS = 8;

/** A case change that is not allowed (unknown case, wrong status); `message` is for operators. */
export class CaseError extends Error {
  override name = 'CaseError';
  constructor(
    message: string,
    readonly reason: 'not_found' | 'invalid_status',
  ) {
    super(message);
  }
}

/** The new case's data; the service adds number, status and creation time. */
export type NewCase = Omit<HandoffCase, 'id' | 'status' | 'createdAt' | 'claimedBy' | 'claimedAt' | 'closedAt'>;

/**
 * Handoff cases on the project's document store: numbering (`IKZ-2026-0001`, one sequence per year, safe
 * across instances through optimistic concurrency), claiming, closing, listing and retention.
 */
export class CaseService {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Creates and persists a case; resolves only once it is stored. With a `handoffKey` (one per run of the
   * handoff dialog) creation is idempotent: a second call with the same key — the user answering the consent
   * question again after the bot crashed before it saved the dialog state — returns the case of the first
   * call instead of opening another. The key's case number is stored before the case, so a crash at any
   * point leaves at most a skipped number, never two cases.
   */
  async create(data: NewCase, handoffKey?: string): Promise<HandoffCase> {
    const created = this.now();
    const id = handoffKey ? await this.numberForKey(handoffKey, created) : await this.nextNumber(created);
    const handoffCase: HandoffCase = { ...data, id, status: 'open', createdAt: created.toISOString() };
    try {
      await this.store.put(CASES, id, handoffCase, null);
    } catch (error) {
      const existing = handoffKey && error instanceof StoreConflictError ? await this.get(id) : undefined;
      if (existing) return existing;
      throw error;
    }
    return handoffCase;
  }

  /** The case number of a handoff key: the one stored for it, or a new one stored with it. */
  private async numberForKey(handoffKey: string, created: Date): Promise<string> {
    const known = await this.store.get<{ caseId: string }>(CASE_KEYS, handoffKey);
    if (known) return known.value.caseId;
    const id = await this.nextNumber(created);
    try {
      await this.store.put(CASE_KEYS, handoffKey, { caseId: id }, null);
      return id;
    } catch (error) {
      // The same handoff at the same moment (a retried request): its number wins, this one stays unused.
      const winner = error instanceof StoreConflictError ? await this.store.get<{ caseId: string }>(CASE_KEYS, handoffKey) : undefined;
      if (winner) return winner.value.caseId;
      throw error;
    }
  }

  /** The next case number of the creation year (one counter per year, safe across instances). */
  private async nextNumber(created: Date): Promise<string> {
    const year = created.getUTCFullYear();
    const sequence = await withRetry(ATTEMPTS, async () => {
      const counter = await this.store.get<{ last: number }>(COUNTERS, `cases-${year}`);
      const next = (counter?.value.last ?? 0) + 1;
      await this.store.put(COUNTERS, `cases-${year}`, { last: next }, counter?.etag ?? null);
      return next;
    });
    return caseNumber(year, sequence);
  }

  async get(id: string): Promise<HandoffCase | undefined> {
    return (await this.store.get<HandoffCase>(CASES, id))?.value;
  }

  /** Cases, newest first, optionally of one status. */
  async list(status?: CaseStatus): Promise<HandoffCase[]> {
    const all = (await this.store.list<HandoffCase>(CASES)).map((c) => c.value);
    return all.filter((c) => !status || c.status === status).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** An advisor takes over an open case. */
  claim(id: string, advisor: string): Promise<HandoffCase> {
    return this.update(id, (c) => {
      if (c.status !== 'open') throw new CaseError(`Case ${id} is ${c.status}, not open`, 'invalid_status');
      return { ...c, status: 'claimed', claimedBy: advisor, claimedAt: this.now().toISOString() };
    });
  }

  /** Closes an open or claimed case. */
  close(id: string): Promise<HandoffCase> {
    return this.update(id, (c) => {
      if (c.status === 'closed') throw new CaseError(`Case ${id} is already closed`, 'invalid_status');
      return { ...c, status: 'closed', closedAt: this.now().toISOString() };
    });
  }

  /** Appends lines to a case's transcript (messages relayed between user and advisor). */
  appendTranscript(id: string, entries: HandoffCase['transcript']): Promise<HandoffCase> {
    return this.update(id, (c) => ({ ...c, transcript: [...c.transcript, ...entries] }));
  }

  /** Deletes cases created more than `days` days ago; returns how many. */
  async purgeOlderThan(days: number): Promise<number> {
    const limit = this.now().getTime() - days * 24 * 60 * 60 * 1000;
    let deleted = 0;
    for (const { key, value } of await this.store.list<HandoffCase>(CASES)) {
      if (Date.parse(value.createdAt) < limit) {
        await this.store.delete(CASES, key);
        deleted++;
      }
    }
    return deleted;
  }

  /** Applies a change to a stored case (read-modify-write with retries on conflicts). */
  update(id: string, change: (c: HandoffCase) => HandoffCase): Promise<HandoffCase> {
    return withRetry(ATTEMPTS, async () => {
      const found = await this.store.get<HandoffCase>(CASES, id);
      if (!found) throw new CaseError(`Case ${id} not found`, 'not_found');
      const next = change(found.value);
      await this.store.put(CASES, id, next, found.etag);
      return next;
    });
  }
}
