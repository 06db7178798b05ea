// DynamoDB item writes: the v3 document client's `client.send(new PutCommand({ TableName, Item }))`
// (also PutItemCommand, and UpdateCommand's ExpressionAttributeValues), `DynamoDBDocument`'s
// `put(…)`, and v2's `new AWS.DynamoDB.DocumentClient().put(params)`. Data: the item.
// Expiry — decided here, since the TTL attribute is named in the table's settings, not the code:
// an item attribute named like a TTL (`ttl`, `expiresAt`, `expireAt`, `expiry`, `expirationTime`,
// `timeToLive` …) whose value is epoch SECONDS written as now + n
// (`Math.floor(Date.now() / 1000) + 86_400`), also marshalled (`{ N: String(…) }`). A value in
// epoch milliseconds (`Date.now() + n`) is not an expiry: DynamoDB reads it as a date thousands
// of years ahead and never deletes the item.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Retention } from '../types';
import { calleeSegments } from './callSite';
import { configuredExpiry, resolved } from './config/common';
import { objectProperty, optionProperty, propertyKey, timeFromNow, unwrap } from './options';
import { chainOf, receiverChain, type Provenance } from './provenance';
import type { SinkContext, SinkRecognizer } from './types';

const DOCUMENT_MODULES = new Set(['@aws-sdk/lib-dynamodb', '@aws-sdk/client-dynamodb']);
const V2_MODULES = new Set(['aws-sdk', 'aws-sdk/clients/dynamodb']);
/** Command classes → the parameter that holds the data. */
const COMMANDS = new Map([['PutCommand', 'Item'], ['PutItemCommand', 'Item'], ['UpdateCommand', 'ExpressionAttributeValues'], ['UpdateItemCommand', 'ExpressionAttributeValues']]);
/** Methods of a document client → the parameter that holds the data. */
const METHODS = new Map([['put', 'Item'], ['update', 'ExpressionAttributeValues']]);
const TTL_ATTRIBUTE = /^(ttl|expires?|expiresAt|expireAt|expiresOn|expiry|expiryTime|expiration|expirationTime|expirationDate|timeToLive)$/i;

export const dynamodbSink: SinkRecognizer = {
  id: 'dynamodb',
  family: 'dynamodb',
  kind: 'storage',
  matchCall(site, context) {
    let params: TSESTree.Node | undefined;
    let dataKey: string | undefined;
    if (site.method === 'send') {
      const command = resolved(site.call.arguments[0], context);
      if (command?.type !== 'NewExpression') return undefined;
      const chain = chainOf(calleeSegments(command.callee), context, command.callee);
      const name = chain && commandName(chain);
      if (!name) return undefined;
      params = command.arguments[0];
      dataKey = COMMANDS.get(name);
    } else if (METHODS.has(site.method)) {
      const chain = receiverChain(site, context);
      if (!chain || !isDocumentClient(chain)) return undefined;
      params = site.call.arguments[0];
      dataKey = METHODS.get(site.method);
    } else {
      return undefined;
    }
    const item = dataKey && optionProperty(params, dataKey, context);
    if (!item) return undefined;
    const expiry = dataKey === 'Item' ? itemExpiry(item, context) : undefined;
    return { kind: 'storage', family: 'dynamodb', dataArgs: [item], ...(expiry ? { expiry } : {}) };
  },
};

function commandName(chain: Provenance): string | undefined {
  if (chain.module === undefined || !DOCUMENT_MODULES.has(chain.module)) return undefined;
  const name = chain.steps[0];
  return name !== undefined && COMMANDS.has(name) ? name : undefined;
}

/** `DynamoDBDocument.from(client)` (v3) or `new AWS.DynamoDB.DocumentClient()` (v2). */
function isDocumentClient(chain: Provenance): boolean {
  if (chain.module === '@aws-sdk/lib-dynamodb') return chain.steps[0] === 'DynamoDBDocument' && (chain.calls?.length ?? 0) > 0;
  if (chain.module !== undefined && V2_MODULES.has(chain.module)) return chain.steps.includes('DocumentClient') && chain.steps.includes('new');
  return false;
}

function itemExpiry(item: TSESTree.Node, context: SinkContext): Retention | undefined {
  const object = resolved(item, context);
  if (object?.type !== 'ObjectExpression') return undefined;
  for (const property of object.properties) {
    if (property.type !== 'Property') continue;
    const key = propertyKey(property);
    if (!key || !TTL_ATTRIBUTE.test(key)) continue;
    const time = timeFromNow(epochExpression(resolved(property.value, context), context), context);
    if (time?.unit === 's') return configuredExpiry(time.seconds, `DynamoDB TTL attribute ${key}`, property, context);
  }
  return undefined;
}

/** The number inside a marshalled `{ N: String(x) }`, `{ N: \`${x}\` }`, `{ N: x.toString() }`. */
function epochExpression(node: TSESTree.Node | undefined, context: SinkContext): TSESTree.Node | undefined {
  if (!node) return undefined;
  const value = unwrap(node);
  if (value.type === 'ObjectExpression') return epochExpression(resolved(objectProperty(value, 'N'), context), context);
  if (value.type === 'TemplateLiteral' && value.expressions.length === 1) return epochExpression(value.expressions[0], context);
  if (value.type === 'CallExpression') {
    const callee = unwrap(value.callee);
    if (callee.type === 'Identifier' && callee.name === 'String') return epochExpression(value.arguments[0], context);
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'toString') return epochExpression(callee.object, context);
  }
  return value;
}
