// The registry of sink recognisers, tried in order: specific libraries before generic fallbacks.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { simpleTraverse } from '../estree';
import { collectBindings } from './bindings';
import type { BindingInfo } from './types';
import { describeCallSite } from './callSite';
import { amplitudeSink } from './amplitude';
import { bullmqSink } from './bullmq';
import { bunyanSink } from './bunyan';
import { cacheClientsSink } from './cacheClients';
import { consolaSink } from './consola';
import { consoleSink } from './console';
import { cookiesSink } from './cookies';
import { debugSink } from './debug';
import { documentCookieSink } from './documentCookie';
import { drizzleSink } from './drizzle';
import { dynamodbSink } from './dynamodb';
import { fsSink } from './fs';
import { genericAnalyticsSink } from './genericAnalytics';
import { genericLoggerSink } from './genericLogger';
import { googleTagManagerSink } from './googleTagManager';
import { gtagSink } from './gtag';
import { indexedDbSink } from './indexedDb';
import { knexSink } from './knex';
import { log4jsSink } from './log4js';
import { loglevelSink } from './loglevel';
import { mixpanelSink } from './mixpanel';
import { mongodbSink } from './mongodb';
import { mongooseSink } from './mongoose';
import { nestLoggerSink } from './nestLogger';
import { pinoSink } from './pino';
import { posthogSink } from './posthog';
import { prismaSink } from './prisma';
import { redisSink } from './redis';
import { segmentSink } from './segment';
import { sentrySink } from './sentry';
import { sequelizeSink } from './sequelize';
import { sessionSink } from './session';
import { typeormSink } from './typeorm';
import { webStorageSink } from './webStorage';
import { winstonSink } from './winston';
import type { SinkContext, SinkMatch, SinkRecognizer } from './types';

/**
 * Tried in order, first match wins: libraries identified by the file's imports, creations and
 * types first; the name-based fallbacks (generic logger, generic analytics) last. Each recogniser
 * checks its method names (a Set lookup) before anything else: they all run on every call of
 * every file.
 */
export const SINK_RECOGNIZERS: readonly SinkRecognizer[] = [
  // loggers and error reporters [log]
  consoleSink,
  winstonSink,
  pinoSink,
  bunyanSink,
  log4jsSink,
  nestLoggerSink,
  debugSink,
  loglevelSink,
  consolaSink,
  sentrySink,
  // databases, caches, files, browser storage, cookies, queues [storage]
  prismaSink,
  typeormSink,
  mongooseSink,
  sequelizeSink,
  knexSink,
  drizzleSink,
  mongodbSink,
  redisSink,
  cacheClientsSink,
  dynamodbSink,
  sessionSink,
  fsSink,
  webStorageSink,
  indexedDbSink,
  documentCookieSink,
  cookiesSink,
  bullmqSink,
  // analytics and tracking SDKs [third-party]
  segmentSink,
  posthogSink,
  mixpanelSink,
  amplitudeSink,
  gtagSink,
  googleTagManagerSink,
  // name-based fallbacks
  genericLoggerSink,
  genericAnalyticsSink,
];

export function recognizeCall(call: TSESTree.CallExpression, context: SinkContext): SinkMatch | undefined {
  const site = describeCallSite(call, context);
  for (const recognizer of SINK_RECOGNIZERS) {
    const match = recognizer.matchCall?.(site, context);
    if (match) return match;
  }
  return undefined;
}

export function recognizeAssignment(assignment: TSESTree.AssignmentExpression, context: SinkContext): SinkMatch | undefined {
  for (const recognizer of SINK_RECOGNIZERS) {
    const match = recognizer.matchAssignment?.(assignment, context);
    if (match) return match;
  }
  return undefined;
}

export function createSinkContext(
  program: TSESTree.Program,
  text: string,
  enclosingBody: TSESTree.Node = program,
  extraLoggerNames: ReadonlySet<string> = new Set(),
  resolveImport?: SinkContext['resolveImport'],
  filePath?: string,
  contextsImporting?: SinkContext['contextsImporting'],
): SinkContext {
  // Collected on the first question: a file whose calls no recognizer claims by name never pays the walk.
  let bindings: Map<string, BindingInfo> | undefined;
  return {
    resolveImport,
    ...(contextsImporting ? { contextsImporting } : {}),
    ...(filePath !== undefined ? { filePath } : {}),
    extraLoggerNames,
    binding: (name) => (bindings ??= collectBindings(program)).get(name),
    text: (node) => text.slice(node.range[0], node.range[1]),
    enclosingBody,
    program,
  };
}

export interface RecognizedSink {
  node: TSESTree.CallExpression | TSESTree.AssignmentExpression;
  match: SinkMatch;
}

/** Every sink in a file, each with the body of its enclosing function. For tests and the pre-check. */
export function recognizeSinks(program: TSESTree.Program, text: string): RecognizedSink[] {
  const base = createSinkContext(program, text);
  const found: RecognizedSink[] = [];
  simpleTraverse(
    program,
    {
      enter(node) {
        if (node.type !== 'CallExpression' && node.type !== 'AssignmentExpression') return;
        const context = { ...base, enclosingBody: enclosingBody(node) };
        const match = node.type === 'CallExpression' ? recognizeCall(node, context) : recognizeAssignment(node, context);
        if (match) found.push({ node, match });
      },
    },
    true,
  );
  return found;
}

function enclosingBody(node: TSESTree.Node): TSESTree.Node {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current.body;
    if (current.type === 'Program') return current;
  }
  return node;
}

export function isFunction(
  node: TSESTree.Node,
): node is TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

export type { SinkRecognizer, SinkMatch, SinkCallSite, SinkContext, BindingInfo } from './types';
export { UNKNOWN_EXPIRY_LENGTH } from './types';
