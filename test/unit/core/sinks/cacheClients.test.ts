// Cache clients created from their libraries: `set` is a storage sink with the client's TTL.
import { runSinkTable } from './sinkTable';

runSinkTable('sinks: cache clients', {
  valid: [
    `const cache = new Map();\ncache.set(ip, visit);`,
    `cache.set(ip, visit);`,
    `import { LRUCache } from 'lru-cache';\nconst cache = new LRUCache({ max: 10 });\ncache.get(ip);`,
    `import type { Cache } from 'cache-manager';\nfunction f(cache: Cache) { cache.set(ip, visit); }`,
  ],
  invalid: [
    { code: `import { LRUCache } from 'lru-cache';\nconst cache = new LRUCache({ max: 100, ttl: 60_000 });\ncache.set(ip, visit);`, expect: [{ line: 3, family: 'cache', kind: 'storage', data: ['ip', 'visit'], expiry: 'PT60S', expiryBy: 'lru-cache default ttl at line 2' }] },
    { code: `import { LRUCache } from 'lru-cache';\nconst cache = new LRUCache({ max: 100 });\ncache.set(ip, visit);`, expect: [{ line: 3, family: 'cache', kind: 'storage', expiry: undefined }] },
    { code: `import { LRUCache } from 'lru-cache';\nconst cache = new LRUCache({ max: 100 });\ncache.set(ip, visit, { ttl: 3_600_000 });`, expect: [{ line: 3, family: 'cache', kind: 'storage', expiry: 'PT1H' }] },
    { code: `import LRU from 'lru-cache';\nconst cache = new LRU({ max: 100, maxAge: 1000 * 60 * 60 * 24 });\ncache.set(ip, visit);`, expect: [{ line: 3, family: 'cache', kind: 'storage', expiry: 'P1D' }] },
    { code: `import NodeCache from 'node-cache';\nconst cache = new NodeCache({ stdTTL: 600 });\ncache.set(key, email);`, expect: [{ line: 3, family: 'cache', kind: 'storage', expiry: 'PT600S' }] },
    { code: `const NodeCache = require('node-cache');\nconst cache = new NodeCache();\ncache.set(key, email, 60);`, expect: [{ line: 3, family: 'cache', kind: 'storage', expiry: 'PT60S' }] },
    { code: `import NodeCache from 'node-cache';\nconst cache = new NodeCache({ stdTTL: 0 });\ncache.set(key, email);`, expect: [{ line: 3, family: 'cache', kind: 'storage', expiry: undefined }] },
    { code: `import Keyv from 'keyv';\nconst keyv = new Keyv('redis://localhost', { ttl: 86_400_000 });\nawait keyv.set(key, email);`, expect: [{ line: 3, family: 'cache', kind: 'storage', expiry: 'P1D' }] },
    { code: `import Keyv from 'keyv';\nconst keyv = new Keyv();\nawait keyv.set(key, email, 1000 * 60 * 60);`, expect: [{ line: 3, family: 'cache', kind: 'storage', expiry: 'PT1H' }] },
    { code: `import { caching } from 'cache-manager';\nconst cache = await caching('memory', { max: 100, ttl: 10 * 1000 });\nawait cache.set(key, email);`, expect: [{ line: 3, family: 'cache', kind: 'storage', expiry: 'PT10S' }] },
    { code: `import cacheManager from 'cache-manager';\nconst cache = cacheManager.caching({ store: 'memory', ttl: 600 });\ncache.set(key, email);`, expect: [{ line: 3, family: 'cache', kind: 'storage', expiry: 'PT600S' }] },
    { code: `import { createCache } from 'cache-manager';\nconst cache = createCache({ ttl: 60_000 });\nawait cache.set(key, email);`, expect: [{ line: 3, family: 'cache', kind: 'storage', expiry: 'PT60S' }] },
    { code: `import TTLCache from '@isaacs/ttlcache';\nconst cache = new TTLCache({ max: 10, ttl: 3_600_000 });\ncache.set(ip, visit);`, expect: [{ line: 3, family: 'cache', kind: 'storage', expiry: 'PT1H' }] },
  ],
});
