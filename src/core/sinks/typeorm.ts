// TypeORM: repository writes (`repo.save/insert/update/upsert`) where the repository is typed
// `Repository<…>` (or a class extending it), comes from `getRepository(…)` / `dataSource.getRepository`
// or is injected with `@InjectRepository`; entity-manager writes (`dataSource.manager.save(User, x)`,
// a typed `EntityManager`, the manager of `dataSource.transaction(async (manager) => …)`); and the
// query builder's `.insert().into(T).values(x)` / `.update(T).set(x)` (a builder from
// `createQueryBuilder()`, typed `…QueryBuilder`, or named `queryBuilder`).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { nameWords } from './names';
import { hasStepRun, receiverChain, type Provenance } from './provenance';
import type { SinkCallSite, SinkRecognizer } from './types';

/** Index of the data argument: `repo.update(criteria, partial)` stores the partial. */
const REPOSITORY_WRITES = new Map([['save', 0], ['insert', 0], ['upsert', 0], ['update', 1]]);
/** The manager's forms take the entity class first: `manager.update(User, criteria, partial)`. */
const MANAGER_WRITES = new Map([['save', 1], ['insert', 1], ['upsert', 1], ['update', 2]]);
const REPOSITORY_TYPES = new Set(['Repository', 'TreeRepository', 'MongoRepository']);
const REPOSITORY_FACTORIES = new Set(['getRepository', 'getTreeRepository', 'getMongoRepository', 'getCustomRepository', 'withRepository']);
/** Root names of the objects a manager hangs off: `AppDataSource`, `queryRunner`, `connection`. */
const MANAGER_OWNER_WORDS = new Set(['source', 'runner', 'connection']);

export const typeormSink: SinkRecognizer = {
  id: 'typeorm',
  family: 'typeorm',
  kind: 'storage',
  matchCall(site, context) {
    const { method } = site;
    if (method === 'values' || method === 'set') return queryBuilderWrite(site, receiverChain(site, context));
    if (!REPOSITORY_WRITES.has(method)) return undefined;
    const chain = receiverChain(site, context);
    if (!chain) return undefined;
    const args = site.call.arguments;
    let data: TSESTree.Node | undefined;
    if (isRepository(chain) || site.receiver?.decorators?.includes('InjectRepository')) data = args[REPOSITORY_WRITES.get(method)!];
    else if (isManager(chain)) data = args.length > 1 ? args[MANAGER_WRITES.get(method)!] : args[0];
    return data ? { kind: 'storage', family: 'typeorm', dataArgs: [data] } : undefined;
  },
};

function isRepository(chain: Provenance): boolean {
  const steps = chain.steps;
  if (steps.some((step, index) => REPOSITORY_FACTORIES.has(step) && steps[index + 1] === '()')) return true;
  return chain.module === 'typeorm' && steps.some((step) => REPOSITORY_TYPES.has(step));
}

function isManager(chain: Provenance): boolean {
  const steps = chain.steps;
  const typeormish = chain.module === 'typeorm' || nameWords(chain.root).some((word) => MANAGER_OWNER_WORDS.has(word));
  if (!typeormish) return false;
  return steps.includes('manager') || steps.includes('EntityManager') || steps.includes('getManager') || hasStepRun(steps, ['transaction', '=>']);
}

function queryBuilderWrite(site: SinkCallSite, chain: Provenance | undefined) {
  if (!chain || !isQueryBuilder(chain)) return undefined;
  const statement = site.method === 'values' ? 'insert' : 'update';
  if (!hasStepRun(chain.steps, [statement, '()'])) return undefined;
  const data = site.call.arguments[0];
  return data ? { kind: 'storage' as const, family: 'typeorm', dataArgs: [data] } : undefined;
}

/** From `createQueryBuilder()`, typed `…QueryBuilder` from typeorm, or named so (`queryBuilder`, `userQueryBuilder`). */
function isQueryBuilder(chain: Provenance): boolean {
  if (hasStepRun(chain.steps, ['createQueryBuilder', '()'])) return true;
  if (chain.module === 'typeorm' && chain.steps.some((step) => step.endsWith('QueryBuilder'))) return true;
  const words = nameWords(chain.root);
  return chain.module === undefined && words.includes('query') && words[words.length - 1] === 'builder';
}
