// Def-use inside functions: walks a file once, in order, computing the Value of every expression,
// and reports each piece of personal data that reaches a sink. Functions are analysed once each;
// what their parameters reach becomes a summary applied at every call site.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { retentionTagIn, type CommentIndex } from '../comments';
import { calleeSegments, memberName } from '../sinks/callSite';
import { recognizeAssignment, recognizeCall, type SinkContext, type SinkMatch } from '../sinks';
import { declarationAnchor, declarationTags, type NameRules } from '../sources/names';
import { decoratorSource, headerGetterSource, isGeolocationCall, requestMemberSource, requestMethodSource } from '../sources/request';
import { typeRefs, type TypeValues } from '../sources/declaredTypes';
import type { Position, RedactionInfo, Retention, SinkKind, Span } from '../types';
import type { AnalysisBudget } from '../budget';
import { redacted, redactionInfo } from './redaction';
import { isLastFourSlice, LAST_FOUR_SAFE, type Sanitizers } from './sanitizers';
import { Frame, FunctionNode, FunctionSummary, Scope, SummaryFlow, Variable } from './scope';
import { CONSTANT, EMPTY, flatten, isEmpty, SANITIZED, union, unionAll, withoutCategories, withStep, type TaintItem, type Value } from './value';

/** A piece of personal data reaching a sink, before retention and catalog are applied. */
export interface SinkFlow {
  item: TaintItem;
  kind: SinkKind;
  family: string;
  sink: string;
  /** The sink call (or, for a wrapper, the call that passes the data in). */
  span: Span;
  /** Retention declared where the sink is: a `@retention` comment above it, on the enclosing function or class. */
  siteRetention?: Retention;
  /**
   * The sink's technical expiry: Redis EX, a cookie's maxAge, a logger's rotation, a client's
   * default TTL. Kept apart from what is declared, so the two can be compared.
   */
  expiry?: Retention;
  /** Redaction the sink's configuration applied to this argument before the item was found in it. */
  redactedBy?: readonly RedactionInfo[];
  /** The path through wrappers, innermost sink last. */
  via: { sink: string; span: Span }[];
  /** The nearest enclosing named function, where a `@retention` JSDoc would cover this sink. */
  functionAnchor?: { position: Position; name: string };
}

/** Functions and methods declared in other files of the workspace, summarised over there. */
export interface ExternalFunctions {
  /** An imported function: ['audit'], or ['lib', 'audit'] for a namespace import. */
  functionSummary(path: readonly string[]): FunctionSummary | undefined;
  /** A method of a class declared in another file, found by the receiver's declared type. */
  methodSummary(typeName: string, method: string): FunctionSummary | undefined;
}

export interface WalkerOptions {
  external?: ExternalFunctions;
  text: string;
  comments: CommentIndex;
  names: NameRules;
  types: TypeValues;
  sanitizers: Sanitizers;
  sinkContext: Omit<SinkContext, 'enclosingBody'>;
  /** The file's work budget (src/core/budget.ts): every visit spends from it. */
  budget?: AnalysisBudget;
}

/** Methods that return (a transformed copy of) their receiver's data. */
const PASSTHROUGH_METHODS = new Set([
  'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'toString',
  'valueOf', 'toJSON', 'split', 'join', 'concat', 'slice', 'substring', 'substr', 'replace', 'replaceAll', 'padStart',
  'padEnd', 'normalize', 'at', 'filter', 'find', 'flat', 'reverse', 'sort', 'toISOString', 'toDateString',
  'toLocaleDateString', 'toUTCString', 'values', 'entries', 'toFixed', 'trimLeft', 'trimRight', 'repeat',
]);
/** Global functions that return their arguments' data. */
const PASSTHROUGH_FUNCTIONS = new Set([
  'String', 'JSON.stringify', 'encodeURIComponent', 'encodeURI', 'Object.assign', 'Object.values', 'Object.entries',
  'structuredClone', 'Array.from', 'Array.of', 'util.format', 'format', 'util.inspect', 'inspect', 'Buffer.from',
  'Number', 'parseInt', 'parseFloat', 'BigInt', 'Object.freeze', 'sprintf', 'escape',
]);
/** Methods that put their arguments into the receiver collection. */
const COLLECTING_METHODS = new Set(['push', 'unshift', 'add', 'set', 'append']);
/** Array methods whose callback's first parameter is an element of the receiver. */
const ELEMENT_CALLBACK_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'find', 'findLast', 'some', 'every', 'reduce']);
/** Verbs of getters whose name says what they return: getClientIp(), fetchUserEmail(). */
const GETTER_PREFIX = /^(get|fetch|load|read|find|lookup|resolve|extract|parse|current)(?=[A-Z_])/;
const MAX_DEPTH = 400;

export class FlowWalker {
  readonly flows: SinkFlow[] = [];
  private readonly summaries = new Map<FunctionNode, FunctionSummary | 'pending'>();
  private readonly values = new WeakMap<TSESTree.Node, Value>();
  private readonly statements: TSESTree.Node[] = [];
  private branchDepth = 0;
  private depth = 0;
  private programScope: Scope | undefined;
  private readonly classes = new Map<string, Map<string, ClassMethod>>();

  constructor(private readonly options: WalkerOptions) {}

  walkProgram(program: TSESTree.Program): void {
    const frame: Frame = { node: program, parent: undefined, returns: [], flows: [] };
    const scope = new Scope(undefined, frame);
    this.programScope = scope;
    this.hoist(program.body, scope);
    for (const statement of program.body) this.visit(statement, scope);
  }

  // ---- statements and expressions --------------------------------------------------------

  private visit(node: TSESTree.Node, scope: Scope): Value {
    if (this.depth > MAX_DEPTH) {
      // Pathologically nested code: stop, never overflow the stack; the file is reported as partly analysed.
      this.options.budget?.tooDeep(MAX_DEPTH);
      return EMPTY;
    }
    this.depth++;
    try {
      const value = this.visitNode(node, scope);
      this.options.budget?.spend(1 + value.items.length + (value.markers?.length ?? 0));
      this.values.set(node, value);
      return value;
    } finally {
      this.depth--;
    }
  }

