// How log4js is configured: `log4js.configure({ appenders, categories })`, in this file or in a
// workspace file that imports log4js (configured once at start-up). A logger from
// `getLogger('cat')` writes to the appenders of category 'cat' (or 'default'):
//   stdout / stderr / console     console output
//   dateFile                      `numBackups` (or the older `daysToKeep`) old files of the
//                                 `pattern`'s period (daily by default) besides the current one;
//                                 without either, unbounded (the default changed between versions)
//   logLevelFilter / categoryFilter   whatever the wrapped `appender` is
//   file, multiFile, anything else    unbounded (size rotation does not bound age)
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeSegments } from '../callSite';
import { numberValue, optionProperty, stringValue, unwrap } from '../options';
import { chainOf, type Provenance } from '../provenance';
import type { SinkContext } from '../types';
import { arrayElements, callsIn, configurationFiles, configuredExpiry, PROCESS_CONFIGURATION, resolved } from './common';
import { CONSOLE, loggerExpiry, UNBOUNDED, type LogOutput } from './outputs';
import type { LoggerConfiguration } from './pinoConfig';
import { datePatternSeconds } from './rotation';

const CONSOLE_APPENDERS = new Set(['stdout', 'stderr', 'console']);
const FILTER_APPENDERS = new Set(['logLevelFilter', 'categoryFilter']);
const MAX_FILTER_DEPTH = 4;

export function log4jsConfiguration(chain: Provenance, context: SinkContext): LoggerConfiguration {
  const getLogger = chain.calls?.find((call) => call.method === 'getLogger' || calleeSegments(call.node.callee).pop() === 'getLogger');
  const category = getLogger ? stringValue(getLogger.node.arguments[0]) ?? 'default' : 'default';
  const files = configurationFiles(context, PROCESS_CONFIGURATION.log4js, [getLogger?.context, chain.context]);
  const configure = callsIn(files, 'log4js.configure', isConfigure)[0];
  const options = configure && resolved(configure.node.arguments[0], configure.context);
  if (!configure || options?.type !== 'ObjectExpression') return {};
  const config = configure.context;
  const categories = resolved(optionProperty(options, 'categories', config), config);
  const entry = optionProperty(categories, category, config) ?? optionProperty(categories, 'default', config);
  const names = arrayElements(optionProperty(entry, 'appenders', config), config);
  if (!names) return {};
  const appenders = optionProperty(options, 'appenders', config);
  const outputs = names.map((name) => appenderOutput(stringValue(name), appenders, config, 0));
  const expiry = loggerExpiry(outputs);
  return expiry ? { expiry } : {};
}

function isConfigure(call: TSESTree.CallExpression, context: SinkContext): boolean {
  const segments = calleeSegments(call.callee);
  if (segments[segments.length - 1] !== 'configure') return false;
  return chainOf(segments, context, call.callee)?.module === 'log4js';
}

function appenderOutput(name: string | undefined, appenders: TSESTree.Node | undefined, context: SinkContext, depth: number): LogOutput {
  const appender = name === undefined ? undefined : optionProperty(appenders, name, context);
  if (!appender || depth > MAX_FILTER_DEPTH) return UNBOUNDED;
  const type = stringValue(optionProperty(appender, 'type', context));
  if (type === undefined) return UNBOUNDED;
  if (CONSOLE_APPENDERS.has(type)) return CONSOLE;
  if (FILTER_APPENDERS.has(type)) return appenderOutput(stringValue(optionProperty(appender, 'appender', context)), appenders, context, depth + 1);
  if (type !== 'dateFile') return UNBOUNDED;
  const numBackups = optionProperty(appender, 'numBackups', context);
  const backupsNode = numBackups ?? optionProperty(appender, 'daysToKeep', context);
  if (!backupsNode) return UNBOUNDED;
  const backups = numberValue(backupsNode, context);
  const pattern = stringValue(optionProperty(appender, 'pattern', context)) ?? 'yyyy-MM-dd';
  const period = datePatternSeconds(pattern);
  const seconds = backups === undefined || period === undefined ? undefined : (backups + 1) * period;
  return { kind: 'kept', expiry: configuredExpiry(seconds, `log4js dateFile ${numBackups ? 'numBackups' : 'daysToKeep'} ${backups ?? '?'} ('${pattern}' files)`, unwrap(backupsNode), context) };
}
