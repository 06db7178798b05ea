// Drizzle: `db.insert(users).values(x)` and `db.update(users).set(x)`. Evidence, any of: the
// client comes from a drizzle-orm module, the table was made by drizzle in this file
// (`pgTable(…)`), the file imports drizzle-orm, or the root is conventionally named
// (`db`, `tx`, `database`, `drizzle`) — the `insert(table).values` shape with a table argument is
// drizzle's own (TypeORM's query builder is `insert().into(T).values`, handled there).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { nameWords } from './names';
import { unwrap } from './options';
import { provenanceOfName, receiverChain, type Provenance } from './provenance';
import type { SinkContext, SinkRecognizer } from './types';

const STATEMENT_OF = new Map([['values', 'insert'], ['set', 'update']]);
const CONVENTIONAL_ROOT_WORDS = new Set(['db', 'tx', 'database', 'drizzle']);
const importsCache = new WeakMap<TSESTree.Program, boolean>();

export const drizzleSink: SinkRecognizer = {
  id: 'drizzle',
  family: 'drizzle',
  kind: 'storage',
  matchCall(site, context) {
    const statement = STATEMENT_OF.get(site.method);
    if (!statement) return undefined;
    const callee = unwrap(site.call.callee);
    const inner = callee.type === 'MemberExpression' ? unwrap(callee.object) : undefined;
    // The receiver must be the `insert(table)` / `update(table)` call itself, with its table.
    if (inner?.type !== 'CallExpression' || inner.arguments.length !== 1 || site.receiverPath[site.receiverPath.length - 1] !== `${statement}()`) return undefined;
    const chain = receiverChain(site, context);
    if (!chain || !isDrizzle(chain, inner.arguments[0], context)) return undefined;
    const data = site.call.arguments[0];
    return data ? { kind: 'storage', family: 'drizzle', dataArgs: [data] } : undefined;
  },
};

function isDrizzle(chain: Provenance, table: TSESTree.Node, context: SinkContext): boolean {
  if (isDrizzleModule(chain.module)) return true;
  const tableRoot = unwrap(table);
  if (tableRoot.type === 'Identifier' && isDrizzleModule(provenanceOfName(tableRoot.name, context).module)) return true;
  if (nameWords(chain.root).some((word) => CONVENTIONAL_ROOT_WORDS.has(word))) return true;
  return importsDrizzle(context.program);
}

function isDrizzleModule(module: string | undefined): boolean {
  return module !== undefined && (module === 'drizzle-orm' || module.startsWith('drizzle-orm/'));
}

function importsDrizzle(program: TSESTree.Program): boolean {
  let found = importsCache.get(program);
  if (found === undefined) {
    found = program.body.some((statement) => statement.type === 'ImportDeclaration' && isDrizzleModule(statement.source.value));
    importsCache.set(program, found);
  }
  return found;
}