  private visitNode(node: TSESTree.Node, scope: Scope): Value {
    switch (node.type) {
      case 'Identifier':
        return this.identifierValue(node, scope);
      case 'Literal':
        return CONSTANT;
      case 'TemplateLiteral':
        return this.unionFlat(node.expressions.map((expression) => this.visit(expression, scope)), true);
      case 'TaggedTemplateExpression':
        this.visit(node.tag, scope);
        return this.visit(node.quasi, scope);
      case 'BinaryExpression':
        return this.binaryValue(node, scope);
      case 'LogicalExpression': {
        const left = this.visit(node.left, scope);
        const right = this.inBranch(() => this.visit(node.right, scope));
        return node.operator === '&&' ? right : union(left, right);
      }
      case 'ConditionalExpression':
        this.visit(node.test, scope);
        return union(this.inBranch(() => this.visit(node.consequent, scope)), this.inBranch(() => this.visit(node.alternate, scope)));
      case 'AwaitExpression':
      case 'SpreadElement':
        return this.visit(node.argument, scope);
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
        // `JSON.parse(raw) as Draft`: the asserted type says what the value holds.
        return withDeclaredType(this.visit(node.expression, scope), this.declaredTypeValue(node.typeAnnotation));
      case 'TSNonNullExpression':
      case 'ChainExpression':
        return this.visit(node.expression, scope);
      case 'ExpressionStatement':
        return this.asStatement(node, () => this.visit(node.expression, scope));
      case 'ParenthesizedExpression' as string:
        return this.visit((node as unknown as { expression: TSESTree.Node }).expression, scope);
      case 'SequenceExpression':
        return node.expressions.map((expression) => this.visit(expression, scope)).pop() ?? EMPTY;
      case 'ObjectExpression':
        return this.objectValue(node, scope);
      case 'ArrayExpression':
        return this.unionFlat(node.elements.map((element) => (element ? this.visit(element, scope) : EMPTY)), false);
      case 'MemberExpression':
        return this.memberExpressionValue(node, scope);
      case 'CallExpression':
        return this.callValue(node, scope);
      case 'NewExpression':
        return this.newValue(node, scope);
      case 'AssignmentExpression':
        return this.assignmentValue(node, scope);
      case 'UnaryExpression':
        this.visit(node.argument, scope);
        return node.operator === 'typeof' || node.operator === 'void' || node.operator === '!' ? CONSTANT : EMPTY;
      case 'UpdateExpression':
        this.visit(node.argument, scope);
        return CONSTANT;
      case 'ThisExpression':
        return scope.frame.thisValue ?? this.nearestThis(scope.frame) ?? EMPTY;
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        this.analyzeFunction(node, scope);
        return EMPTY;
      case 'FunctionDeclaration':
        this.analyzeFunction(node, scope, node.id ? { node, name: node.id.name } : undefined);
        return EMPTY;
      case 'ClassDeclaration':
      case 'ClassExpression':
        this.visitClass(node, scope);
        return EMPTY;
      case 'VariableDeclaration':
        return this.asStatement(node, () => {
          for (const declarator of node.declarations) this.visitDeclarator(node, declarator, scope);
          return EMPTY;
        });
      case 'ReturnStatement':
        return this.asStatement(node, () => {
          if (node.argument) scope.frame.returns.push(this.visit(node.argument, scope));
          return EMPTY;
        });
      case 'BlockStatement':
      case 'StaticBlock': {
        const block = new Scope(scope, scope.frame);
        this.hoist(node.body, block);
        for (const statement of node.body) this.visit(statement, block);
        return EMPTY;
      }
      case 'IfStatement':
        return this.asStatement(node, () => {
          this.visit(node.test, scope);
          this.inBranch(() => this.visit(node.consequent, scope));
          if (node.alternate) this.inBranch(() => this.visit(node.alternate!, scope));
          return EMPTY;
        });
      case 'ForOfStatement':
      case 'ForInStatement':
        return this.asStatement(node, () => {
          const loopScope = new Scope(scope, scope.frame);
          const iterable = this.visit(node.right, scope);
          const element: Value = node.type === 'ForOfStatement' ? elementOf(iterable) : CONSTANT;
          this.inBranch(() => {
            if (node.left.type === 'VariableDeclaration') {
              const target = node.left.declarations[0]?.id;
              if (target) this.bindPattern(target, element, loopScope, node.left);
            } else {
              this.assignTo(node.left, element, loopScope);
            }
            this.visit(node.body, loopScope);
            return EMPTY;
          });
          return EMPTY;
        });
      case 'ForStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'SwitchStatement':
      case 'TryStatement':
      case 'CatchClause':
      case 'LabeledStatement':
      case 'WithStatement':
        return this.asStatement(node, () => this.inBranch(() => this.visitChildren(node, new Scope(scope, scope.frame))));
      case 'ThrowStatement':
      case 'ExportNamedDeclaration':
      case 'ExportDefaultDeclaration':
        return this.asStatement(node, () => this.visitChildren(node, scope));
      case 'ImportDeclaration':
      case 'TSInterfaceDeclaration':
      case 'TSTypeAliasDeclaration':
      case 'TSEnumDeclaration':
      case 'TSDeclareFunction':
      case 'TSModuleDeclaration':
      case 'ExportAllDeclaration':
      case 'TSImportEqualsDeclaration':
        return EMPTY;
      case 'JSXElement':
      case 'JSXFragment':
        this.visitChildren(node, scope);
        return EMPTY;
      case 'JSXExpressionContainer':
        return node.expression.type === 'JSXEmptyExpression' ? EMPTY : this.visit(node.expression, scope);
      default:
        return this.visitChildren(node, scope);
    }
  }

