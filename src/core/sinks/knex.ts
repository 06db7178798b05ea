// Knex: `knex('users').insert(x)`, `db('users').where(…).update(x)` with `db = knex({…})`,
// `knex.insert(x).into('t')`, `trx('t').insert(x)` in `knex.transaction(async (trx) => …)`, a
// member typed `Knex`; a `knex` imported from the project's own db module counts by its name.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isProjectModule, nameWords } from './names';
import { stringValue } from './options';
import { receiverChain, type Provenance } from './provenance';
import type { SinkRecognizer } from './types';

const KNEX_WRITES = new Set(['insert', 'update', 'upsert']);

export const knexSink: SinkRecognizer = {
  id: 'knex',
  family: 'knex',
  kind: 'storage',
  matchCall(site, context) {
    if (!KNEX_WRITES.has(site.method)) return undefined;
    const chain = receiverChain(site, context);
    if (!chain || !isKnex(chain)) return undefined;
    const [first, second] = site.call.arguments;
    if (!first) return undefined;
    // update('email', value) sets one column: the value is the data (the column name too, harmlessly).
    const dataArgs: TSESTree.Node[] = site.method === 'update' && second && stringValue(first) !== undefined ? [first, second] : [first];
    return { kind: 'storage', family: 'knex', dataArgs };
  },
};

function isKnex(chain: Provenance): boolean {
  if (chain.steps.includes('schema')) return false; // knex.schema.* builds tables, it writes no rows
  if (chain.module === 'knex') return true;
  return (chain.module === undefined || isProjectModule(chain.module)) && nameWords(chain.root).includes('knex');
}
