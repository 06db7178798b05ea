// Prisma: writes of a model delegate, `prisma.user.create({ data })`, on a client known by its
// import (`new PrismaClient()`, a `PrismaClient` / `Prisma.TransactionClient` / `PrismaService`
// type), by the strong convention of its name (`prisma`, `this.prisma`, `prismaClient`), or as the
// `tx` of `prisma.$transaction(async (tx) => …)`. The data is the whole argument object.
import { moduleWords, nameWords } from './names';
import { receiverChain, type Provenance } from './provenance';
import type { SinkRecognizer } from './types';

const PRISMA_WRITES = new Set(['create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert']);
/** A model delegate is a camelCase property of the client: `user`, `orderItem` (not `$extends`). */
const MODEL_DELEGATE = /^[a-z][A-Za-z0-9_]*$/;

export const prismaSink: SinkRecognizer = {
  id: 'prisma',
  family: 'prisma',
  kind: 'storage',
  matchCall(site, context) {
    if (!PRISMA_WRITES.has(site.method)) return undefined;
    const chain = receiverChain(site, context);
    const model = chain?.steps[chain.steps.length - 1];
    if (!chain || !model || !MODEL_DELEGATE.test(model) || !isPrismaClient(chain)) return undefined;
    const data = site.call.arguments[0];
    return data ? { kind: 'storage', family: 'prisma', dataArgs: [data] } : undefined;
  },
};

function isPrismaClient(chain: Provenance): boolean {
  if (chain.module !== undefined && (chain.module.startsWith('@prisma/') || moduleWords(chain.module).includes('prisma'))) return true;
  // `prisma`, `prismaClient`, `PrismaService` (a NestJS wrapper type) at the root or on the way.
  return [chain.root, ...chain.steps.slice(0, -1)].some((name) => nameWords(name).includes('prisma'));
}