  private visitChildren(node: TSESTree.Node, scope: Scope): Value {
    const keys = visitorKeys[node.type] ?? [];
    for (const key of keys) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const element of child) if (isNode(element)) this.visit(element, scope);
      } else if (isNode(child)) {
        this.visit(child, scope);
      }
    }
    return EMPTY;
  }

  private asStatement(node: TSESTree.Node, body: () => Value): Value {
    this.statements.push(node);
    try {
      return body();
    } finally {
      this.statements.pop();
    }
  }

  private inBranch<T>(body: () => T): T {
    this.branchDepth++;
    try {
      return body();
    } finally {
      this.branchDepth--;
    }
  }

  // ---- names -----------------------------------------------------------------------------

  private identifierValue(node: TSESTree.Identifier, scope: Scope): Value {
    if (node.name === 'undefined' || node.name === 'NaN' || node.name === 'Infinity') return CONSTANT;
    const variable = scope.lookup(node.name);
    if (!variable) return this.nameValue(node.name, node.loc, node.name);
    if (variable.fn) return EMPTY;
    if (variable.pii === 'none') return SANITIZED;
    let value = variable.value;
    if (variable.pii) {
      value = union(value, this.itemValue(variable.pii, { kind: 'annotation' }, variable.declarationSpan ?? node.loc, node.name, variable));
    } else if (!value.sanitized && !value.constant && !value.items.length && !value.fields?.size) {
      // The name speaks only where the value itself is unknown: `const clientAddr = req.ip` is an IP.
      const byName = this.nameValue(node.name, variable.declarationSpan ?? node.loc, node.name, variable);
      if (!isEmpty(byName)) value = byName;
    }
    if (variable.retention) value = withRetention(value, variable.retention);
    return withStep(value, node.name);
  }

  /**
   * What a name says. `owner` is the object it belongs to (`server` for `server.address`,
   * `server.getAddress()` and `getAddress(server)`): where the qualified name is refused — an
   * infrastructure, organisation or sanitized owner — the member is not personal data either.
   */
  private nameValue(name: string, span: Span, text: string, variable?: Variable, owner?: string): Value {
    const verdict = this.options.names.classify(name);
    if (!verdict || this.refusedByOwner(name, owner)) return EMPTY;
    return this.itemValue(verdict.category, verdict.reason, span, text, variable);
  }

  /** Whether the name, qualified by its owner (`server_address`), is refused: the owner makes it the system's. */
  private refusedByOwner(name: string, owner: string | undefined): boolean {
    return owner !== undefined && !this.options.names.classify(`${owner}_${name}`);
  }

  private itemValue(category: string, reason: TaintItem['reason'], span: Span, text: string, variable?: Variable): Value {
    const item: TaintItem = {
      category,
      reason,
      origin: { span, text },
      ...(variable?.declarationSpan ? { declaration: { span: variable.declarationSpan, name: variable.name, anchor: variable.anchor } } : {}),
      ...(variable?.retention ? { retention: variable.retention } : {}),
      steps: [],
    };
    return { items: [item] };
  }

  // ---- members ---------------------------------------------------------------------------

  private memberExpressionValue(node: TSESTree.MemberExpression, scope: Scope): Value {
    const objectValue = this.visit(node.object, scope);
    const property = memberName(node);
    if (node.computed && property === undefined) {
      this.visit(node.property, scope);
      return elementOf(objectValue);
    }
    if (property === undefined) return EMPTY;
    const path = calleeSegments(node);
    const framework = requestMemberSource(path);
    if (framework) {
      return this.itemValue(framework.category, { kind: 'framework', source: framework.source }, node.loc, this.text(node));
    }
    return this.memberOf(objectValue, property, node.loc, this.text(node), ownerName(node.object));
  }

  /** The value of `object.property`: a known field, a parameter path, or what the name says. */
  private memberOf(objectValue: Value, property: string, span: Span, text: string, owner?: string): Value {
    const field = objectValue.fields?.get(property);
    if (field) return field.items.length ? { ...field, items: field.items.map((item) => ({ ...item, origin: item.reason.kind === 'declared-type' || item.reason.kind === 'catalog' ? { span, text } : item.origin })) } : field;
    if (objectValue.sanitized && !objectValue.fields) return SANITIZED;
    // A member of a known non-personal value (`address.port` of `server.address()`) is one too.
    if (objectValue.constant && !objectValue.fields) return CONSTANT;
    const byName = this.nameValue(property, span, text, undefined, owner);
    if (!isEmpty(byName)) return byName;
    if (objectValue.markers?.length) {
      return { items: [], markers: objectValue.markers.map((marker) => ({ ...marker, path: [...marker.path, property] })) };
    }
    return EMPTY;
  }

  // ---- composite values ------------------------------------------------------------------

  private binaryValue(node: TSESTree.BinaryExpression, scope: Scope): Value {
    const left = node.left.type === 'PrivateIdentifier' ? EMPTY : this.visit(node.left, scope);
    const right = this.visit(node.right, scope);
    // Only concatenation carries data on; comparisons and arithmetic give a boolean or a number.
    return node.operator === '+' ? this.unionFlat([left, right], true) : CONSTANT;
  }

  private objectValue(node: TSESTree.ObjectExpression, scope: Scope): Value {
    const fields = new Map<string, Value>();
    const spreads: Value[] = [];
    for (const property of node.properties) {
      if (property.type === 'SpreadElement') {
        const spread = this.visit(property.argument, scope);
        if (spread.fields) for (const [key, value] of spread.fields) fields.set(key, value);
        spreads.push({ items: spread.items, markers: spread.markers });
        continue;
      }
      const key = property.computed ? undefined : propertyKeyName(property.key);
      if (property.computed) this.visit(property.key, scope);
      let value = this.visit(property.value, scope);
      // The key speaks only where the value itself is unknown, as for variable names.
      if (key !== undefined && !value.sanitized && !value.constant && !value.items.length && !value.fields?.size && !isFunctionNode(property.value)) {
        const byName = this.nameValue(key, property.key.loc, key);
        if (!isEmpty(byName)) value = byName;
      }
      if (key === undefined) spreads.push(flatten(value));
      else if (!isEmpty(value) || value.sanitized) fields.set(key, withStep(value, key));
    }
    const rest = unionAll(spreads);
    if (!fields.size) return rest;
    return { items: rest.items, fields, ...(rest.markers ? { markers: rest.markers } : {}) };
  }

  /** A value that is a mix of its parts, fields included (template, concatenation, array). */
  private unionFlat(parts: Value[], flat: boolean): Value {
    const merged = unionAll(parts.map((part) => (flat ? flatten(part) : part)));
    if (flat && merged.fields) return flatten(merged);
    return merged;
  }

  // ---- declarations and assignment --------------------------------------------------------

  private visitDeclarator(declaration: TSESTree.VariableDeclaration, declarator: TSESTree.VariableDeclarator, scope: Scope): void {
    const init = declarator.init;
    if (init && isFunctionNode(init) && declarator.id.type === 'Identifier') {
      const variable = scope.lookup(declarator.id.name);
      this.analyzeFunction(init, variable?.fnScope ?? scope, { node: declaration, name: declarator.id.name });
      return;
    }
    let value = init ? this.visit(init, scope) : EMPTY;
    const annotation = declarator.id.type === 'Identifier' ? declarator.id.typeAnnotation : undefined;
    if (annotation) value = withDeclaredType(value, this.declaredTypeValue(annotation.typeAnnotation));
    this.bindPattern(declarator.id, value, scope, declaration.declarations[0] === declarator ? declaration : declarator);
  }

  private declaredTypeValue(type: TSESTree.TypeNode): Value {
    return union(...typeRefs(type).map((name) => this.options.types.valueOf(name)));
  }

  /** Declares the names of a binding pattern with the parts of `value` they receive. */
  private bindPattern(pattern: TSESTree.Node, value: Value, scope: Scope, tagsNode: TSESTree.Node): void {
    switch (pattern.type) {
      case 'Identifier': {
        const tags = declarationTags(this.options.comments, tagsNode, pattern.name);
        scope.vars.set(pattern.name, {
          name: pattern.name,
          value,
          pii: tags.pii,
          retention: tags.retention,
          declarationSpan: pattern.loc,
          anchor: this.options.comments.positionAt(declarationAnchor(this.options.comments, tagsNode)),
          branchDepth: this.branchDepth,
        });
        return;
      }
      case 'ObjectPattern': {
        const named = new Set<string>();
        for (const property of pattern.properties) {
          if (property.type === 'RestElement') {
            // `{ cardNumber, ...rest }`: the rest is the object without the names taken out.
            this.bindPattern(property.argument, withoutFields(value, named), scope, tagsNode);
            continue;
          }
          const key = property.computed ? undefined : propertyKeyName(property.key);
          if (key !== undefined) named.add(key);
          const part = key === undefined ? elementOf(value) : isNetworkAddress(key, pattern) ? CONSTANT : this.memberOf(value, key, property.key.loc, key);
          this.bindPattern(property.value, part, scope, tagsNode);
        }
        return;
      }
      case 'ArrayPattern':
        for (const element of pattern.elements) if (element) this.bindPattern(element, elementOf(value), scope, tagsNode);
        return;
      case 'AssignmentPattern':
        this.bindPattern(pattern.left, union(value, this.visit(pattern.right, scope)), scope, tagsNode);
        return;
      case 'RestElement':
        this.bindPattern(pattern.argument, value, scope, tagsNode);
        return;
      case 'TSParameterProperty':
        this.bindPattern(pattern.parameter, value, scope, tagsNode);
        return;
      default:
        return;
    }
  }

  private assignmentValue(node: TSESTree.AssignmentExpression, scope: Scope): Value {
    const right = this.visit(node.right, scope);
    const value = node.operator === '=' ? right : union(right, node.left.type === 'Identifier' ? this.visit(node.left, scope) : EMPTY);
    const match = recognizeAssignment(node, this.sinkContext(scope));
    if (match) this.reportSink(node, match, new Map([[node.right, value]]), scope, this.text(node.left));
    this.assignTo(node.left, value, scope);
    return value;
  }

  private assignTo(target: TSESTree.Node, value: Value, scope: Scope): void {
    if (target.type === 'Identifier') {
      const variable = scope.lookup(target.name);
      if (!variable) {
        scope.vars.set(target.name, { name: target.name, value, branchDepth: this.branchDepth });
      } else if (this.branchDepth > variable.branchDepth) {
        variable.value = union(variable.value, value, variable.value.sanitized ? this.nameValue(target.name, variable.declarationSpan ?? target.loc, target.name, variable) : EMPTY);
      } else {
        variable.value = value;
      }
      return;
    }
    if (target.type === 'MemberExpression') {
      const property = memberName(target);
      const root = target.object.type === 'Identifier' ? scope.lookup(target.object.name) : undefined;
      if (root && property !== undefined && !root.fn) {
        const fields = new Map(root.value.fields ?? []);
        fields.set(property, union(fields.get(property) ?? EMPTY, value));
        root.value = { ...root.value, fields };
      } else {
        this.visit(target.object, scope);
      }
      return;
    }
    if (target.type === 'ObjectPattern' || target.type === 'ArrayPattern') {
      this.bindPattern(target, value, scope, target);
    }
  }

  /** Function declarations and `const f = () => …` are callable before their line. */
  private hoist(statements: readonly TSESTree.Node[], scope: Scope): void {
    for (let statement of statements) {
      if ((statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') && statement.declaration) {
        statement = statement.declaration;
      }
      if (statement.type === 'FunctionDeclaration' && statement.id) {
        scope.vars.set(statement.id.name, {
          name: statement.id.name,
          value: EMPTY,
          fn: statement,
          fnScope: scope,
          fnDeclaredAt: { node: statement, name: statement.id.name },
          branchDepth: this.branchDepth,
        });
      } else if (statement.type === 'VariableDeclaration') {
        for (const declarator of statement.declarations) {
          if (declarator.id.type === 'Identifier' && declarator.init && isFunctionNode(declarator.init)) {
            scope.vars.set(declarator.id.name, {
              name: declarator.id.name,
              value: EMPTY,
              fn: declarator.init,
              fnScope: scope,
              fnDeclaredAt: { node: statement, name: declarator.id.name },
              branchDepth: this.branchDepth,
            });
          }
        }
      }
    }
  }

  // ---- functions and classes ---------------------------------------------------------------

  /** Analyses a function body once; returns what its parameters reach and what it returns. */
  /**
   * Analyses a function body once; returns what its parameters reach and what it returns.
   * `declaredAt` is the declaration whose JSDoc belongs to the function (the function itself, its
   * `const` statement, or its method); `outerRetention` is the class's.
   */
  private analyzeFunction(
    fn: FunctionNode,
    closure: Scope,
    declaredAt?: { node: TSESTree.Node; name: string },
    seeds?: Value[],
    outerRetention?: Retention,
  ): FunctionSummary {
    const existing = this.summaries.get(fn);
    if (existing === 'pending') return { returnValue: EMPTY, flows: [] };
    if (existing) return existing;
    this.summaries.set(fn, 'pending');
    const comments = this.options.comments;
    const retention =
      (declaredAt ? declarationTags(comments, declaredAt.node, declaredAt.name).retention : undefined) ??
      declarationTags(comments, fn, 'function').retention ??
      outerRetention ??
      (declaredAt ? undefined : this.statementRetention());
    const frame: Frame = {
      node: fn,
      parent: closure.frame,
      retention,
      ...(declaredAt ? { anchor: { position: comments.positionAt(declarationAnchor(comments, declaredAt.node)), name: declaredAt.name } } : {}),
      thisValue: fn.type === 'ArrowFunctionExpression' ? closure.frame.thisValue : undefined,
      classMethods: fn.type === 'ArrowFunctionExpression' ? closure.frame.classMethods : undefined,
      returns: [],
      flows: [],
    };
    if (fn.type !== 'ArrowFunctionExpression' && closure.frame.thisValue && !frame.thisValue) {
      frame.thisValue = closure.frame.thisValue;
      frame.classMethods = closure.frame.classMethods;
    }
    const scope = new Scope(closure, frame);
    const savedStatements = this.statements.splice(0);
    const savedBranch = this.branchDepth;
    this.branchDepth = 0;
    try {
      fn.params.forEach((param, index) => this.bindParameter(fn, param, index, scope, seeds?.[index]));
      if (fn.body.type === 'BlockStatement') {
        this.hoist(fn.body.body, scope);
        for (const statement of fn.body.body) this.visit(statement, scope);
      } else if (fn.body) {
        frame.returns.push(this.visit(fn.body, scope));
      }
    } finally {
      this.statements.push(...savedStatements);
      this.branchDepth = savedBranch;
    }
    // A declared return type says what callers get, whatever the body computes.
    const declaredReturn = fn.returnType ? this.declaredTypeValue(fn.returnType.typeAnnotation) : EMPTY;
    const summary: FunctionSummary = { returnValue: unionAll([...frame.returns, declaredReturn]), flows: frame.flows };
    this.summaries.set(fn, summary);
    return summary;
  }

  private bindParameter(fn: FunctionNode, param: TSESTree.Parameter, index: number, scope: Scope, seed: Value | undefined): void {
    const target = param.type === 'TSParameterProperty' ? param.parameter : param;
    const identifier = target.type === 'AssignmentPattern' ? target.left : target;
    const tags = declarationTags(this.options.comments, param, identifierName(identifier) ?? `parameter ${index + 1}`);
    const variable: Variable | undefined =
      identifier.type === 'Identifier'
        ? {
            name: identifier.name,
            value: EMPTY,
            pii: tags.pii,
            retention: tags.retention,
            declarationSpan: identifier.loc,
            anchor: this.options.comments.positionAt(declarationAnchor(this.options.comments, param)),
            branchDepth: 0,
          }
        : undefined;
    let own: Value = EMPTY;
    const framework = decoratorSource('decorators' in param ? param.decorators : undefined);
    if (framework) own = this.itemValue(framework.category, { kind: 'framework', source: framework.source }, param.loc, this.text(param), variable);
    const annotation = 'typeAnnotation' in identifier ? identifier.typeAnnotation : undefined;
    if (annotation) own = union(own, this.declaredTypeValue(annotation.typeAnnotation));
    if (variable) {
      if (tags.pii === 'none') own = SANITIZED;
      else if (tags.pii) own = union(own, this.itemValue(tags.pii, { kind: 'annotation' }, identifier.loc, variable.name, variable));
      else own = union(own, this.nameValue(variable.name, identifier.loc, variable.name, variable));
    }
    // Recognisably personal parameters are reported inside the function; others are followed
    // from each call site (the contract: never both for the same flow).
    const value = seed ?? (isEmpty(own) && !own.sanitized ? { items: [], markers: [{ fn, param: index, path: [] }] } : own);
    if (variable) {
      variable.value = value;
      scope.vars.set(variable.name, variable);
      if (target.type === 'AssignmentPattern') this.visit(target.right, scope);
    } else {
      this.bindPattern(identifier, value, scope, param);
    }
  }

  private visitClass(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, scope: Scope): void {
    if (node.superClass) this.visit(node.superClass, scope);
    const classRetention = declarationTags(this.options.comments, node, node.id?.name ?? 'class').retention ?? this.statementRetention();
    const thisValue = node.id ? this.options.types.valueOf(node.id.name) : EMPTY;
    const methods = new Map<string, ClassMethod>();
    if (node.id) this.classes.set(node.id.name, methods);
    const classFrame: Frame = { node: scope.frame.node, parent: scope.frame, retention: classRetention, thisValue, classMethods: methods, returns: [], flows: [] };
    const classScope = new Scope(scope, classFrame);
    for (const element of node.body.body) {
      if (element.type === 'MethodDefinition' && element.value.type === 'FunctionExpression' && !element.computed && element.key.type === 'Identifier') {
        methods.set(element.key.name, { fn: element.value, scope: classScope, declaredAt: { node: element, name: element.key.name }, classRetention });
      } else if (element.type === 'PropertyDefinition' && element.value && isFunctionNode(element.value) && element.key.type === 'Identifier') {
        methods.set(element.key.name, { fn: element.value, scope: classScope, declaredAt: { node: element, name: element.key.name }, classRetention });
      }
    }
    for (const element of node.body.body) {
      if (element.type === 'MethodDefinition' && element.value.type === 'FunctionExpression') {
        const name = element.key.type === 'Identifier' ? element.key.name : 'method';
        this.analyzeFunction(element.value, classScope, { node: element, name }, undefined, classRetention);
      } else if (element.type === 'PropertyDefinition' && element.value) {
        if (isFunctionNode(element.value)) {
          const name = element.key.type === 'Identifier' ? element.key.name : 'method';
          this.analyzeFunction(element.value, classScope, { node: element, name }, undefined, classRetention);
        } else {
          this.visit(element.value, classScope);
        }
      } else if (element.type === 'StaticBlock') {
        this.visit(element, classScope);
      }
    }
  }

  private nearestThis(frame: Frame | undefined): Value | undefined {
    for (let current = frame; current; current = current.parent) if (current.thisValue) return current.thisValue;
    return undefined;
  }

  // ---- calls -----------------------------------------------------------------------------

  private callValue(call: TSESTree.CallExpression, scope: Scope): Value {
    const callPath = calleeSegments(call.callee);
    const method = callPath[callPath.length - 1];
    const callee = call.callee.type === 'ChainExpression' ? call.callee.expression : call.callee;
    const receiverValue = callee.type === 'MemberExpression' ? this.visit(callee.object, scope) : EMPTY;
    if (callee.type === 'MemberExpression' && callee.computed) this.visit(callee.property, scope);
    if (callee.type !== 'MemberExpression' && callee.type !== 'Identifier') this.visit(callee, scope);

    const argValues = this.visitArguments(call, callPath, receiverValue, scope);
    const valueByNode = new Map<TSESTree.Node, Value>(call.arguments.map((arg, index) => [arg, argValues[index]]));

    const match = recognizeCall(call, this.sinkContext(scope));
    if (match) this.reportSink(call, match, valueByNode, scope, callPath.join('.'));

    const summary = this.calleeSummary(callee, scope);
    if (summary) this.applySummary(call, summary, argValues, scope);
    if (callee.type === 'MemberExpression' && COLLECTING_METHODS.has(method)) this.collectInto(callee.object, method, argValues, scope);

    return this.callResult(call, callPath, method, receiverValue, argValues, summary);
  }

  /** `history.push({ ip })`: the collection now holds what was put in (`map.set(k, v)` holds v). */
  private collectInto(target: TSESTree.Node, method: string, argValues: Value[], scope: Scope): void {
    const added = method === 'set' ? (argValues[1] ?? EMPTY) : unionAll(argValues);
    if (isEmpty(added)) return;
    if (target.type === 'Identifier') {
      const variable = scope.lookup(target.name);
      if (variable && !variable.fn) variable.value = union(variable.value, added);
    } else if (target.type === 'MemberExpression' && target.object.type === 'Identifier') {
      const property = memberName(target);
      const root = scope.lookup(target.object.name);
      if (root && property !== undefined && !root.fn) {
        const fields = new Map(root.value.fields ?? []);
        fields.set(property, union(fields.get(property) ?? EMPTY, added));
        root.value = { ...root.value, fields };
      }
    }
  }

  private visitArguments(call: TSESTree.CallExpression, callPath: string[], receiverValue: Value, scope: Scope): Value[] {
    const method = callPath[callPath.length - 1];
    return call.arguments.map((arg, index) => {
      if (!isFunctionNode(arg)) return this.visit(arg, scope);
      let seeds: Value[] | undefined;
      if (index === 0 && isGeolocationCall(callPath)) {
        const coords = this.itemValue('precise_location', { kind: 'framework', source: 'navigator.geolocation' }, arg.loc, 'position.coords');
        seeds = [{ items: [], fields: new Map([['coords', coords]]) }];
      } else if (index === 0 && ELEMENT_CALLBACK_METHODS.has(method) && !isEmpty(receiverValue)) {
        seeds = method === 'reduce' ? [EMPTY, elementOf(receiverValue)] : [elementOf(receiverValue)];
      }
      const summary = this.analyzeFunction(arg, scope, undefined, seeds);
      return method === 'map' || method === 'flatMap' ? summary.returnValue : EMPTY;
    });
  }

  private callResult(
    call: TSESTree.CallExpression,
    callPath: string[],
    method: string,
    receiverValue: Value,
    argValues: Value[],
    summary: FunctionSummary | undefined,
  ): Value {
    if (this.options.sanitizers.isSanitizerCall(callPath)) return SANITIZED;
    const header = headerGetterSource(callPath, call) ?? requestMethodSource(callPath);
    if (header) return this.itemValue(header.category, { kind: 'framework', source: header.source }, call.loc, this.text(call));
    if (summary) return this.substitute(summary.returnValue, argValues);
    const joined = callPath.join('.');
    if (PASSTHROUGH_FUNCTIONS.has(joined)) return this.unionFlat(argValues, true);
    const receiverIsData = !isEmpty(receiverValue) || receiverValue.sanitized;
    if (receiverIsData && isLastFourSlice(method, call.arguments, (index) => (call.arguments[index] ? this.text(call.arguments[index]) : ''))) {
      const kept = withoutCategories(receiverValue, LAST_FOUR_SAFE);
      return isEmpty(kept) ? SANITIZED : kept;
    }
    if (PASSTHROUGH_METHODS.has(method) && receiverIsData) {
      return receiverValue.sanitized && isEmpty(receiverValue) ? SANITIZED : this.unionFlat([receiverValue, ...(method === 'concat' ? argValues : [])], true);
    }
    if (method === 'map' || method === 'flatMap') return this.unionFlat(argValues.slice(0, 1), false);
    // The owner: the receiver (`server.getAddress()`), or a lone argument (`getAddress(server)`).
    const receiver = call.callee.type === 'MemberExpression' ? call.callee.object : undefined;
    const owner = receiver ? ownerName(receiver) : call.arguments.length === 1 ? ownerName(call.arguments[0]) : undefined;
    // `server.address()`: named like personal data, but the owner makes it the system's own, so a
    // variable it initialises (`const address = server.address()`) is not personal by its name either.
    if (receiver && this.options.names.classify(method) && this.refusedByOwner(method, owner)) return CONSTANT;
    const getter = GETTER_PREFIX.exec(method);
    if (getter) {
      const rest = method.slice(getter[0].length);
      const named = this.nameValue(rest, call.loc, this.text(call), undefined, owner);
      if (!isEmpty(named)) return named;
    }
    // `useState<Draft>(…)`, `repo.findOne<User>(…)`: an explicit type argument says what comes back.
    const typeArguments = call.typeArguments?.params ?? [];
    return typeArguments.length ? unionAll(typeArguments.map((type) => this.declaredTypeValue(type))) : EMPTY;
  }

  private newValue(node: TSESTree.NewExpression, scope: Scope): Value {
    if (node.callee.type !== 'Identifier') this.visit(node.callee, scope);
    const argValues = node.arguments.map((arg) => this.visit(arg, scope));
    const className = node.callee.type === 'Identifier' ? node.callee.name : undefined;
    if (className === 'Date' || className === 'String' || className === 'URLSearchParams') return this.unionFlat(argValues, true);
    // An instance of a declared class carries what its members declare.
    if (className && this.options.types.has(className)) return union(this.options.types.valueOf(className), ...argValues.map(flatten));
    return EMPTY;
  }

  private calleeSummary(callee: TSESTree.Node, scope: Scope): FunctionSummary | undefined {
    if (callee.type === 'Identifier') {
      const variable = scope.lookup(callee.name);
      if (variable?.fn) return this.analyzeFunction(variable.fn, variable.fnScope ?? scope, variable.fnDeclaredAt);
      return mayBeImported(variable) ? this.options.external?.functionSummary([callee.name]) : undefined;
    }
    if (callee.type !== 'MemberExpression') return undefined;
    const name = memberName(callee);
    if (!name) return undefined;
    if (callee.object.type === 'ThisExpression') {
      const method = this.nearestMethods(scope.frame)?.get(name);
      if (method) return this.analyzeFunction(method.fn, method.scope, method.declaredAt, undefined, method.classRetention);
      return undefined;
    }
    // `lib.audit(…)` on a namespace import; `this.audit.record(…)` / `audit.record(…)` by declared type.
    const receiver = callee.object;
    const receiverName =
      receiver.type === 'Identifier' ? receiver.name : receiver.type === 'MemberExpression' && receiver.object.type === 'ThisExpression' ? memberName(receiver) : undefined;
    if (!receiverName) return undefined;
    if (receiver.type === 'Identifier' && mayBeImported(scope.lookup(receiverName))) {
      const imported = this.options.external?.functionSummary([receiverName, name]);
      if (imported) return imported;
    }
    const typeName = this.options.sinkContext.binding(receiverName)?.typeName;
    return typeName ? this.methodSummary(typeName, name) : undefined;
  }

  /** Summary of `Class.method`: declared in this file, or in another through the workspace. */
  methodSummary(typeName: string, method: string): FunctionSummary | undefined {
    const local = this.classes.get(typeName)?.get(method);
    if (local) return this.analyzeFunction(local.fn, local.scope, local.declaredAt, undefined, local.classRetention);
    if (this.classes.has(typeName)) return undefined;
    return this.options.external?.methodSummary(typeName, method);
  }

  /** Summary of a top-level function of this file, for other files that import it. */
  topLevelSummary(name: string): FunctionSummary | undefined {
    const variable = this.programScope?.vars.get(name);
    if (!variable?.fn || !this.programScope) return undefined;
    return this.analyzeFunction(variable.fn, variable.fnScope ?? this.programScope, variable.fnDeclaredAt);
  }

  private nearestMethods(frame: Frame | undefined): Map<string, ClassMethod> | undefined {
    for (let current = frame; current; current = current.parent) if (current.classMethods) return current.classMethods;
    return undefined;
  }

  /** Replaces the callee's parameter markers by what this call passes in. */
  private substitute(value: Value, argValues: Value[]): Value {
    if (!value.markers?.length) return value;
    const parts = value.markers.map((marker) => this.argumentAt(argValues, marker.param, marker.path));
    return union({ items: value.items, ...(value.fields ? { fields: value.fields } : {}) }, ...parts);
  }

  private argumentAt(argValues: Value[], param: number, path: readonly string[]): Value {
    let value = argValues[param] ?? EMPTY;
    for (const property of path) value = this.memberOf(value, property, { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } }, property);
    return value;
  }

  private applySummary(call: TSESTree.CallExpression, summary: FunctionSummary, argValues: Value[], scope: Scope): void {
    if (!summary.flows.length) return;
    const site = this.siteRetention(scope);
    for (const flow of summary.flows) {
      let argument = this.argumentAt(argValues, flow.marker.param, flow.marker.path);
      for (const residual of flow.marker.redact ?? []) argument = redacted(argument, residual, []);
      const passed = flatten(argument);
      const redactedBy = flow.marker.redact?.map(redactionInfo);
      const via = [{ sink: flow.sink, span: flow.sinkSpan }, ...flow.via];
      for (const item of passed.items) {
        this.flows.push({
          item,
          kind: flow.kind,
          family: flow.family,
          sink: `${this.text(call.callee)} → ${flow.sink}`,
          span: call.loc,
          siteRetention: site,
          ...(redactedBy?.length ? { redactedBy } : {}),
          via,
          functionAnchor: functionAnchorOf(scope.frame),
        });
      }
      if (site) continue;
      for (const marker of passed.markers ?? []) {
        this.recordFlow(marker, flow.kind, flow.family, flow.sink, flow.sinkSpan, [{ sink: this.text(call.callee), span: call.loc }, ...flow.via], scope);
      }
    }
  }

  // ---- sinks -----------------------------------------------------------------------------

  private reportSink(node: TSESTree.Node, match: SinkMatch, valueByNode: Map<TSESTree.Node, Value>, scope: Scope, sinkText: string): void {
    const site = this.siteRetention(scope);
    const expiry = match.expiry;
    for (const dataArg of match.dataArgs) {
      let argument = valueByNode.get(dataArg) ?? this.values.get(dataArg) ?? EMPTY;
      const redactedBy: RedactionInfo[] = [];
      for (const redaction of match.redactions ?? []) {
        const at = redaction.targets.get(dataArg);
        if (!at) continue;
        argument = redacted(argument, redaction, at);
        redactedBy.push(redactionInfo(redaction));
      }
      const value = flatten(argument);
      for (const item of value.items) {
        this.flows.push({
          item,
          kind: match.kind,
          family: match.family,
          sink: sinkText,
          span: node.loc,
          siteRetention: site,
          ...(expiry ? { expiry } : {}),
          ...(redactedBy.length ? { redactedBy } : {}),
          via: [],
          functionAnchor: functionAnchorOf(scope.frame),
        });
      }
      // Covered here: callers of the enclosing function pass nothing on to an uncovered sink.
      if (site || expiry) continue;
      for (const marker of value.markers ?? []) this.recordFlow(marker, match.kind, match.family, sinkText, node.loc, [], scope);
    }
  }

  /** Records in the marker's own function that its parameter reaches a sink. */
  private recordFlow(marker: TaintMarker, kind: SinkKind, family: string, sink: string, sinkSpan: Span, via: SummaryFlow['via'], scope: Scope): void {
    for (let frame: Frame | undefined = scope.frame; frame; frame = frame.parent) {
      if (frame.node !== marker.fn) continue;
      const duplicate = frame.flows.some((flow) => flow.marker.param === marker.param && flow.marker.path.join('.') === marker.path.join('.') && flow.kind === kind && flow.sinkSpan === sinkSpan);
      if (!duplicate) frame.flows.push({ marker, kind, family, sink, sinkSpan, via });
      return;
    }
  }

  /** Retention declared where a sink is: comment above the statement, enclosing functions and classes. */
  private siteRetention(scope: Scope): Retention | undefined {
    const statement = this.statements[this.statements.length - 1];
    if (statement) {
      const tag = retentionTagIn(this.options.comments.leadingComments(statement.range[0], true));
      if (tag) return { value: tag.value, declaredBy: `@retention ${tag.value} above the statement`, span: tag.comment.loc };
    }
    for (let frame: Frame | undefined = scope.frame; frame; frame = frame.parent) if (frame.retention) return frame.retention;
    return undefined;
  }

  /** `// @retention …` above a statement that declares a function applies to that function. */
  private statementRetention(): Retention | undefined {
    const statement = this.statements[this.statements.length - 1];
    if (!statement || statement.type === 'ExpressionStatement' || statement.type === 'ReturnStatement') return undefined;
    return declarationTags(this.options.comments, statement, 'declaration').retention;
  }

  private sinkContext(scope: Scope): SinkContext {
    const node = scope.frame.node;
    return { ...this.options.sinkContext, enclosingBody: node.type === 'Program' ? node : node.body };
  }

  private text(node: TSESTree.Node): string {
    return this.options.text.slice(node.range[0], node.range[1]);
  }
}

