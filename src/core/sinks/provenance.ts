// Where a receiver comes from: the module at the root of its chain of creations and the steps
// taken from there. Evidence from the file, followed through aliases, calls, `new`, declared
// types and transaction callbacks:
//   import pino from 'pino'; const log = pino().child({ a })   log.info   → pino, ['()','child','()','info']
//   import { Queue } from 'bullmq'; new Queue('q')              q.add      → bullmq, ['Queue','new','add']
//   constructor(private repo: Repository<User>)                 this.repo  → typeorm, ['Repository','new']
//   prisma.$transaction(async (tx) => tx.user.create(…))        tx.user    → root 'prisma', ['$transaction','=>','user']
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeSegments } from './callSite';
import type { BindingInfo, SinkCallSite, SinkContext } from './types';

/** A call or construction on the way from the root to the receiver, where its options are read. */
export interface CreationCall {
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The file the call is in (the file that creates an imported logger or client). */
  context: SinkContext;
  /** The method called, for a member call: 'child' in `log.child({ a }, { redact })`. */
  method?: string;
}

export interface Provenance {
  /** The module at the root of the chain, when an import or require starts it. */
  module?: string;
  /** The root name: the local name of the import, a global (`localStorage`), or an unresolved name. */
  root: string;
  /** Whether the file declares the root name at all (false: a global, or an untyped parameter). */
  declared: boolean;
  /** Steps from the root: property names, '()' a call, 'new' construction or a declared type, '=>' a callback parameter, 'extends' a subclass. */
  steps: readonly string[];
  /**
   * The calls and constructions along the chain that the files show, root first: `pino(opts)`,
   * then `.child(bindings, opts)`; each with the file it is in. Their options configure the receiver.
   */
  calls?: readonly CreationCall[];
  /** The file where the chain's root was found: the file that imports the library and creates the receiver. */
  context?: SinkContext;
}

/** Names that stand for the global object when the file does not declare them. */
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self']);

const nameCache = new WeakMap<TSESTree.Program, Map<string, Provenance>>();
const receiverCache = new WeakMap<SinkCallSite, Provenance | null>();
const calleeCache = new WeakMap<SinkCallSite, Provenance | null>();

/** The provenance of the object a method is called on: `logger.child().info` → logger's, plus ['child','()']. */
export function receiverChain(site: SinkCallSite, context: SinkContext): Provenance | undefined {
  let chain = receiverCache.get(site);
  if (chain === undefined) {
    chain = site.receiverPath.length > 0 ? chainOf(site.receiverPath, context, site.call.callee) ?? null : null;
    receiverCache.set(site, chain);
  }
  return chain ?? undefined;
}

/** The provenance of the function called, method included: `fs.writeFile` → fs, ['writeFile']. */
export function calleeChain(site: SinkCallSite, context: SinkContext): Provenance | undefined {
  let chain = calleeCache.get(site);
  if (chain === undefined) {
    chain = chainOf(site.calleePath, context, site.call.callee) ?? null;
    calleeCache.set(site, chain);
  }
  return chain ?? undefined;
}

/** True when the chain starts at the global `name` (`localStorage`, `window.analytics`). */
export function isGlobal(chain: Provenance | undefined, names: ReadonlySet<string>): boolean {
  return chain !== undefined && chain.module === undefined && !chain.declared && names.has(chain.root);
}

export function provenanceOfName(name: string, context: SinkContext): Provenance {
  let known = nameCache.get(context.program);
  if (!known) {
    known = new Map();
    nameCache.set(context.program, known);
  }
  const cached = known.get(name);
  if (cached) return cached;
  // A name met again while it is being resolved (`let a = b.x(); let b = a.y()`) stays unresolved.
  known.set(name, { root: name, declared: true, steps: [] });
  const found = resolveBinding(name, context.binding(name), context);
  const resolved = found.context ? found : { ...found, context };
  known.set(name, resolved);
  return resolved;
}

/**
 * Follows a callee-style path (`['this','logger','child()']`, `['knex()']`, `['new User()']`).
 * `node` is the expression the path was taken from, to read `require('m')` at its root.
 */
export function chainOf(segments: readonly string[], context: SinkContext, node?: TSESTree.Node): Provenance | undefined {
  let index = 0;
  if (segments[0] === 'this') index = 1;
  else if (GLOBAL_OBJECTS.has(segments[0]) && segments.length > 1 && !context.binding(segments[0])) index = 1;
  const first = segments[index];
  if (first === undefined) return undefined;
  let base: Provenance | undefined;
  if (first.startsWith('new ') && first.endsWith('()')) {
    const constructed = chainOf(first.slice(4, -2).split('.'), context);
    base = constructed && withSteps(constructed, ['new']);
  } else {
    const { name, calls } = splitCalls(first);
    if (name === 'require' && calls > 0) {
      const module = node && requiredModuleAtRoot(node);
      base = module === undefined ? undefined : { module, root: 'require', declared: true, steps: callSteps(calls - 1) };
    } else if (/^[A-Za-z_$][\w$]*$/.test(name) && name !== 'super') {
      base = withSteps(provenanceOfName(name, context), callSteps(calls));
    }
  }
  if (!base) return undefined;
  const rest: string[] = [];
  for (const segment of segments.slice(index + 1)) {
    const { name, calls } = splitCalls(segment);
    rest.push(name, ...callSteps(calls));
  }
  const inline = node ? inlineCalls(node, context) : [];
  return withCalls(withSteps(base, rest), inline);
}

