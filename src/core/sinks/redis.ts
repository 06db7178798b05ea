// Redis (node-redis, ioredis, Upstash): writes on a client the file identifies — created by
// `new Redis()` / `createClient()` / `Redis.fromEnv()`, typed with one of their types, imported
// from a redis package, or from the project's own module whose path or name says redis
// (`import { redis } from '@/lib/redis'`) — and, without any binding evidence, a receiver whose
// name has the word `redis` (`redis`, `this.redisClient`). `cache.set`/`client.set` of an
// unknown object are NOT matched: they are as often a Map or an LRU as a Redis client.
// Data: keys and values (a key such as `ip:${ip}` stores the IP). Expiry: redisExpiry.ts.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isProjectModule, moduleWords, nameWords } from './names';
import { valueArgs } from './options';
import { receiverChain, type Provenance } from './provenance';
import { redisExpiry } from './redisExpiry';
import type { SinkRecognizer } from './types';

/** Lower-cased write commands → the indexes of their data arguments (undefined: every argument). */
const REDIS_WRITES = new Map<string, number[] | undefined>([
  ['set', [0, 1]], ['setnx', [0, 1]], ['getset', [0, 1]], ['append', [0, 1]],
  ['setex', [0, 2]], ['psetex', [0, 2]],
  ['hset', undefined], ['hmset', undefined], ['hsetnx', undefined],
  ['lpush', undefined], ['rpush', undefined], ['lpushx', undefined], ['rpushx', undefined], ['lset', undefined], ['linsert', undefined],
  ['sadd', undefined], ['zadd', undefined], ['xadd', undefined], ['geoadd', undefined], ['pfadd', undefined],
  ['mset', undefined], ['msetnx', undefined],
]);
const REDIS_MODULES = new Set(['redis', 'ioredis', '@redis/client', '@upstash/redis', '@nestjs-modules/ioredis', '@liaoliaots/nestjs-redis', 'redis-om']);
/** Containers that are never Redis, whatever they are called. */
const BUILTIN_CONTAINERS = new Set(['Map', 'WeakMap', 'Set', 'WeakSet', 'URLSearchParams', 'Headers', 'FormData', 'Array', 'Object']);

export const redisSink: SinkRecognizer = {
  id: 'redis',
  family: 'redis',
  kind: 'storage',
  matchCall(site, context) {
    const command = site.method.toLowerCase();
    if (!REDIS_WRITES.has(command)) return undefined;
    const chain = receiverChain(site, context);
    if (!chain || !isRedisClient(chain)) return undefined;
    const args = site.call.arguments;
    // RedisJSON: client.json.set(key, path, value).
    const indexes = chain.steps[chain.steps.length - 1] === 'json' ? (command === 'set' ? [0, 2] : undefined) : REDIS_WRITES.get(command);
    const picked = indexes ? indexes.map((index) => args[index]).filter((arg): arg is TSESTree.CallExpressionArgument => arg !== undefined) : [...args];
    const dataArgs = valueArgs(picked);
    if (dataArgs.length === 0) return undefined;
    const expiry = redisExpiry(site, command, context);
    return { kind: 'storage', family: 'redis', dataArgs, ...(expiry ? { expiry } : {}) };
  },
};

function isRedisClient(chain: Provenance): boolean {
  const sayRedis = [chain.root, ...chain.steps].some((name) => nameWords(name).includes('redis'));
  if (chain.module !== undefined) {
    if (REDIS_MODULES.has(chain.module)) return true;
    return isProjectModule(chain.module) && (sayRedis || moduleWords(chain.module).includes('redis'));
  }
  return sayRedis && !BUILTIN_CONTAINERS.has(chain.root);
}
