// A sink made of a library's module, its methods and the arguments that carry data: most logger
// and analytics recognisers are one call of `librarySink({ … })`.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { SinkKind } from '../types';
import { valueArgs } from './options';
import { calleeChain, type Provenance } from './provenance';
import type { SinkCallSite, SinkContext, SinkMatch, SinkRecognizer } from './types';

export interface LibrarySinkSpec {
  id: string;
  family: string;
  kind: SinkKind;
  /** Methods (the last callee segment) that send data somewhere. Checked first: it is cheap. */
  methods: ReadonlySet<string>;
  /** Whether an import/require specifier is this library. */
  module(specifier: string): boolean;
  /** Global names that mean this library when the file declares nothing by that name (a snippet's `window.analytics`). */
  globals?: ReadonlySet<string>;
  /** A further condition on the chain from the module to the method, e.g. NestJS's `Logger` among `@nestjs/common`'s exports. */
  accepts?(chain: Provenance): boolean;
  /** The arguments whose values reach the sink; default: every argument but callbacks. */
  data?(site: SinkCallSite): TSESTree.Node[];
  /** What the library's configuration adds: a log rotation's expiry, redacted paths (config/*.ts). */
  configure?(site: SinkCallSite, chain: Provenance, context: SinkContext, dataArgs: TSESTree.Node[]): Pick<SinkMatch, 'expiry' | 'redactions'>;
}

export function librarySink(spec: LibrarySinkSpec): SinkRecognizer {
  return {
    id: spec.id,
    family: spec.family,
    kind: spec.kind,
    matchCall(site, context) {
      if (!spec.methods.has(site.method)) return undefined;
      const chain = calleeChain(site, context);
      if (!chain) return undefined;
      const fromLibrary = chain.module !== undefined ? spec.module(chain.module) : !chain.declared && spec.globals?.has(chain.root) === true;
      if (!fromLibrary || (spec.accepts && !spec.accepts(chain))) return undefined;
      const dataArgs = spec.data ? spec.data(site) : valueArgs(site.call.arguments);
      if (dataArgs.length === 0) return undefined;
      const configured = spec.configure?.(site, chain, context, dataArgs);
      return {
        kind: spec.kind,
        family: spec.family,
        dataArgs,
        ...(configured?.expiry ? { expiry: configured.expiry } : {}),
        ...(configured?.redactions?.length ? { redactions: configured.redactions } : {}),
      };
    },
  };
}

/** `module === name` or a subpath of it (`consola/basic`). */
export function moduleIs(...names: string[]): (specifier: string) => boolean {
  return (specifier) => names.some((name) => specifier === name || specifier.startsWith(`${name}/`));
}
