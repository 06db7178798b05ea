// Reading a library's configuration where the file states it: constants followed to their
// `const` declarations, functions named by their declarations, and "configured at file:line".
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { simpleTraverse } from '../../estree';
import { technicalExpiry, fileConstant, unwrap } from '../options';
import type { CreationCall, Provenance } from '../provenance';
import type { SinkContext } from '../types';
import type { Retention } from '../../types';

const MAX_CONSTANT_HOPS = 8;

/**
 * Libraries configured once per process, in a file the files that use them need not import:
 * the module text a configuring file mentions, and its configuring call. The workspace hands
 * such files to every file that asks (SinkContext.contextsImporting); a scan that caches or
 * batches by imports must treat them as read by every file.
 */
export const PROCESS_CONFIGURATION = {
  sentry: { module: '@sentry/', mentions: 'init' },
  log4js: { module: 'log4js', mentions: 'configure' },
  session: { module: '-session', mentions: 'session' },
} as const;

/** Whether a file's text may hold a process-wide configuration other files read (see PROCESS_CONFIGURATION). */
export function mayConfigureProcess(text: string): boolean {
  return Object.values(PROCESS_CONFIGURATION).some((entry) => text.includes(entry.module) && text.includes(entry.mentions));
}

export type FunctionLike = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** "src/logger.ts:4", or "line 4" when the file has no name. */
export function where(node: TSESTree.Node, context: SinkContext): string {
  return context.filePath ? `${context.filePath}:${node.loc.start.line}` : `line ${node.loc.start.line}`;
}

/** A technical expiry configured at `node` (possibly in another file than the sink). */
export function configuredExpiry(seconds: number | undefined, label: string, node: TSESTree.Node, context: SinkContext): Retention {
  const expiry = technicalExpiry(seconds, `${label} at ${where(node, context)}`, node);
  return context.filePath ? { ...expiry, file: context.filePath } : expiry;
}

/** The expression a name stands for when the file declares it `const` (through several names). */
export function resolved(node: TSESTree.Node | undefined, context: SinkContext): TSESTree.Node | undefined {
  let current = node && unwrap(node);
  for (let hop = 0; current?.type === 'Identifier' && hop < MAX_CONSTANT_HOPS; hop++) {
    const init = fileConstant(current.name, context);
    if (!init) return current;
    current = unwrap(init);
  }
  return current;
}

/** The elements of an array literal (or of a `const` holding one); undefined when it is not one. */
export function arrayElements(node: TSESTree.Node | undefined, context: SinkContext): TSESTree.Node[] | undefined {
  const value = resolved(node, context);
  if (value?.type !== 'ArrayExpression') return undefined;
  const elements: TSESTree.Node[] = [];
  for (const element of value.elements) {
    if (!element) continue;
    if (element.type === 'SpreadElement') {
      const spread = arrayElements(element.argument, context);
      if (!spread) return undefined;
      elements.push(...spread);
    } else {
      elements.push(element);
    }
  }
  return elements;
}

const functionsCache = new WeakMap<TSESTree.Program, Map<string, FunctionLike>>();

/** A function written inline, or named by a function declaration or `const f = (…) => …` of the file. */
export function functionOf(node: TSESTree.Node | undefined, context: SinkContext): FunctionLike | undefined {
  const value = node && unwrap(node);
  if (!value) return undefined;
  if (value.type === 'ArrowFunctionExpression' || value.type === 'FunctionExpression') return value;
  if (value.type !== 'Identifier') return undefined;
  let functions = functionsCache.get(context.program);
  if (!functions) {
    const found = new Map<string, FunctionLike>();
    simpleTraverse(context.program, {
      enter(candidate) {
        if (candidate.type === 'FunctionDeclaration' && candidate.id) found.set(candidate.id.name, candidate);
      },
    });
    functions = found;
    functionsCache.set(context.program, functions);
  }
  const declared = functions.get(value.name);
  if (declared) return declared;
  const init = fileConstant(value.name, context);
  return init && (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') ? init : undefined;
}

const workspaceCache = new WeakMap<TSESTree.Program, Map<string, SinkContext[]>>();

/** The workspace's configuring files, asked once per file (every sink of the file asks the same). */
function workspaceConfigurations(context: SinkContext, configuration: { module: string; mentions: string }): SinkContext[] {
  if (!context.contextsImporting) return [];
  let byKey = workspaceCache.get(context.program);
  if (!byKey) workspaceCache.set(context.program, (byKey = new Map()));
  const key = `${configuration.module}\u0000${configuration.mentions}`;
  let found = byKey.get(key);
  if (!found) byKey.set(key, (found = context.contextsImporting(configuration.module, configuration.mentions)));
  return found;
}

/** The method of a property that may be written `beforeSend(event) { … }` or `beforeSend: scrub`. */
export function methodProperty(options: TSESTree.Node | undefined, name: string, context: SinkContext): FunctionLike | undefined {
  const object = resolved(options, context);
  if (object?.type !== 'ObjectExpression') return undefined;
  for (let index = object.properties.length - 1; index >= 0; index--) {
    const property = object.properties[index];
    if (property.type !== 'Property') continue;
    const key = !property.computed && property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : undefined;
    if (key === name) return functionOf(property.value, context);
  }
  return undefined;
}

/** The first call of the chain: the library's creation call (`pino(opts)`, `winston.createLogger(opts)`). */
export function creationCall(chain: Provenance | undefined): CreationCall | undefined {
  return chain?.calls?.[0];
}

const callsCache = new WeakMap<TSESTree.Program, Map<string, TSESTree.CallExpression[]>>();

/**
 * The calls of each file that `accept` takes, file by file in order; `key` names what `accept`
 * looks for (results are kept per file and key: every sink of a file asks the same question).
 */
export function callsIn(contexts: readonly SinkContext[], key: string, accept: (call: TSESTree.CallExpression, context: SinkContext) => boolean): CreationCall[] {
  const found: CreationCall[] = [];
  for (const context of contexts) {
    let byKey = callsCache.get(context.program);
    if (!byKey) callsCache.set(context.program, (byKey = new Map()));
    let calls = byKey.get(key);
    if (!calls) {
      const matching: TSESTree.CallExpression[] = [];
      simpleTraverse(context.program, {
        enter(node) {
          if (node.type === 'CallExpression' && accept(node, context)) matching.push(node);
        },
      });
      byKey.set(key, (calls = matching));
    }
    for (const node of calls) found.push({ node, context });
  }
  return found;
}

/**
 * This file first, then `also` (the file that creates the receiver), then the files of the
 * workspace that mention the module and `mentions` (the configuring call: '.init', 'configure').
 */
export function configurationFiles(
  context: SinkContext,
  configuration: { module: string; mentions: string },
  also: readonly (SinkContext | undefined)[] = [],
): SinkContext[] {
  const contexts: SinkContext[] = [context];
  const seen = new Set<TSESTree.Program>([context.program]);
  for (const extra of [...also, ...workspaceConfigurations(context, configuration)]) {
    if (!extra || seen.has(extra.program)) continue;
    seen.add(extra.program);
    contexts.push(extra);
  }
  return contexts;
}