type TaintMarker = NonNullable<Value['markers']>[number];

/**
 * Imports are not variables here; `const { audit } = require('./audit')` makes one with no value.
 * Either way the workspace may know the name as something another file exports.
 */
function mayBeImported(variable: Variable | undefined): boolean {
  return !variable || (!variable.fn && isEmpty(variable.value));
}

interface ClassMethod {
  fn: FunctionNode;
  scope: Scope;
  declaredAt: { node: TSESTree.Node; name: string };
  classRetention?: Retention;
}

function functionAnchorOf(frame: Frame | undefined): Frame['anchor'] {
  for (let current = frame; current; current = current.parent) if (current.anchor) return current.anchor;
  return undefined;
}

/** An element of an array (or the iteration value of an iterable): what the whole carries. */
function elementOf(value: Value): Value {
  if (value.sanitized && isEmpty(value)) return SANITIZED;
  if (!value.fields) return value;
  return value; // arrays of typed objects keep their element's fields
}

/**
 * A value held in a variable of a declared type: the type's members say what each field is and
 * how long it is kept, whatever expression filled it (`const t: Ticket = { email: req.body.email }`).
 */
function withDeclaredType(value: Value, declared: Value): Value {
  if (!declared.fields?.size) return value;
  if (!value.fields?.size) return union(value, declared);
  const fields = new Map(value.fields);
  for (const [key, declaredField] of declared.fields) {
    const actual = fields.get(key);
    if (!actual) {
      fields.set(key, declaredField);
      continue;
    }
    const retention = declaredField.items.find((item) => item.retention)?.retention;
    fields.set(key, declaredField.sanitized ? declaredField : retention ? withRetention(actual, retention) : union(actual, declaredField));
  }
  return { ...value, fields };
}