function resolveBinding(name: string, info: BindingInfo | undefined, context: SinkContext): Provenance {
  if (!info) return { root: name, declared: false, steps: [] };
  if (info.module !== undefined) {
    // `import { logger } from './logger'`: continue in the file that creates it.
    const external = context.resolveImport?.(name);
    if (external) return provenanceOfName(external.localName, external.context);
    const imported = info.importedName && info.importedName !== 'default' ? [info.importedName] : [];
    return { module: info.module, root: name, declared: true, steps: imported };
  }
  // Prefer whichever kind of evidence reaches a module; otherwise the first that resolves at all.
  let fallback: Provenance | undefined;
  for (const candidate of [fromOrigin, fromType, fromCallback, fromSuperClass]) {
    const chain = candidate(info, context);
    if (chain?.module !== undefined) return chain;
    fallback ??= chain;
  }
  return fallback ?? { root: name, declared: true, steps: [] };
}

function fromOrigin(info: BindingInfo, context: SinkContext): Provenance | undefined {
  if (!info.origin) return undefined;
  if (!info.originCall) return chainOf(info.origin.split('.'), context); // an alias: `const log = logger`
  const created = chainOf(calleeSegments(info.originCall.callee), context, info.originCall.callee);
  if (!created) return undefined;
  const call: CreationCall = { node: info.originCall, context, ...methodOf(info.originCall) };
  return withCalls(withSteps(created, [info.originCall.type === 'NewExpression' ? 'new' : '()']), [call]);
}

function fromType(info: BindingInfo, context: SinkContext): Provenance | undefined {
  const type = info.typeName && chainOf(info.typeName.split('.'), context);
  return type ? withSteps(type, ['new']) : undefined;
}

function fromCallback(info: BindingInfo, context: SinkContext): Provenance | undefined {
  if (!info.callbackCall) return undefined;
  const owner = chainOf(calleeSegments(info.callbackCall.callee), context, info.callbackCall.callee);
  return owner && withSteps(owner, ['=>']);
}

function fromSuperClass(info: BindingInfo, context: SinkContext): Provenance | undefined {
  const parent = info.superClass && chainOf(info.superClass.split('.'), context);
  return parent ? withSteps(parent, ['extends']) : undefined;
}

function withSteps(chain: Provenance, steps: readonly string[]): Provenance {
  return steps.length === 0 ? chain : { ...chain, steps: [...chain.steps, ...steps] };
}

function withCalls(chain: Provenance, calls: readonly CreationCall[]): Provenance {
  return calls.length === 0 ? chain : { ...chain, calls: [...(chain.calls ?? []), ...calls] };
}

function methodOf(call: TSESTree.CallExpression | TSESTree.NewExpression): { method?: string } {
  const callee = call.callee.type === 'ChainExpression' ? call.callee.expression : call.callee;
  if (callee.type !== 'MemberExpression') return {};
  const segments = calleeSegments(callee);
  return { method: segments[segments.length - 1] };
}

/**
 * The calls written inline in a callee, root first: `pino({ redact }).child({ a }).info` →
 * [pino(…), .child(…)]. `require('m')` is the module, not a call on the chain.
 */
function inlineCalls(node: TSESTree.Node, context: SinkContext): CreationCall[] {
  const found: CreationCall[] = [];
  let current: TSESTree.Node = node;
  for (let guard = 0; guard < 32; guard++) {
    if (current.type === 'CallExpression') {
      if (current.callee.type === 'Identifier' && current.callee.name === 'require') break;
      found.push({ node: current, context, ...methodOf(current) });
      current = current.callee;
    } else if (current.type === 'NewExpression') {
      found.push({ node: current, context });
      break;
    } else if (current.type === 'MemberExpression') {
      current = current.object;
    } else if (current.type === 'ChainExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSAsExpression') {
      current = current.expression;
    } else if (current.type === 'AwaitExpression') {
      current = current.argument;
    } else {
      break;
    }
  }
  return found.reverse();
}

function splitCalls(segment: string): { name: string; calls: number } {
  let name = segment;
  let calls = 0;
  while (name.endsWith('()')) {
    name = name.slice(0, -2);
    calls++;
  }
  return { name, calls };
}

function callSteps(calls: number): string[] {
  return calls === 0 ? [] : new Array<string>(calls).fill('()');
}

/** `require('fs').promises.writeFile` → 'fs'. */
function requiredModuleAtRoot(node: TSESTree.Node): string | undefined {
  let current: TSESTree.Node = node;
  for (let guard = 0; guard < 32; guard++) {
    switch (current.type) {
      case 'CallExpression': {
        if (current.callee.type === 'Identifier' && current.callee.name === 'require') {
          const argument = current.arguments[0];
          return argument?.type === 'Literal' && typeof argument.value === 'string' ? argument.value : undefined;
        }
        current = current.callee;
        break;
      }
      case 'NewExpression':
        current = current.callee;
        break;
      case 'MemberExpression':
        current = current.object;
        break;
      case 'ChainExpression':
      case 'TSNonNullExpression':
      case 'TSAsExpression':
        current = current.expression;
        break;
      case 'AwaitExpression':
        current = current.argument;
        break;
      default:
        return undefined;
    }
  }
  return undefined;
}

/** The steps after a prefix, when the chain's steps start with it. */
export function stepsAfter(chain: Provenance, prefix: readonly string[]): readonly string[] | undefined {
  if (prefix.some((step, index) => chain.steps[index] !== step)) return undefined;
  return chain.steps.slice(prefix.length);
}

/** Whether `steps` contains the run `sequence` (`['collection','()']`). */
export function hasStepRun(steps: readonly string[], sequence: readonly string[]): boolean {
  outer: for (let start = 0; start + sequence.length <= steps.length; start++) {
    for (let offset = 0; offset < sequence.length; offset++) if (steps[start + offset] !== sequence[offset]) continue outer;
    return true;
  }
  return false;
}
