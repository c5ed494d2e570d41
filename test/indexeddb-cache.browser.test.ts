import { describeCacheConformance } from './cache-conformance.ts'
import { describeIndexedDbBehaviour, persistentCache } from './indexeddb-behaviour.ts'

// The checks of the happy-dom suite against Chromium's real IndexedDB (on-disk storage, real
// structured clone, real versionchange delivery). Format bumps and a connection the browser ends
// stay in indexeddb-cache.dom.test.ts: they need vi.doMock to re-evaluate a module, which native
// ES modules in a browser do not allow, and fake-indexeddb's forceCloseDatabase.

describeCacheConformance('IndexedDbCache (Chromium)', persistentCache, { persistent: true })
describeIndexedDbBehaviour('IndexedDbCache (Chromium)')
