import { runSinkTable } from './sinkTable';

runSinkTable('sinks: drizzle', {
  valid: [
    `url.searchParams.set('q', q);`,
    `headers.set('x-ip', ip);`,
    `import { db } from './db';\nawait db.select().from(users).where(eq(users.email, email));`,
    `import { db } from './db';\nawait db.delete(users).where(eq(users.email, email));`,
    `editor.update(doc).set(value);`,
    `builder.insert().into(users).values({ email });`,
  ],
  invalid: [
    {
      code: `import { db } from './db';\nimport { users } from './schema';\nawait db.insert(users).values({ email, ip });`,
      expect: [{ line: 3, family: 'drizzle', kind: 'storage', data: ['{ email, ip }'] }],
    },
    {
      code: `import { drizzle } from 'drizzle-orm/node-postgres';\nconst client = drizzle(pool);\nawait client.update(profiles).set({ phone }).where(eq(profiles.id, id));`,
      expect: [{ line: 3, family: 'drizzle', kind: 'storage', data: ['{ phone }'] }],
    },
    {
      code: `import { pgTable, text } from 'drizzle-orm/pg-core';\nconst visits = pgTable('visits', { ip: text('ip') });\nawait store.insert(visits).values({ ip });`,
      expect: [{ line: 3, family: 'drizzle', kind: 'storage' }],
    },
    {
      code: `import { eq } from 'drizzle-orm';\nawait conn.insert(schema.users).values(rows);`,
      expect: [{ line: 2, family: 'drizzle', kind: 'storage', data: ['rows'] }],
    },
    {
      code: `import { db } from '@/db';\nawait db.transaction(async (tx) => {\n  await tx.insert(logins).values({ ip });\n});`,
      expect: [{ line: 3, family: 'drizzle', kind: 'storage' }],
    },
  ],
});
