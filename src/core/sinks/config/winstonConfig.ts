// How a winston logger was created: `createLogger({ format, transports })` (also
// `winston.loggers.add(name, options)` and v2's `new winston.Logger(options)`).
//   format      `format((info) => { delete info.email; return info })()`, directly or in
//               `format.combine(…)`, inline or through a `const redactEmail = format(…)` of the
//               file: the fields it deletes or masks leave every line (info = the message's meta
//               objects merged, so the paths apply to each object argument).
//   transports  Console → no retention of its own; DailyRotateFile with `maxFiles` ('14d' or a
//               number of files of its `frequency` / `datePattern`, daily by default); the
//               MongoDB transport's `expireAfterSeconds`; a File transport (size rotation only),
//               Http, Stream or anything else → unbounded.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeSegments } from '../callSite';
import { numberValue, optionProperty, stringValue, unwrap } from '../options';
import type { CreationCall, Provenance } from '../provenance';
import type { Redaction, SinkContext } from '../types';
import { arrayElements, configuredExpiry, functionOf, resolved, where } from './common';
import { fieldEdits } from './fieldEdits';
import { CONSOLE, loggerExpiry, UNBOUNDED, type LogOutput } from './outputs';
import type { LoggerConfiguration } from './pinoConfig';
import { pathText } from './redactPaths';
import { datePatternSeconds, frequencySeconds, maxFilesDays } from './rotation';
import { streamOutput } from './streams';

const CREATION_METHODS = new Set(['createLogger', 'add', 'Logger']);
const MAX_FORMAT_DEPTH = 6;

export function winstonConfiguration(chain: Provenance, dataArgs: readonly TSESTree.Node[]): LoggerConfiguration {
  const root = chain.calls?.find((call) => CREATION_METHODS.has(creationName(call)));
  if (!root) return {};
  const options = resolved(root.node.arguments[creationName(root) === 'add' ? 1 : 0], root.context);
  if (options?.type !== 'ObjectExpression') return {};
  const result: LoggerConfiguration = {};
  const redactions: Omit<Redaction, 'targets'>[] = [];
  formatRedactions(optionProperty(options, 'format', root.context), root.context, redactions, 0);
  const targets = new Map(dataArgs.map((arg) => [arg, [] as string[]]));
  if (redactions.length && targets.size) result.redactions = redactions.map((redaction) => ({ ...redaction, targets }));
  const expiry = loggerExpiry(transportOutputs(optionProperty(options, 'transports', root.context), root.context));
  if (expiry) result.expiry = expiry;
  return result;
}

function creationName(call: CreationCall): string {
  const callee = call.node.callee;
  const segments = calleeSegments(callee);
  return segments[segments.length - 1];
}

/** The field edits of every custom format in `format` (through `combine`, consts and inline calls). */
function formatRedactions(node: TSESTree.Node | undefined, context: SinkContext, found: Omit<Redaction, 'targets'>[], depth: number): void {
  const value = resolved(node, context);
  if (!value || value.type !== 'CallExpression' || depth > MAX_FORMAT_DEPTH) return;
  const segments = calleeSegments(value.callee);
  if (segments[segments.length - 1] === 'combine') {
    for (const argument of value.arguments) formatRedactions(argument, context, found, depth + 1);
    return;
  }
  // `redactEmail()` where `const redactEmail = format(fn)`, or `format(fn)()` inline.
  const factory = resolved(value.callee, context);
  if (factory?.type !== 'CallExpression') return;
  const factoryPath = calleeSegments(factory.callee);
  if (factoryPath[factoryPath.length - 1] !== 'format') return;
  const transform = functionOf(factory.arguments[0], context);
  const edits = transform && fieldEdits(transform, context);
  if (!transform || !edits) return;
  found.push({
    paths: edits.paths,
    keepOnly: edits.keepOnly,
    declaredBy: `winston format at ${where(transform, context)} (${[...edits.paths, ...edits.keepOnly.map((entry) => entry.path)].map(pathText).join(', ')})`,
    span: transform.loc,
    ...(context.filePath ? { file: context.filePath } : {}),
  });
}

function transportOutputs(node: TSESTree.Node | undefined, context: SinkContext): LogOutput[] {
  if (!node) return [CONSOLE];
  const elements = arrayElements(node, context) ?? [node];
  return elements.map((element) => transportOutput(resolved(element, context), context));
}

function transportOutput(node: TSESTree.Node | undefined, context: SinkContext): LogOutput {
  if (node?.type !== 'NewExpression') return UNBOUNDED;
  const segments = calleeSegments(node.callee);
  const className = segments[segments.length - 1];
  const options = node.arguments[0];
  switch (className) {
    case 'Console':
      return CONSOLE;
    case 'DailyRotateFile':
      return dailyRotateFile(options, context);
    case 'MongoDB': {
      const ttl = optionProperty(options, 'expireAfterSeconds', context);
      return ttl ? { kind: 'kept', expiry: configuredExpiry(numberValue(ttl, context), 'winston-mongodb expireAfterSeconds', unwrap(ttl), context) } : UNBOUNDED;
    }
    case 'Stream':
      return streamOutput(optionProperty(options, 'stream', context), context);
    default:
      return UNBOUNDED;
  }
}

/** winston-daily-rotate-file: `maxFiles: '14d'` keeps 14 days; `maxFiles: 14` keeps 14 files of one period each. */
function dailyRotateFile(options: TSESTree.Node | undefined, context: SinkContext): LogOutput {
  const maxFilesNode = optionProperty(options, 'maxFiles', context);
  if (!maxFilesNode) return UNBOUNDED;
  const text = stringValue(maxFilesNode);
  const days = text === undefined ? undefined : maxFilesDays(text);
  if (days !== undefined) {
    return { kind: 'kept', expiry: configuredExpiry(days * 86_400, `winston-daily-rotate-file maxFiles '${text}'`, unwrap(maxFilesNode), context) };
  }
  const count = text !== undefined && /^\s*\d+\s*$/.test(text) ? Number(text) : numberValue(maxFilesNode, context);
  const frequency = stringValue(optionProperty(options, 'frequency', context));
  const pattern = stringValue(optionProperty(options, 'datePattern', context)) ?? 'YYYY-MM-DD';
  const period = frequencySeconds(frequency) ?? datePatternSeconds(pattern);
  if (count === undefined || period === undefined) return { kind: 'kept', expiry: configuredExpiry(undefined, 'winston-daily-rotate-file maxFiles', unwrap(maxFilesNode), context) };
  const label = `winston-daily-rotate-file maxFiles ${count} ('${frequency ?? pattern}' files)`;
  return { kind: 'kept', expiry: configuredExpiry(count * period, label, unwrap(maxFilesNode), context) };
}
