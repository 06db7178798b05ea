// BullMQ and Bull job queues: `queue.add(name, data, opts)` (Bull also `add(data, opts)`),
// `addBulk(jobs)`, on a `Queue` from 'bullmq' / 'bull' (created, typed, or `@InjectQueue`d).
// Data: the job data, which Redis keeps until the job is removed.
// Expiry: only when BOTH outcomes are bounded in time — `removeOnComplete` AND `removeOnFail`,
// each `true` (removed at once) or `{ age: seconds }`, from the job's options or the queue's
// `defaultJobOptions`; the expiry is the longer of the two. A count (`removeOnComplete: 100`)
// bounds how many jobs are kept, not for how long; and with only `removeOnComplete`, every failed
// job keeps its personal data forever — exactly the leak this tool exists to catch.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Retention } from '../types';
import { moduleIs } from './librarySink';
import { numberValue, optionProperty, stringValue, technicalExpiry, unwrap } from './options';
import { receiverChain, type Provenance } from './provenance';
import type { SinkCallSite, SinkContext, SinkRecognizer } from './types';

const QUEUE_WRITES = new Set(['add', 'addBulk']);
const isQueueModule = moduleIs('bullmq', 'bull', '@nestjs/bull', '@nestjs/bullmq');

export const bullmqSink: SinkRecognizer = {
  id: 'bullmq',
  family: 'bullmq',
  kind: 'storage',
  matchCall(site, context) {
    if (!QUEUE_WRITES.has(site.method)) return undefined;
    const chain = receiverChain(site, context);
    if (!chain?.module || !isQueueModule(chain.module) || !isQueue(chain, site)) return undefined;
    const { data, options } = jobArguments(site, chain.module);
    if (!data) return undefined;
    const expiry = site.method === 'add' ? removalExpiry(options, queueDefaults(site), context) : undefined;
    return { kind: 'storage', family: 'bullmq', dataArgs: [data], ...(expiry ? { expiry } : {}) };
  },
};

function isQueue(chain: Provenance, site: SinkCallSite): boolean {
  // bullmq exports much more than Queue (Worker, FlowProducer …); Bull's default export is Queue.
  return chain.steps.includes('Queue') || chain.module === 'bull' || site.receiver?.decorators?.includes('InjectQueue') === true;
}

function jobArguments(site: SinkCallSite, module: string): { data?: TSESTree.Node; options?: TSESTree.Node } {
  const args = site.call.arguments;
  if (site.method === 'addBulk') return { data: args[0] };
  // Bull: add(data, opts) unless a job name comes first (a string, or three arguments).
  const named = module !== 'bull' || args.length >= 3 || (args.length === 2 && isNameLike(args[0]));
  return named ? { data: args[1], options: args[2] } : { data: args[0], options: args[1] };
}

function isNameLike(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  return stringValue(value) !== undefined || value.type === 'TemplateLiteral';
}

/** The queue's `defaultJobOptions`, when the file created the queue with them. */
function queueDefaults(site: SinkCallSite): TSESTree.Node | undefined {
  // new Queue(name, opts) — Bull also new Queue(name, redisUrl, opts).
  for (const argument of site.receiver?.originCall?.arguments.slice(1) ?? []) {
    const object = unwrap(argument);
    if (object.type !== 'ObjectExpression') continue;
    for (const property of object.properties) {
      if (property.type === 'Property' && !property.computed && property.key.type === 'Identifier' && property.key.name === 'defaultJobOptions') return property.value;
    }
  }
  return undefined;
}

function removalExpiry(options: TSESTree.Node | undefined, defaults: TSESTree.Node | undefined, context: SinkContext): Retention | undefined {
  const onComplete = optionProperty(options, 'removeOnComplete', context) ?? optionProperty(defaults, 'removeOnComplete', context);
  const onFail = optionProperty(options, 'removeOnFail', context) ?? optionProperty(defaults, 'removeOnFail', context);
  const complete = onComplete && keptFor(onComplete, context);
  const fail = onFail && keptFor(onFail, context);
  if (!complete || !fail) return undefined;
  const seconds = complete.seconds === undefined || fail.seconds === undefined ? undefined : Math.max(complete.seconds, fail.seconds);
  return technicalExpiry(seconds, 'BullMQ removeOnComplete + removeOnFail', onFail!);
}

/** How long a finished job is kept: `true` → 0, `{ age }` → age (unknown when not a constant); a count or `false` → not bounded. */
function keptFor(node: TSESTree.Node, context: SinkContext): { seconds: number | undefined } | undefined {
  const value = unwrap(node);
  if (value.type === 'Literal') return value.value === true ? { seconds: 0 } : undefined;
  const age = optionProperty(value, 'age', context);
  return age ? { seconds: numberValue(age, context) } : undefined;
}
