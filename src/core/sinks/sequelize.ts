// Sequelize: static model writes (`User.create(x)`, `bulkCreate`, `update(values, options)`,
// `upsert`, `findOrCreate({ where, defaults })`) where the model is a class extending `Model`
// from sequelize / sequelize-typescript or comes from `sequelize.define(…)` / `sequelize.models.X`;
// and `User.build(data).save()`.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { nameWords } from './names';
import { unwrap } from './options';
import { receiverChain, type Provenance } from './provenance';
import type { SinkRecognizer } from './types';

const MODEL_WRITES = new Set(['create', 'bulkCreate', 'update', 'upsert', 'findOrCreate']);
const SEQUELIZE_MODULES = new Set(['sequelize', '@sequelize/core', 'sequelize-typescript']);

export const sequelizeSink: SinkRecognizer = {
  id: 'sequelize',
  family: 'sequelize',
  kind: 'storage',
  matchCall(site, context) {
    if (site.method !== 'save' && !MODEL_WRITES.has(site.method)) return undefined;
    const chain = receiverChain(site, context);
    if (!chain) return undefined;
    let data: TSESTree.Node | undefined;
    if (site.method === 'save') {
      // User.build(data).save(): the chain ends in ['build', '()'] after the model.
      const steps = chain.steps;
      if (steps[steps.length - 1] !== '()' || steps[steps.length - 2] !== 'build') return undefined;
      if (!isModel({ ...chain, steps: steps.slice(0, -2) })) return undefined;
      const callee = unwrap(site.call.callee);
      const built = callee.type === 'MemberExpression' ? unwrap(callee.object) : undefined;
      data = built?.type === 'CallExpression' ? built.arguments[0] : undefined;
    } else if (isModel(chain)) {
      data = site.call.arguments[0];
    }
    return data ? { kind: 'storage', family: 'sequelize', dataArgs: [data] } : undefined;
  },
};

function isModel(chain: Provenance): boolean {
  const steps = chain.steps;
  const last = steps.length - 1;
  const defined = (steps[last] === '()' && steps[last - 1] === 'define') || steps.includes('models');
  if (chain.module !== undefined && SEQUELIZE_MODULES.has(chain.module)) return defined || steps[last] === 'extends';
  // `sequelize` imported from the project's own db module.
  return defined && nameWords(chain.root).includes('sequelize');
}
