// Streams a logger may be handed: process.stdout / stderr, pino.destination(1), and
// rotating-file-stream's `createStream(name, { interval: '1d', maxFiles: 14 })`.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeSegments } from '../callSite';
import { numberValue, optionProperty, stringValue, unwrap } from '../options';
import { chainOf } from '../provenance';
import type { SinkContext } from '../types';
import { configuredExpiry, resolved } from './common';
import { CONSOLE, UNBOUNDED, type LogOutput } from './outputs';
import { intervalSeconds } from './rotation';

const STANDARD_STREAMS = new Set(['process.stdout', 'process.stderr']);

export function streamOutput(node: TSESTree.Node | undefined, context: SinkContext): LogOutput {
  const stream = resolved(node, context);
  if (!stream) return UNBOUNDED;
  if (stream.type === 'MemberExpression' && STANDARD_STREAMS.has(context.text(stream))) return CONSOLE;
  if (stream.type === 'Literal' && (stream.value === 1 || stream.value === 2)) return CONSOLE;
  if (stream.type !== 'CallExpression') return UNBOUNDED;
  const segments = calleeSegments(stream.callee);
  const method = segments[segments.length - 1];
  if (method === 'destination') {
    // pino.destination(1), pino.destination({ dest: 2 }), pino.destination('./app.log')
    const target = unwrap(stream.arguments[0] ?? stream);
    const dest = target.type === 'ObjectExpression' ? optionProperty(target, 'dest', context) : stream.arguments[0];
    return dest === undefined || numberValue(dest, context) === 1 || numberValue(dest, context) === 2 ? CONSOLE : UNBOUNDED;
  }
  const module = chainOf(segments, context, stream.callee)?.module;
  if (module === 'rotating-file-stream') return rotatingFileStream(stream, context);
  return UNBOUNDED;
}

/** `createStream('app.log', { interval: '1d', maxFiles: 14 })`: the rotated files plus the current one. */
function rotatingFileStream(call: TSESTree.CallExpression, context: SinkContext): LogOutput {
  const options = call.arguments[1];
  const interval = stringValue(optionProperty(options, 'interval', context));
  const maxFilesNode = optionProperty(options, 'maxFiles', context);
  const maxFiles = numberValue(maxFilesNode, context);
  const period = interval === undefined ? undefined : intervalSeconds(interval);
  if (!maxFilesNode || maxFiles === undefined || period === undefined) return UNBOUNDED;
  return { kind: 'kept', expiry: configuredExpiry((maxFiles + 1) * period, `rotating-file-stream maxFiles ${maxFiles} (interval '${interval}')`, maxFilesNode, context) };
}
