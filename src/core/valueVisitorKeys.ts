// typescript-estree's visitor keys without the children that are types only (annotations, type
// parameters and arguments, interface and type alias bodies): a walk that looks for values —
// declarations, calls, functions — finds none there, and types are a good part of a TypeScript
// file's nodes. (Every key of these names holds a type in ESTree; `x as T` keeps `expression`.)
import { visitorKeys } from '@typescript-eslint/visitor-keys';

const TYPE_ONLY_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments', 'implements']);
const TYPE_ONLY_NODES = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration']);

export const VALUE_VISITOR_KEYS: Record<string, readonly string[]> = Object.fromEntries(
  Object.entries(visitorKeys).map(([type, keys]) => [type, TYPE_ONLY_NODES.has(type) ? [] : (keys ?? []).filter((key) => !TYPE_ONLY_KEYS.has(key))]),
);
