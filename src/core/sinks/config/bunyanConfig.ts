// How a bunyan logger was created: `bunyan.createLogger({ streams })`. A `rotating-file` stream
// keeps `count` back copies (default 10) of one `period` each (default '1d'), plus the current
// file; `stream: process.stdout` is console output; a plain `path` (a file) or anything else is
// unbounded. No stream at all means stdout.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeSegments } from '../callSite';
import { numberValue, optionProperty, stringValue, unwrap } from '../options';
import type { Provenance } from '../provenance';
import type { SinkContext } from '../types';
import { arrayElements, configuredExpiry, resolved } from './common';
import { CONSOLE, loggerExpiry, UNBOUNDED, type LogOutput } from './outputs';
import type { LoggerConfiguration } from './pinoConfig';
import { bunyanPeriodSeconds } from './rotation';
import { streamOutput } from './streams';

const DEFAULT_PERIOD = '1d';
const DEFAULT_COUNT = 10;

export function bunyanConfiguration(chain: Provenance): LoggerConfiguration {
  const root = chain.calls?.find((call) => {
    const segments = calleeSegments(call.node.callee);
    return segments[segments.length - 1] === 'createLogger' || call.node.type === 'NewExpression';
  });
  const options = root && resolved(root.node.arguments[0], root.context);
  if (!root || options?.type !== 'ObjectExpression') return {};
  const context = root.context;
  const streams = optionProperty(options, 'streams', context);
  const single = optionProperty(options, 'stream', context);
  const path = optionProperty(options, 'path', context);
  let outputs: LogOutput[];
  if (streams) outputs = (arrayElements(streams, context) ?? [undefined]).map((entry) => streamEntry(entry, context));
  else if (single) outputs = [streamOutput(single, context)];
  else outputs = [path ? UNBOUNDED : CONSOLE];
  const expiry = loggerExpiry(outputs);
  return expiry ? { expiry } : {};
}

function streamEntry(node: TSESTree.Node | undefined, context: SinkContext): LogOutput {
  const entry = resolved(node, context);
  if (entry?.type !== 'ObjectExpression') return UNBOUNDED;
  const type = stringValue(optionProperty(entry, 'type', context));
  if (type === 'rotating-file') {
    const periodNode = optionProperty(entry, 'period', context);
    const countNode = optionProperty(entry, 'count', context);
    const periodText = periodNode ? stringValue(periodNode) : DEFAULT_PERIOD;
    const count = countNode ? numberValue(countNode, context) : DEFAULT_COUNT;
    const period = periodText === undefined ? undefined : bunyanPeriodSeconds(periodText);
    const seconds = count === undefined || period === undefined ? undefined : (count + 1) * period;
    const label = `bunyan rotating-file count ${count ?? '?'}${countNode ? '' : ' (default)'}, period '${periodText ?? '?'}'${periodNode ? '' : ' (default)'}`;
    return { kind: 'kept', expiry: configuredExpiry(seconds, label, unwrap(countNode ?? periodNode ?? entry), context) };
  }
  if (type === 'raw') return CONSOLE; // a RingBuffer or a custom object stream kept in memory
  const stream = optionProperty(entry, 'stream', context);
  if (stream) return streamOutput(stream, context);
  return UNBOUNDED;
}
