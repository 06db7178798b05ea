// What Sentry's `init({ beforeSend, beforeBreadcrumb })` removes from every event and breadcrumb,
// read from this file and from the workspace files that import a @sentry/* package (init runs
// once, usually in an instrument or config file no other file imports). With several inits
// (client and server configs) only what every one of them removes counts.
// Each capture method puts its arguments at a known place in the event:
//   setUser(u) → event.user        setExtra(k, v) → event.extra.k   setExtras(o) → event.extra
//   setContext(n, o) → event.contexts.n   setTag(k, v) → event.tags.k   setTags(o) → event.tags
//   captureException(e, hint) → event.exception, hint merged into the event
//   captureMessage(m, ctx) → event.message, ctx merged    captureEvent(e) → the event itself
//   addBreadcrumb(b) → the breadcrumb (beforeBreadcrumb), and event.breadcrumbs[*] (beforeSend)
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeSegments } from '../callSite';
import { stringValue } from '../options';
import { chainOf, isGlobal, type Provenance } from '../provenance';
import type { Redaction, SinkCallSite, SinkContext } from '../types';
import { callsIn, configurationFiles, methodProperty, PROCESS_CONFIGURATION, resolved, where } from './common';
import { fieldEdits, type FieldEdits } from './fieldEdits';
import { pathText } from './redactPaths';

type Hook = 'beforeSend' | 'beforeBreadcrumb';
const SENTRY_GLOBAL = new Set(['Sentry']);

export function sentryRedactions(site: SinkCallSite, chain: Provenance, context: SinkContext): Redaction[] {
  const args = site.call.arguments;
  const redactions: Redaction[] = [];
  const add = (hook: Hook, targets: [TSESTree.Node | undefined, string[]][]) => {
    const present = targets.filter((entry): entry is [TSESTree.Node, string[]] => entry[0] !== undefined);
    if (!present.length) return;
    const configured = hookEdits(hook, chain, context);
    if (configured) redactions.push({ ...configured, targets: new Map(present) });
  };
  const key = (node: TSESTree.Node | undefined) => stringValue(node) ?? '?';
  switch (site.method) {
    case 'setUser':
      add('beforeSend', [[args[0], ['user']]]);
      break;
    case 'setExtra':
      add('beforeSend', [[args[1], ['extra', key(args[0])]]]);
      break;
    case 'setExtras':
      add('beforeSend', [[args[0], ['extra']]]);
      break;
    case 'setContext':
      add('beforeSend', [[args[1], ['contexts', key(args[0])]]]);
      break;
    case 'setTag':
      add('beforeSend', [[args[1], ['tags', key(args[0])]]]);
      break;
    case 'setTags':
      add('beforeSend', [[args[0], ['tags']]]);
      break;
    case 'captureException':
      add('beforeSend', [[args[0], ['exception']], [args[1], []]]);
      break;
    case 'captureMessage':
      add('beforeSend', [[args[0], ['message']], [args[1], []]]);
      break;
    case 'captureEvent':
      add('beforeSend', [[args[0], []]]);
      break;
    case 'addBreadcrumb':
      add('beforeBreadcrumb', [[args[0], []]]);
      add('beforeSend', [[args[0], ['breadcrumbs', '[]']]]);
      break;
  }
  return redactions;
}

type HookEdits = Omit<Redaction, 'targets'> | null;
/** By the asking file, then the file the Sentry chain starts in, then the hook. */
const hookCache = new WeakMap<TSESTree.Program, WeakMap<TSESTree.Program, Map<Hook, HookEdits>>>();

function hookEdits(hook: Hook, chain: Provenance, context: SinkContext): Omit<Redaction, 'targets'> | undefined {
  const root = (chain.context ?? context).program;
  let byRoot = hookCache.get(context.program);
  if (!byRoot) hookCache.set(context.program, (byRoot = new WeakMap()));
  let byHook = byRoot.get(root);
  if (!byHook) byRoot.set(root, (byHook = new Map()));
  if (!byHook.has(hook)) byHook.set(hook, readHook(hook, chain, context) ?? null);
  return byHook.get(hook) ?? undefined;
}

/** What the inits' hook removes, when every init has one that removes something. */
function readHook(hook: Hook, chain: Provenance, context: SinkContext): Omit<Redaction, 'targets'> | undefined {
  const all = callsIn(configurationFiles(context, PROCESS_CONFIGURATION.sentry, [chain.context]), 'sentry.init', isSentryInit);
  const own = all.filter((call) => call.context.program === context.program);
  const inits = own.length ? own : all;
  if (!inits.length) return undefined;
  let common: FieldEdits | undefined;
  let first: { node: TSESTree.Node; context: SinkContext } | undefined;
  for (const init of inits) {
    const fn = methodProperty(resolved(init.node.arguments[0], init.context), hook, init.context);
    const edits = fn && fieldEdits(fn, init.context);
    if (!fn || !edits) return undefined;
    first ??= { node: fn, context: init.context };
    common = common ? intersect(common, edits) : edits;
  }
  if (!common || !first || (!common.paths.length && !common.keepOnly.length)) return undefined;
  const described = [...common.paths, ...common.keepOnly.map((entry) => entry.path)].map(pathText).join(', ');
  return {
    paths: common.paths,
    keepOnly: common.keepOnly,
    declaredBy: `Sentry ${hook} at ${where(first.node, first.context)}${inits.length > 1 ? ` (and ${inits.length - 1} more init)` : ''} (${described})`,
    span: first.node.loc,
    ...(first.context.filePath ? { file: first.context.filePath } : {}),
  };
}

function isSentryInit(call: TSESTree.CallExpression, context: SinkContext): boolean {
  const segments = calleeSegments(call.callee);
  if (segments[segments.length - 1] !== 'init') return false;
  const chain = chainOf(segments, context, call.callee);
  return chain !== undefined && (chain.module?.startsWith('@sentry/') === true || isGlobal(chain, SENTRY_GLOBAL));
}

function intersect(a: FieldEdits, b: FieldEdits): FieldEdits {
  const keyOf = (path: readonly string[]) => path.join('\u0000');
  const inB = new Set(b.paths.map(keyOf));
  const keepB = new Set(b.keepOnly.map((entry) => `${keyOf(entry.path)}\u0001${entry.keep.join(',')}`));
  return {
    paths: a.paths.filter((path) => inB.has(keyOf(path))),
    keepOnly: a.keepOnly.filter((entry) => keepB.has(`${keyOf(entry.path)}\u0001${entry.keep.join(',')}`)),
  };
}