/** Retention declared on a holder applies to everything it holds, fields included. */
function withRetention(value: Value, retention: Retention, depth = 0): Value {
  if (!value.items.length && !value.fields?.size) return value;
  const items = value.items.map((item) => (item.retention ? item : { ...item, retention }));
  if (!value.fields?.size || depth > 6) return { ...value, items };
  const fields = new Map([...value.fields].map(([key, field]) => [key, withRetention(field, retention, depth + 1)]));
  return { ...value, items, fields };
}

function withoutFields(value: Value, names: ReadonlySet<string>): Value {
  if (!value.fields?.size || !names.size) return value;
  return { ...value, fields: new Map([...value.fields].filter(([key]) => !names.has(key))) };
}

function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration';
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function propertyKeyName(key: TSESTree.Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return undefined;
}

function identifierName(node: TSESTree.Node): string | undefined {
  return node.type === 'Identifier' ? node.name : undefined;
}

/** The name of the object a member or getter belongs to: `server`, `this.server`, `ctx.httpServer` → its last name. */
function ownerName(node: TSESTree.Node): string | undefined {
  return node.type === 'MemberExpression' ? memberName(node) : identifierName(node);
}

/** `{ address, family }` / `{ address, port }`: Node's AddressInfo (sockets, servers, DNS lookups), a host's address. */
function isNetworkAddress(key: string, pattern: TSESTree.ObjectPattern): boolean {
  if (key !== 'address') return false;
  return pattern.properties.some((property) => property.type === 'Property' && !property.computed && ['family', 'port'].includes(propertyKeyName(property.key) ?? ''));
}
