// MongoDB driver: collection writes (`insertOne`, `updateOne(filter, update)`, `bulkWrite`, …) on
// `db.collection('x')` (inline or kept in a variable or member) or on a member typed `Collection`
// from 'mongodb'. Expiry: a TTL index the file creates on the same collection (mongoTtl.ts).
import { collectionExpiry, collectionKey } from './mongoTtl';
import { unwrap } from './options';
import { hasStepRun, receiverChain } from './provenance';
import type { SinkRecognizer } from './types';

/** Index of the data argument of each write. */
const COLLECTION_WRITES = new Map([
  ['insertOne', 0], ['insertMany', 0], ['bulkWrite', 0],
  ['updateOne', 1], ['updateMany', 1], ['replaceOne', 1], ['findOneAndUpdate', 1], ['findOneAndReplace', 1],
]);

export const mongodbSink: SinkRecognizer = {
  id: 'mongodb',
  family: 'mongodb',
  kind: 'storage',
  matchCall(site, context) {
    const index = COLLECTION_WRITES.get(site.method);
    if (index === undefined) return undefined;
    const chain = receiverChain(site, context);
    if (!chain) return undefined;
    const isCollection = hasStepRun(chain.steps, ['collection', '()']) || (chain.module === 'mongodb' && chain.steps.includes('Collection'));
    const data = site.call.arguments[index];
    if (!isCollection || !data) return undefined;
    const callee = unwrap(site.call.callee);
    const expiry = callee.type === 'MemberExpression' ? collectionExpiry(collectionKey(callee.object, context), context) : undefined;
    return { kind: 'storage', family: 'mongodb', dataArgs: [data], ...(expiry ? { expiry } : {}) };
  },
};
