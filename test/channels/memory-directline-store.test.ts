import { KeyValueDirectLineStore } from '../../src/channels/directline/keyvalue-directline-store.js';
import { MemoryDirectLineStore } from '../../src/channels/directline/memory-directline-store.js';
import { MemoryKeyValueStore } from '../../src/storage/key-value-store.js';
import { describeDirectLineStore } from '../helpers/directline-store-suite.js';

// The same behaviour for the in-memory store and for the persistent one on a document store (here in memory;
// test/storage runs it on Azure Blob Storage).
describeDirectLineStore('in memory', async (limits, now) => {
  const store = new MemoryDirectLineStore(limits, now);
  return { store, count: async () => store.size };
});

describeDirectLineStore('on a KeyValueStore', async (limits, now) => {
  const store = new KeyValueDirectLineStore(new MemoryKeyValueStore(), limits, now);
  return { store, count: () => store.count() };
});
