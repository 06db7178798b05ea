// How a pino logger was created: `redact` (a list of paths, or `{ paths, censor, remove }`) on
// `pino(options)` — or on Fastify's `logger` option — replaced by a `.child(bindings, { redact })`
// further down the chain; and where it writes: stdout (no retention of its own), `pino-roll` with
// `frequency` and `limit.count`, `pino/file`, other transports, destinations and streams.
// Redaction applies to the merging object — the first argument of a level method, the bindings
// of `child` — never to interpolation arguments or a message string.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Retention } from '../../types';
import { calleeSegments } from '../callSite';
import { numberValue, optionProperty, stringValue, unwrap } from '../options';
import type { CreationCall, Provenance } from '../provenance';
import type { Redaction, SinkCallSite, SinkContext } from '../types';
import { arrayElements, configuredExpiry, resolved, where } from './common';
import { CONSOLE, loggerExpiry, UNBOUNDED, type LogOutput } from './outputs';
import { parseRedactPath } from './redactPaths';
import { streamOutput } from './streams';

export interface LoggerConfiguration {
  expiry?: Retention;
  redactions?: Redaction[];
}

const DAY = 86_400;
const PINO_ROLL_FREQUENCIES: Record<string, number> = { daily: DAY, hourly: 3_600 };

export function pinoConfiguration(site: SinkCallSite, chain: Provenance, dataArgs: readonly TSESTree.Node[]): LoggerConfiguration {
  const root = chain.calls?.[0];
  if (!root || site.method === 'assign') return {};
  const options = rootOptions(root, chain);
  let redact = options && redactOf(optionProperty(options, 'redact', root.context), root.context);
  for (const call of chain.calls!.slice(1)) {
    if (call.method !== 'child') continue;
    const childRedact = optionProperty(call.node.arguments[1], 'redact', call.context);
    if (childRedact) redact = redactOf(childRedact, call.context);
  }
  const merging = site.call.arguments[0];
  const result: LoggerConfiguration = {};
  if (redact && merging && dataArgs.includes(merging) && !isText(merging)) {
    result.redactions = [{ ...redact, targets: new Map([[merging, []]]) }];
  }
  if (chain.module === 'pino') {
    const expiry = loggerExpiry(pinoOutputs(root, options));
    if (expiry) result.expiry = expiry;
  }
  return result;
}

/** `pino(options, destination)`; Fastify's `Fastify({ logger: { … } })`. */
function rootOptions(root: CreationCall, chain: Provenance): TSESTree.Node | undefined {
  const first = resolved(root.node.arguments[0], root.context);
  if (first?.type !== 'ObjectExpression') return undefined;
  if (chain.module === 'fastify') {
    const logger = resolved(optionProperty(first, 'logger', root.context), root.context);
    return logger?.type === 'ObjectExpression' ? logger : undefined;
  }
  return first;
}

function redactOf(node: TSESTree.Node | undefined, context: SinkContext): Omit<Redaction, 'targets'> | undefined {
  const value = resolved(node, context);
  if (!value) return undefined;
  const list = value.type === 'ObjectExpression' ? optionProperty(value, 'paths', context) : value;
  const elements = arrayElements(list, context);
  if (!elements) return undefined;
  const paths: string[][] = [];
  for (const element of elements) {
    const text = stringValue(resolved(element, context));
    const path = text === undefined ? undefined : parseRedactPath(text);
    if (path) paths.push(path);
  }
  if (!paths.length) return undefined;
  return { paths, declaredBy: `pino redact at ${where(value, context)}`, span: value.loc, ...(context.filePath ? { file: context.filePath } : {}) };
}

function pinoOutputs(root: CreationCall, options: TSESTree.Node | undefined): LogOutput[] {
  const context = root.context;
  const transport = options && optionProperty(options, 'transport', context);
  if (transport) return transportOutputs(transport, context);
  const destination = options ? root.node.arguments[1] : root.node.arguments[0];
  if (!destination) return [CONSOLE];
  const value = resolved(destination, context);
  if (value?.type === 'CallExpression') {
    const segments = calleeSegments(value.callee);
    if (segments[segments.length - 1] === 'transport') return transportOutputs(value.arguments[0], context);
    if (segments[segments.length - 1] === 'multistream') {
      const streams = arrayElements(value.arguments[0], context);
      return streams ? streams.map((entry) => streamOutput(optionProperty(entry, 'stream', context) ?? entry, context)) : [UNBOUNDED];
    }
  }
  return [streamOutput(destination, context)];
}

/** `{ target, options }` or `{ targets: [...] }`, as `transport` or `pino.transport(…)`. */
function transportOutputs(node: TSESTree.Node | undefined, context: SinkContext): LogOutput[] {
  const value = resolved(node, context);
  if (value?.type === 'CallExpression') return transportOutputs(value.arguments[0], context);
  if (value?.type !== 'ObjectExpression') return [UNBOUNDED];
  const targets = optionProperty(value, 'targets', context);
  if (targets) {
    const elements = arrayElements(targets, context);
    return elements ? elements.map((target) => targetOutput(target, context)) : [UNBOUNDED];
  }
  return [targetOutput(value, context)];
}

function targetOutput(node: TSESTree.Node, context: SinkContext): LogOutput {
  const target = stringValue(optionProperty(node, 'target', context));
  const options = optionProperty(node, 'options', context);
  switch (target) {
    case 'pino-pretty':
      return CONSOLE;
    case 'pino/file': {
      const destination = optionProperty(options, 'destination', context);
      const fd = numberValue(destination, context);
      return !destination || fd === 1 || fd === 2 ? CONSOLE : UNBOUNDED;
    }
    case 'pino-roll':
      return pinoRoll(options, context);
    default:
      return UNBOUNDED;
  }
}

/** pino-roll keeps `limit.count` files besides the current one, each `frequency` long. */
function pinoRoll(options: TSESTree.Node | undefined, context: SinkContext): LogOutput {
  const frequencyNode = optionProperty(options, 'frequency', context);
  const frequencyText = stringValue(frequencyNode);
  const period = frequencyText !== undefined ? PINO_ROLL_FREQUENCIES[frequencyText] : divide(numberValue(frequencyNode, context), 1000);
  const countNode = optionProperty(optionProperty(options, 'limit', context), 'count', context);
  const count = numberValue(countNode, context);
  if (!countNode || count === undefined || period === undefined) return UNBOUNDED;
  const label = `pino-roll limit.count ${count} (${frequencyText ? `'${frequencyText}'` : `${period}s`} files)`;
  return { kind: 'kept', expiry: configuredExpiry((count + 1) * period, label, unwrap(countNode), context) };
}

/** A message string, never a merging object. */
function isText(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  return (value.type === 'Literal' && typeof value.value === 'string') || value.type === 'TemplateLiteral';
}

function divide(value: number | undefined, by: number): number | undefined {
  return value === undefined ? undefined : value / by;
}
