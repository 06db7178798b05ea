import { runSinkTable } from './sinkTable';

const ioredis = `import Redis from 'ioredis';\nconst redis = new Redis();\n`;

runSinkTable('sinks: redis', {
  valid: [
    `const map = new Map();\nmap.set(ip, visit);`,
    `url.searchParams.set('q', email);`,
    `params.set('email', email);`,
    `headers.set('x-forwarded-for', ip);`,
    `const formData = new FormData();\nformData.set('email', email);`,
    `cache.set(ip, visit);`,
    `client.set(key, email);`,
    // An LRU is no Redis client (its `set` is a cache sink: cacheClients.test.ts).
    `import LRU from 'lru-cache';\nconst cache = new LRU({ max: 100 });\ncache.get(ip);`,
    `const redisKeys = new Map();\nredisKeys.set(ip, 1);`,
    `${ioredis}await redis.get(\`ip:\${ip}\`);`,
    `${ioredis}await redis.expire(key, 60);`,
    `const seen = new Set();\nseen.add(ip);`,
    `const formData = new FormData();\nformData.append('email', email);`,
    `emitter.emit('login', { ip });`,
    `this.users.push({ email });`,
    `const redisLike = new Map();\nredisLike.set(ip, 1);`,
  ],
  invalid: [
    {
      code: `${ioredis}await redis.set(\`ip:\${ip}\`, userId);`,
      expect: [{ line: 3, family: 'redis', kind: 'storage', data: ['`ip:${ip}`', 'userId'], expiry: undefined }],
    },
    { code: `${ioredis}await redis.set(key, email, 'EX', 3600);`, expect: [{ line: 3, family: 'redis', kind: 'storage', data: ['key', 'email'], expiry: 'PT1H' }] },
    { code: `${ioredis}await redis.set(key, email, 'NX', 'px', 90_000);`, expect: [{ line: 3, family: 'redis', kind: 'storage', expiry: 'PT90S' }] },
    {
      code: `${ioredis}await redis.set(key, email, 'EXAT', Math.floor(Date.now() / 1000) + 86400);`,
      expect: [{ line: 3, family: 'redis', kind: 'storage', expiry: 'P1D' }],
    },
    { code: `${ioredis}await redis.set(key, email, 'EX', config.ttl);`, expect: [{ line: 3, family: 'redis', kind: 'storage', expiry: 'unknown' }] },
    { code: `${ioredis}await redis.setex(\`phone:\${id}\`, 600, phone);`, expect: [{ line: 3, family: 'redis', kind: 'storage', data: ['`phone:${id}`', 'phone'], expiry: 'PT600S' }] },
    { code: `${ioredis}await redis.psetex(key, 7_200_000, ip);`, expect: [{ line: 3, family: 'redis', kind: 'storage', expiry: 'PT2H' }] },
    {
      code: `import { createClient } from 'redis';\nconst client = createClient();\nawait client.set(key, email, { EX: 60 * 60 * 24 });`,
      expect: [{ line: 3, family: 'redis', kind: 'storage', data: ['key', 'email'], expiry: 'P1D' }],
    },
    {
      code: `import { createClient } from 'redis';\nconst client = createClient();\nawait client.set(key, email, { expiration: { type: 'EX', value: 30 } });`,
      expect: [{ line: 3, family: 'redis', kind: 'storage', expiry: 'PT30S' }],
    },
    {
      code: `import { createClient } from 'redis';\nconst cache = createClient();\nawait cache.hSet(\`user:\${id}\`, { email, phone });`,
      expect: [{ line: 3, family: 'redis', kind: 'storage', data: ['`user:${id}`', '{ email, phone }'] }],
    },
    {
      code: `${ioredis}async function remember(ip) {\n  await redis.lpush(\`ips:\${user}\`, ip);\n  await redis.expire(\`ips:\${user}\`, 86400);\n}`,
      expect: [{ line: 4, family: 'redis', kind: 'storage', expiry: 'P1D' }],
    },
    {
      code: `${ioredis}async function remember(ip) {\n  await redis.expire(key, 86400);\n  await redis.sadd(key, ip);\n}`,
      expect: [{ line: 5, family: 'redis', kind: 'storage', expiry: undefined }],
    },
    {
      code: `${ioredis}await redis.multi().set(k, email).expire(k, 120).exec();`,
      expect: [{ line: 3, family: 'redis', kind: 'storage', data: ['k', 'email'], expiry: 'PT120S' }],
    },
    {
      code: `${ioredis}const pipeline = redis.pipeline();\npipeline.zadd('logins', Date.now(), ip);\nawait pipeline.exec();`,
      expect: [{ line: 4, family: 'redis', kind: 'storage' }],
    },
    {
      code: `import { Redis } from '@upstash/redis';\nconst redis = Redis.fromEnv();\nawait redis.set(key, { email }, { ex: 300 });`,
      expect: [{ line: 3, family: 'redis', kind: 'storage', data: ['key', '{ email }'], expiry: 'PT300S' }],
    },
    { code: `import { redis } from '@/lib/redis';\nawait redis.xadd('events', '*', 'ip', ip);`, expect: [{ line: 2, family: 'redis', kind: 'storage' }] },
    {
      code: `class Store {\n  constructor(private readonly redisClient) {}\n  f() { return this.redisClient.mset({ [ip]: email }); }\n}`,
      expect: [{ line: 3, family: 'redis', kind: 'storage' }],
    },
    {
      code: `import Redis from 'ioredis';\nclass S {\n  constructor(@InjectRedis() private readonly cache: Redis) {}\n  f() { return this.cache.set(email, token, 'EX', TTL); }\n}\nconst TTL = 900;`,
      expect: [{ line: 4, family: 'redis', kind: 'storage', expiry: 'PT900S' }],
    },
  ],
});
