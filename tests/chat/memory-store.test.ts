import { MemoryStore } from '../../src/chat/memory-store.ts';
import { runThreadStoreContract } from './store-contract.ts';

runThreadStoreContract('MemoryStore', () => new MemoryStore());
