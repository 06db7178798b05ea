// What a file says about its names: imports, what created each variable, declared types of
// variables, parameters and class members. File-wide by name: cheap, and precise enough to tell
// `const log = pino()` from `const log = []`.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { simpleTraverse } from '../estree';
import { calleeSegments } from './callSite';
import type { BindingInfo } from './types';
import { VALUE_VISITOR_KEYS } from '../valueVisitorKeys';

/**
 * Helpers whose callback parameter stands for the receiver (a transaction client, a scope): the
 * parameter gets `callbackOf`, so `tx.user.create` inside `prisma.$transaction(async (tx) => …)`
 * is known to be Prisma.
 */
export const CALLBACK_OWNER_METHODS: ReadonlySet<string> = new Set([
  '$transaction',
  'transaction',
  'withScope',
  'configureScope',
  'withIsolationScope',
]);

/** Names under which a module's default value is recorded, for files that import or require it. */
export const DEFAULT_EXPORT_BINDING = '(default)';
export const MODULE_EXPORTS_BINDING = '(module.exports)';

function isModuleExports(node: TSESTree.Node): boolean {
  return node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === 'module' && !node.computed && node.property.type === 'Identifier' && node.property.name === 'exports';
}

function isCreationExpression(node: TSESTree.Node): boolean {
  return node.type === 'CallExpression' || node.type === 'NewExpression' || node.type === 'LogicalExpression' || node.type === 'AwaitExpression';
}

export function collectBindings(program: TSESTree.Program): Map<string, BindingInfo> {
  const bindings = new Map<string, BindingInfo>();
  const merge = (name: string, info: BindingInfo) => {
    const existing = bindings.get(name);
    bindings.set(name, existing ? { ...existing, ...definedOnly(info) } : info);
  };
  simpleTraverse(program, {
    enter(node) {
      switch (node.type) {
        case 'ImportDeclaration':
          for (const specifier of node.specifiers) {
            const importedName =
              specifier.type === 'ImportSpecifier'
                ? specifier.imported.type === 'Identifier'
                  ? specifier.imported.name
                  : String(specifier.imported.value)
                : undefined;
            merge(specifier.local.name, { module: node.source.value, importedName });
          }
          break;
        case 'VariableDeclarator':
          collectDeclarator(node, merge);
          break;
        case 'PropertyDefinition':
          if (node.key.type === 'Identifier' || node.key.type === 'PrivateIdentifier') {
            merge(node.key.name, { ...typeInfo(node.typeAnnotation), ...initInfo(node.value), ...decoratorInfo(node.decorators) });
          }
          break;
        case 'TSParameterProperty':
          if (node.parameter.type === 'Identifier') {
            merge(node.parameter.name, { ...typeInfo(node.parameter.typeAnnotation), ...decoratorInfo(node.decorators) });
          } else if (node.parameter.type === 'AssignmentPattern' && node.parameter.left.type === 'Identifier') {
            merge(node.parameter.left.name, { ...typeInfo(node.parameter.left.typeAnnotation), ...decoratorInfo(node.decorators) });
          }
          break;
        case 'FunctionDeclaration':
        case 'FunctionExpression':
        case 'ArrowFunctionExpression':
          for (const param of node.params) {
            if (param.type === 'Identifier' && (param.typeAnnotation || param.decorators?.length)) {
              merge(param.name, { ...typeInfo(param.typeAnnotation), ...decoratorInfo(param.decorators) });
            }
          }
          break;
        case 'ClassDeclaration':
          if (node.id && node.superClass) merge(node.id.name, { superClass: calleeSegments(node.superClass).join('.') });
          break;
        case 'CallExpression':
          collectCallbackParams(node, merge);
          break;
        case 'ExportDefaultDeclaration':
          // `export default new PrismaClient()`: importers see it through this name.
          if (isCreationExpression(node.declaration)) merge(DEFAULT_EXPORT_BINDING, initInfo(node.declaration as TSESTree.Expression));
          break;
        case 'AssignmentExpression':
          // `module.exports = mongoose.model('User', schema)`: `require('./user')` gives this value.
          if (isModuleExports(node.left) && isCreationExpression(node.right)) merge(MODULE_EXPORTS_BINDING, initInfo(node.right));
          break;
      }
    },
    visitorKeys: VALUE_VISITOR_KEYS,
  });
  return bindings;
}

function collectDeclarator(node: TSESTree.VariableDeclarator, merge: (name: string, info: BindingInfo) => void): void {
  if (node.id.type === 'Identifier') {
    merge(node.id.name, { ...typeInfo(node.id.typeAnnotation), ...initInfo(node.init) });
    return;
  }
  // const { createClient } = require('redis')
  if (node.id.type === 'ObjectPattern' && node.init) {
    const module = requiredModule(node.init);
    if (!module) return;
    for (const property of node.id.properties) {
      if (property.type === 'Property' && property.value.type === 'Identifier' && property.key.type === 'Identifier') {
        merge(property.value.name, { module, importedName: property.key.name });
      }
    }
  }
}

