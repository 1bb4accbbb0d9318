import { KeyValueDirectLineStore } from '../../../src/channels/directline/keyvalue-directline-store.js';
import { MemoryKeyValueStore } from '../../../src/storage/key-value-store.js';
import { describeDirectLineStore } from '../../helpers/directline-store-suite.js';

// The store of STORAGE_BACKEND=memory: the key-value store on a document store in memory (test/storage runs the
// same suite on Azure Blob Storage).
describeDirectLineStore('in memory', async (limits, now) => {
  const store = new KeyValueDirectLineStore(new MemoryKeyValueStore(), limits, now);
  return { store, count: () => store.count() };
});
