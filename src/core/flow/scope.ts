// Lexical scopes and function frames of the flow analysis.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Position, Retention, SinkKind, Span } from '../types';
import type { ParamMarker, Value } from './value';

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export interface Variable {
  name: string;
  value: Value;
  /** `@pii <category>` / `@pii none` on the declaration. */
  pii?: string;
  retention?: Retention;
  declarationSpan?: Span;
  /** Where a JSDoc for the declaration goes. */
  anchor?: Position;
  /** Nesting of conditional branches where it was declared: assignments deeper than this only add. */
  branchDepth: number;
  /** The function it names, for summaries at call sites. */
  fn?: FunctionNode;
  /** The scope a hoisted function was declared in (its closure). */
  fnScope?: Scope;
  /** The declaration whose JSDoc belongs to the function. */
  fnDeclaredAt?: { node: TSESTree.Node; name: string };
}

export class Scope {
  readonly vars = new Map<string, Variable>();
  constructor(
    readonly parent: Scope | undefined,
    readonly frame: Frame,
  ) {}

  lookup(name: string): Variable | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      const found = scope.vars.get(name);
      if (found) return found;
    }
    return undefined;
  }
}

/** Where a parameter's data goes inside a function: what a call site must check. */
export interface SummaryFlow {
  marker: ParamMarker;
  kind: SinkKind;
  family: string;
  /** Callee of the sink inside the function, and where it is. */
  sink: string;
  sinkSpan: Span;
  /** Wrappers the flow went through before this one (innermost first), for related information. */
  via: { sink: string; span: Span }[];
}

export interface FunctionSummary {
  returnValue: Value;
  flows: SummaryFlow[];
}

export interface Frame {
  node: FunctionNode | TSESTree.Program;
  parent: Frame | undefined;
  /** Retention declared on the function, method or class (nearest first). */
  retention?: Retention;
  /** Where a JSDoc on this function is honoured, and its name: for the "declare on the function" fix. */
  anchor?: { position: Position; name: string };
  thisValue?: Value;
  /** Methods of the enclosing class, for `this.method(...)`. */
  classMethods?: Map<string, { fn: FunctionNode; scope: Scope; declaredAt: { node: TSESTree.Node; name: string }; classRetention?: Retention }>;
  returns: Value[];
  flows: SummaryFlow[];
}
