// Mongoose: model writes (`User.create(x)`, `updateOne(filter, update)`, …) where the model comes
// from `model(…)` / `mongoose.model(…)` / `mongoose.models.X`, or is a member typed `Model<…>` or
// injected with `@InjectModel`; `new User(data).save()` and `doc.save()` when `doc = new User(data)`
// in the same function (elsewhere the saved data is unknown: no sink). Expiry: the model's schema
// `expires` / TTL index (mongoTtl.ts), or that of a NestJS schema class (mongooseClassSchema.ts).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { memberName } from './callSite';
import { classSchemaExpiry } from './mongooseClassSchema';
import { schemaExpiry } from './mongoTtl';
import { unwrap } from './options';
import { receiverChain, type Provenance } from './provenance';
import type { SinkCallSite, SinkContext, SinkMatch, SinkRecognizer } from './types';

/** Index of the data argument of each model write. */
const MODEL_WRITES = new Map([
  ['create', 0], ['insertMany', 0], ['bulkWrite', 0],
  ['updateOne', 1], ['updateMany', 1], ['findOneAndUpdate', 1], ['findByIdAndUpdate', 1],
  ['replaceOne', 1], ['findOneAndReplace', 1], ['findByIdAndReplace', 1],
]);

export const mongooseSink: SinkRecognizer = {
  id: 'mongoose',
  family: 'mongoose',
  kind: 'storage',
  matchCall(site, context) {
    if (site.method === 'save') return savedDocument(site, context);
    const index = MODEL_WRITES.get(site.method);
    if (index === undefined) return undefined;
    const chain = receiverChain(site, context);
    if (!chain || !(isModel(chain) || site.receiver?.decorators?.includes('InjectModel'))) return undefined;
    const data = site.call.arguments[index];
    return data ? match([data], site, context) : undefined;
  },
};

function isModel(chain: Provenance): boolean {
  if (chain.module !== 'mongoose') return false;
  const steps = chain.steps;
  const last = steps.length - 1;
  return (steps[last] === '()' && steps[last - 1] === 'model') || steps.includes('models') || (steps.includes('Model') && steps[last] === 'new');
}

/** `new User(data).save()`, or `doc.save()` after `const doc = new User(data)` in this function. */
function savedDocument(site: SinkCallSite, context: SinkContext): SinkMatch | undefined {
  const chain = receiverChain(site, context);
  if (!chain || chain.steps[chain.steps.length - 1] !== 'new' || !isModel({ ...chain, steps: chain.steps.slice(0, -1) })) return undefined;
  const callee = unwrap(site.call.callee);
  let created = callee.type === 'MemberExpression' ? unwrap(callee.object) : undefined;
  if (created?.type !== 'NewExpression') {
    const originCall = site.receiver?.originCall;
    const body = context.enclosingBody;
    const local = originCall && originCall.range[0] >= body.range[0] && originCall.range[1] <= site.call.range[0];
    created = local ? originCall : undefined;
  }
  const data = created?.type === 'NewExpression' ? created.arguments[0] : undefined;
  return data ? match([data], site, context) : undefined;
}

function match(dataArgs: TSESTree.Node[], site: SinkCallSite, context: SinkContext): SinkMatch {
  const expiry = schemaExpiry(modelSchema(site, context), context) ?? classSchemaExpiry(site.receiver?.typeArguments?.[0], context);
  return { kind: 'storage', family: 'mongoose', dataArgs, ...(expiry ? { expiry } : {}) };
}

/** The schema argument of the `model('Name', schema)` call that made the receiver's model. */
function modelSchema(site: SinkCallSite, context: SinkContext): TSESTree.Node | undefined {
  let name = site.receiverPath[0] === 'this' ? site.receiverPath[1] : site.receiverPath[0];
  if (!name) return undefined;
  if (name.startsWith('new ')) name = name.slice(4, -2).split('.').pop() ?? '';
  let created = context.binding(name.replace(/\(\)$/, ''))?.originCall;
  // `const doc = new User(data)`: the model is what was constructed.
  if (created?.type === 'NewExpression' && created.callee.type === 'Identifier') created = context.binding(created.callee.name)?.originCall;
  if (created?.type !== 'CallExpression' || created.callee.type === 'Super') return undefined;
  const callee = unwrap(created.callee);
  const method = callee.type === 'MemberExpression' ? memberName(callee) : callee.type === 'Identifier' ? callee.name : undefined;
  return method === 'model' ? created.arguments[1] : undefined;
}
