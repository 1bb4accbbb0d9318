import { describe, expect, it } from 'vitest';
import { CaseError, CaseService, type NewCase } from '../../src/handoff/case-service.js';
import { caseNumber, isCaseNumber } from '../../src/handoff/handoff-case.js';
import { MemoryKeyValueStore, StoreConflictError } from '../../src/storage/key-value-store.js';

const data: NewCase = {
  municipality: 'Gemeinde Musterdorf',
  name: 'Petra Muster',
  email: 'petra.muster@musterdorf.de',
  concern: 'Förderung einer IT-Kooperation',
  consentAt: '2026-11-25T09:00:00.000Z',
  transcript: [{ from: 'user', text: 'Sind wir förderfähig?', at: '2026-11-25T08:59:00.000Z' }],
  channelId: 'directline',
  conversationId: 'c-1',
};

describe('handoff cases', () => {
  it('numbers cases per year as IKZ-<year>-<4 digits>', async () => {
    const service = new CaseService(new MemoryKeyValueStore(), () => new Date('2026-11-25T09:00:00Z'));
    const first = await service.create(data);
    const second = await service.create(data);
    expect([first.id, second.id]).toEqual(['IKZ-2026-0001', 'IKZ-2026-0002']);
    expect(first.status).toBe('open');
    expect(await service.get('IKZ-2026-0001')).toEqual(first);
    expect(caseNumber(2027, 12)).toBe('IKZ-2027-0012');
    expect(isCaseNumber('IKZ-2026-0001')).toBe(true);
    expect(isCaseNumber('IKZ-26-1')).toBe(false);
  });

  it('gives every one of many concurrent cases its own number', async () => {
    const service = new CaseService(new MemoryKeyValueStore());
    const cases = await Promise.all(Array.from({ length: 5 }, () => service.create(data)));
    expect(new Set(cases.map((c) => c.id)).size).toBe(5);
    expect((await service.list()).length).toBe(5);
  });

  it('goes from open to claimed to closed, and refuses other moves', async () => {
    const service = new CaseService(new MemoryKeyValueStore());
    const { id } = await service.create(data);
    expect((await service.claim(id, 'Beraterin A')).status).toBe('claimed');
    await expect(service.claim(id, 'Berater B')).rejects.toBeInstanceOf(CaseError);
    expect((await service.close(id)).status).toBe('closed');
    await expect(service.close(id)).rejects.toThrow(/already closed/);
    await expect(service.claim('IKZ-2026-9999', 'x')).rejects.toMatchObject({ reason: 'not_found' });
    expect(await service.list('open')).toEqual([]);
  });

  it('creates one case per handoff key, however often (and however concurrently) it is asked to', async () => {
    const store = new MemoryKeyValueStore();
    const service = new CaseService(store, () => new Date('2026-11-25T09:00:00Z'));
    const first = await service.create(data, 'handoff-a');
    expect(await service.create({ ...data, name: 'Jemand anderes' }, 'handoff-a')).toEqual(first);
    const concurrent = await Promise.all(Array.from({ length: 4 }, () => service.create(data, 'handoff-b')));
    expect(new Set(concurrent.map((c) => c.id)).size).toBe(1);
    expect((await service.list()).map((c) => c.id).sort()).toEqual([first.id, concurrent[0]!.id].sort());
    // A crash after the key got its number but before the case was stored: the repeat stores it under that number.
    await store.put('case-keys', 'handoff-c', { caseId: 'IKZ-2026-0042' }, null);
    expect((await service.create(data, 'handoff-c')).id).toBe('IKZ-2026-0042');
    expect(await service.get('IKZ-2026-0042')).toMatchObject({ name: 'Petra Muster', status: 'open' });
  });

  it('deletes cases older than the retention period', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const service = new CaseService(new MemoryKeyValueStore(), () => now);
    await service.create(data);
    now = new Date('2026-06-01T00:00:00Z');
    await service.create(data);
    expect(await service.purgeOlderThan(90)).toBe(1);
    expect((await service.list()).map((c) => c.id)).toEqual(['IKZ-2026-0002']);
  });

  it('never silently overwrites a concurrent change (etags)', async () => {
    const store = new MemoryKeyValueStore();
    const etag = await store.put('x', 'k', { v: 1 }, null);
    await store.put('x', 'k', { v: 2 }, etag);
    await expect(store.put('x', 'k', { v: 3 }, etag)).rejects.toBeInstanceOf(StoreConflictError);
    await expect(store.put('x', 'k', { v: 3 }, null)).rejects.toBeInstanceOf(StoreConflictError);
    expect((await store.get<{ v: number }>('x', 'k'))?.value.v).toBe(2);
  });
});
