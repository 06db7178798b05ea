import { runSinkTable } from './sinkTable';

runSinkTable('sinks: prisma', {
  valid: [
    `await prisma.user.findUnique({ where: { email } });`,
    `await prisma.$connect();`,
    `await prisma.user.delete({ where: { id } });`,
    `this.users.create({ email });`,
    `api.user.create({ email });`,
    `prismatic.user.create({ email });`,
    `await prisma.$executeRaw\`SELECT 1\`;`,
    `const users = new Map(); users.set(email, user);`,
  ],
  invalid: [
    {
      code: `import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nawait prisma.user.create({ data: { email, ip } });`,
      expect: [{ line: 3, family: 'prisma', kind: 'storage', data: ['{ data: { email, ip } }'] }],
    },
    {
      code: `class UsersService {\n  constructor(private readonly prisma: PrismaService) {}\n  save(dto) { return this.prisma.user.update({ where: { id: dto.id }, data: dto }); }\n}`,
      expect: [{ line: 3, family: 'prisma', kind: 'storage' }],
    },
    {
      code: `import { PrismaClient } from '@prisma/client';\nconst db = new PrismaClient();\nawait db.$transaction(async (tx) => {\n  await tx.loginEvent.createMany({ data: events });\n});`,
      expect: [{ line: 4, family: 'prisma', kind: 'storage', data: ['{ data: events }'] }],
    },
    {
      code: `import { prisma } from '@/lib/db';\nawait prisma.orderItem.upsert({ where, create: { phone }, update: { phone } });`,
      expect: [{ line: 2, family: 'prisma', kind: 'storage' }],
    },
    {
      code: `const prisma = globalForPrisma.prisma ?? new PrismaClient();\nprisma.session.updateMany({ where, data: { ip } });`,
      expect: [{ line: 2, family: 'prisma', kind: 'storage' }],
    },
    {
      code: `import { Prisma } from '@prisma/client';\nasync function save(client: Prisma.TransactionClient) { await client.address.create({ data: address }); }`,
      expect: [{ line: 2, family: 'prisma', kind: 'storage' }],
    },
  ],
});
