// What a file imports and exports, by name: the edges of the workspace index.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { DEFAULT_EXPORT_BINDING, MODULE_EXPORTS_BINDING } from '../sinks/bindings';

/** The export a CommonJS `module.exports = value` makes: what `require()` of the file returns. */
export const COMMONJS_VALUE = 'module.exports';

export interface ImportBinding {
  specifier: string;
  /** The exported name it refers to: a name, 'default', or '*' for a namespace import. */
  imported: string;
}

export type ExportBinding = { local: string } | { specifier: string; imported: string };

export interface ModuleInfo {
  imports: Map<string, ImportBinding>;
  exports: Map<string, ExportBinding>;
  /** `export * from '…'` */
  starExports: string[];
  /** Module specifiers this file depends on (imports and re-exports). */
  specifiers: Set<string>;
}

export function moduleInfo(program: TSESTree.Program): ModuleInfo {
  const info: ModuleInfo = { imports: new Map(), exports: new Map(), starExports: [], specifiers: new Set() };
  for (const statement of program.body) {
    switch (statement.type) {
      case 'ImportDeclaration':
        info.specifiers.add(statement.source.value);
        for (const specifier of statement.specifiers) {
          const imported =
            specifier.type === 'ImportDefaultSpecifier'
              ? 'default'
              : specifier.type === 'ImportNamespaceSpecifier'
                ? '*'
                : moduleExportName(specifier.imported);
          info.imports.set(specifier.local.name, { specifier: statement.source.value, imported });
        }
        break;
      case 'ExportNamedDeclaration':
        if (statement.source) {
          info.specifiers.add(statement.source.value);
          for (const specifier of statement.specifiers) {
            info.exports.set(moduleExportName(specifier.exported), { specifier: statement.source.value, imported: moduleExportName(specifier.local) });
          }
        } else if (statement.declaration) {
          for (const name of declaredNames(statement.declaration)) info.exports.set(name, { local: name });
        } else {
          for (const specifier of statement.specifiers) {
            info.exports.set(moduleExportName(specifier.exported), { local: moduleExportName(specifier.local) });
          }
        }
        break;
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration;
        const name =
          (declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration' || declaration.type === 'TSInterfaceDeclaration') && declaration.id
            ? declaration.id.name
            : declaration.type === 'Identifier'
              ? declaration.name
              : undefined;
        if (name) info.exports.set('default', { local: name });
        else if (declaration.type !== 'FunctionDeclaration' && declaration.type !== 'ClassDeclaration' && declaration.type !== 'TSInterfaceDeclaration' && declaration.type !== 'TSDeclareFunction') {
          info.exports.set('default', { local: DEFAULT_EXPORT_BINDING });
        }
        break;
      }
      case 'ExportAllDeclaration':
        info.specifiers.add(statement.source.value);
        if (statement.exported) info.exports.set(moduleExportName(statement.exported), { specifier: statement.source.value, imported: '*' });
        else info.starExports.push(statement.source.value);
        break;
      case 'VariableDeclaration':
        for (const declarator of statement.declarations) collectRequire(declarator, info);
        break;
      case 'ExpressionStatement':
        collectCommonJsExport(statement.expression, info);
        break;
    }
  }
  return info;
}

function declaredNames(declaration: TSESTree.Node): string[] {
  switch (declaration.type) {
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
    case 'TSEnumDeclaration':
      return declaration.id ? [declaration.id.name] : [];
    case 'VariableDeclaration':
      return declaration.declarations.flatMap((declarator) => (declarator.id.type === 'Identifier' ? [declarator.id.name] : []));
    default:
      return [];
  }
}

/** `const x = require('./y')`, `const { a } = require('./y')`. */
function collectRequire(declarator: TSESTree.VariableDeclarator, info: ModuleInfo): void {
  const init = declarator.init;
  if (
    init?.type !== 'CallExpression' ||
    init.callee.type !== 'Identifier' ||
    init.callee.name !== 'require' ||
    init.arguments[0]?.type !== 'Literal' ||
    typeof init.arguments[0].value !== 'string'
  ) {
    return;
  }
  const specifier = init.arguments[0].value;
  info.specifiers.add(specifier);
  if (declarator.id.type === 'Identifier') info.imports.set(declarator.id.name, { specifier, imported: '*' });
  else if (declarator.id.type === 'ObjectPattern') {
    for (const property of declarator.id.properties) {
      if (property.type === 'Property' && property.key.type === 'Identifier' && property.value.type === 'Identifier') {
        info.imports.set(property.value.name, { specifier, imported: property.key.name });
      }
    }
  }
}

/** `module.exports = { audit }`, `module.exports.audit = audit`, `exports.audit = audit`. */
function collectCommonJsExport(expression: TSESTree.Expression, info: ModuleInfo): void {
  if (expression.type !== 'AssignmentExpression' || expression.left.type !== 'MemberExpression') return;
  const left = expression.left;
  const isModuleExports = (node: TSESTree.Node) =>
    node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === 'module' && node.property.type === 'Identifier' && node.property.name === 'exports';
  if (isModuleExports(left) && expression.right.type === 'ObjectExpression') {
    for (const property of expression.right.properties) {
      if (property.type === 'Property' && property.key.type === 'Identifier' && property.value.type === 'Identifier') {
        info.exports.set(property.key.name, { local: property.value.name });
      }
    }
    return;
  }
  if (isModuleExports(left) && expression.right.type === 'Identifier') {
    info.exports.set(COMMONJS_VALUE, { local: expression.right.name });
    return;
  }
  if (isModuleExports(left)) {
    info.exports.set(COMMONJS_VALUE, { local: MODULE_EXPORTS_BINDING });
    return;
  }
  const target = left.object;
  if ((isModuleExports(target) || (target.type === 'Identifier' && target.name === 'exports')) && left.property.type === 'Identifier' && expression.right.type === 'Identifier') {
    info.exports.set(left.property.name, { local: expression.right.name });
  }
}

function moduleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}