function collectCallbackParams(call: TSESTree.CallExpression, merge: (name: string, info: BindingInfo) => void): void {
  if (!call.arguments.some(isFunctionNode)) return;
  const callee = calleeSegments(call.callee);
  if (!CALLBACK_OWNER_METHODS.has(callee[callee.length - 1])) return;
  for (const argument of call.arguments) {
    if (!isFunctionNode(argument)) continue;
    for (const param of argument.params) {
      if (param.type === 'Identifier') merge(param.name, { callbackOf: callee.join('.'), callbackCall: call });
    }
  }
}

function isFunctionNode(node: TSESTree.Node): node is TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression {
  return node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

function decoratorInfo(decorators: TSESTree.Decorator[] | undefined): BindingInfo {
  if (!decorators?.length) return {};
  const names = decorators.map((decorator) => {
    const path = calleeSegments(decorator.expression.type === 'CallExpression' ? decorator.expression.callee : decorator.expression);
    return path[path.length - 1];
  });
  return { decorators: names };
}

function initInfo(init: TSESTree.Expression | null | undefined): BindingInfo {
  if (!init) return {};
  let expression: TSESTree.Node = init;
  while (
    expression.type === 'AwaitExpression' ||
    expression.type === 'TSAsExpression' ||
    expression.type === 'TSNonNullExpression' ||
    expression.type === 'TSSatisfiesExpression' ||
    expression.type === 'LogicalExpression' ||
    expression.type === 'AssignmentExpression'
  ) {
    // `globalThis.prisma ?? new PrismaClient()`, `models.User || model('User', schema)`: the created one;
    // `g.db ?? (g.db = new PrismaClient())`: the assigned value.
    if (expression.type === 'LogicalExpression') expression = isCreation(expression.right) || !isCreation(expression.left) ? expression.right : expression.left;
    else if (expression.type === 'AssignmentExpression') expression = expression.right;
    else expression = expression.type === 'AwaitExpression' ? expression.argument : expression.expression;
  }
  const module = requiredModule(expression);
  if (module) return { module };
  if (expression.type === 'CallExpression') {
    return { origin: calleeSegments(expression.callee).join('.'), originCall: expression };
  }
  if (expression.type === 'NewExpression') {
    return { origin: `new ${calleeSegments(expression.callee).join('.')}`, originCall: expression };
  }
  if (expression.type === 'MemberExpression' || expression.type === 'Identifier') {
    return { origin: calleeSegments(expression).join('.') };
  }
  return {};
}

function isCreation(node: TSESTree.Node): boolean {
  return node.type === 'CallExpression' || node.type === 'NewExpression' || node.type === 'AwaitExpression';
}

/** `require('x')` and `require('x').y` → 'x'. */
function requiredModule(node: TSESTree.Node): string | undefined {
  let expression = node;
  if (expression.type === 'MemberExpression') expression = expression.object;
  if (
    expression.type === 'CallExpression' &&
    expression.callee.type === 'Identifier' &&
    expression.callee.name === 'require' &&
    expression.arguments[0]?.type === 'Literal' &&
    typeof expression.arguments[0].value === 'string'
  ) {
    return expression.arguments[0].value;
  }
  return undefined;
}

function typeInfo(annotation: TSESTree.TSTypeAnnotation | undefined): BindingInfo {
  const typeName = annotation ? referencedTypeName(annotation.typeAnnotation) : undefined;
  if (!typeName) return {};
  const reference = annotation && firstReference(annotation.typeAnnotation);
  const typeArguments = reference?.typeArguments?.params.map((param) => referencedTypeName(param) ?? '?');
  return typeArguments?.length ? { typeName, typeArguments } : { typeName };
}

function firstReference(type: TSESTree.TypeNode): TSESTree.TSTypeReference | undefined {
  if (type.type === 'TSTypeReference') return type;
  if (type.type === 'TSUnionType') return type.types.map(firstReference).find(Boolean);
  return undefined;
}

/** `Repository<User>` → 'Repository', `pino.Logger` → 'pino.Logger', `Foo | null` → 'Foo'. */
export function referencedTypeName(type: TSESTree.TypeNode): string | undefined {
  if (type.type === 'TSTypeReference') return entityName(type.typeName);
  if (type.type === 'TSUnionType') {
    for (const member of type.types) {
      const name = referencedTypeName(member);
      if (name) return name;
    }
  }
  return undefined;
}

function entityName(name: TSESTree.EntityName): string {
  if (name.type === 'Identifier') return name.name;
  if (name.type === 'ThisExpression') return 'this';
  return `${entityName(name.left)}.${name.right.name}`;
}

function definedOnly(info: BindingInfo): BindingInfo {
  const result: BindingInfo = {};
  for (const [key, value] of Object.entries(info)) {
    if (value !== undefined) (result as Record<string, unknown>)[key] = value;
  }
  return result;
}
