// Declared shapes in a file — interfaces, type aliases, classes — and which of their members hold
// personal data, so that logging a `user: User` is known to leak `user.phone`.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { CommentIndex } from '../comments';
import { EMPTY, SANITIZED, type TaintItem, type Value } from '../flow/value';
import type { Position, Retention } from '../types';
import { declarationAnchor, declarationTags, type NameRules } from './names';

export interface MemberShape {
  name: string;
  node: TSESTree.Node;
  /** `@pii <category>`, `@pii none`, or undefined. */
  pii?: string;
  retention?: Retention;
  /** Where a JSDoc for the member goes. */
  anchor: Position;
  /** Types the member refers to (arrays, Promise, unions unwrapped): `address: Address[]` → ['Address']. */
  typeRefs: string[];
}

export interface TypeShape {
  name: string;
  members: Map<string, MemberShape>;
  /** Types whose members this one has too: extends, intersections, Pick/Omit/Partial targets. */
  bases: { name: string; pick?: Set<string>; omit?: Set<string> }[];
}

const WRAPPER_TYPES = new Set(['Array', 'ReadonlyArray', 'Promise', 'Partial', 'Required', 'Readonly', 'Set', 'NonNullable', 'Awaited']);
const MAX_TYPE_DEPTH = 5;

export function collectTypeShapes(program: TSESTree.Program, comments: CommentIndex): Map<string, TypeShape> {
  const shapes = new Map<string, TypeShape>();
  const visit = (statement: TSESTree.Node) => {
    if (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') {
      if (statement.declaration) visit(statement.declaration);
      return;
    }
    if (statement.type === 'TSInterfaceDeclaration') {
      const shape = newShape(statement.id.name);
      for (const heritage of statement.extends) {
        if (heritage.expression.type === 'Identifier') addReference(shape, heritage.expression.name, heritage.typeArguments?.params ?? [], comments);
      }
      addTypeElements(shape, statement.body.body, comments);
      shapes.set(shape.name, shape);
    } else if (statement.type === 'TSTypeAliasDeclaration') {
      const shape = newShape(statement.id.name);
      addTypeNode(shape, statement.typeAnnotation, comments);
      shapes.set(shape.name, shape);
    } else if ((statement.type === 'ClassDeclaration' || statement.type === 'ClassExpression') && statement.id) {
      const shape = newShape(statement.id.name);
      if (statement.superClass?.type === 'Identifier') shape.bases.push({ name: statement.superClass.name });
      addClassMembers(shape, statement.body.body, comments);
      shapes.set(shape.name, shape);
    }
  };
  for (const statement of program.body) visit(statement);
  return shapes;
}

function newShape(name: string): TypeShape {
  return { name, members: new Map(), bases: [] };
}

function addTypeElements(shape: TypeShape, elements: TSESTree.TypeElement[], comments: CommentIndex): void {
  for (const element of elements) {
    if (element.type !== 'TSPropertySignature') continue;
    const name = propertyKeyName(element.key);
    if (!name) continue;
    addMember(shape, name, element, element.typeAnnotation?.typeAnnotation, comments);
  }
}

function addClassMembers(shape: TypeShape, elements: TSESTree.ClassElement[], comments: CommentIndex): void {
  for (const element of elements) {
    if (element.type === 'PropertyDefinition' && !element.static) {
      const name = propertyKeyName(element.key);
      if (name) addMember(shape, name, element, element.typeAnnotation?.typeAnnotation, comments);
    } else if (element.type === 'MethodDefinition' && element.kind === 'constructor') {
      for (const param of element.value.params) {
        if (param.type !== 'TSParameterProperty') continue;
        const target = param.parameter.type === 'AssignmentPattern' ? param.parameter.left : param.parameter;
        if (target.type === 'Identifier') addMember(shape, target.name, param, target.typeAnnotation?.typeAnnotation, comments);
      }
    }
  }
}

function addTypeNode(shape: TypeShape, type: TSESTree.TypeNode, comments: CommentIndex): void {
  if (type.type === 'TSTypeLiteral') {
    addTypeElements(shape, type.members, comments);
  } else if (type.type === 'TSIntersectionType' || type.type === 'TSUnionType') {
    for (const part of type.types) addTypeNode(shape, part, comments);
  } else if (type.type === 'TSTypeReference' && type.typeName.type === 'Identifier') {
    addReference(shape, type.typeName.name, type.typeArguments?.params ?? [], comments);
  }
}

/** `Pick<T, 'a'>`, `Omit<T, 'b'>`, `Partial<T>` or a plain `T`, in an alias, intersection or `extends`. */
function addReference(shape: TypeShape, name: string, args: TSESTree.TypeNode[], comments: CommentIndex): void {
  if ((name === 'Pick' || name === 'Omit') && args[0]) {
    const target = typeRefs(args[0])[0];
    const keys = new Set(args[1] ? literalKeys(args[1]) : []);
    if (target) shape.bases.push(name === 'Pick' ? { name: target, pick: keys } : { name: target, omit: keys });
  } else if (WRAPPER_TYPES.has(name) && args[0]) {
    addTypeNode(shape, args[0], comments);
  } else {
    shape.bases.push({ name });
  }
}

function addMember(shape: TypeShape, name: string, node: TSESTree.Node, type: TSESTree.TypeNode | undefined, comments: CommentIndex): void {
  const tags = declarationTags(comments, node, `${shape.name}.${name}`);
  const anchor = comments.positionAt(declarationAnchor(comments, node));
  shape.members.set(name, { name, node, anchor, pii: tags.pii, retention: tags.retention, typeRefs: type ? typeRefs(type) : [] });
}

/** Named types a type refers to, through arrays, unions and wrapper generics. */
export function typeRefs(type: TSESTree.TypeNode): string[] {
  switch (type.type) {
    case 'TSTypeReference': {
      if (type.typeName.type !== 'Identifier') return [];
      const name = type.typeName.name;
      if (WRAPPER_TYPES.has(name)) return (type.typeArguments?.params ?? []).flatMap(typeRefs);
      return [name];
    }
    case 'TSArrayType':
      return typeRefs(type.elementType);
    case 'TSUnionType':
    case 'TSIntersectionType':
      return type.types.flatMap(typeRefs);
    default:
      return [];
  }
}

function literalKeys(type: TSESTree.TypeNode): string[] {
  if (type.type === 'TSLiteralType' && type.literal.type === 'Literal' && typeof type.literal.value === 'string') return [type.literal.value];
  if (type.type === 'TSUnionType') return type.types.flatMap(literalKeys);
  return [];
}

function propertyKeyName(key: TSESTree.Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

/**
 * The value a variable of a declared type holds: one field per member that is personal data or
 * holds a type that has some. Memoised per type; cycles end at MAX_TYPE_DEPTH.
 */
/** Types imported from other files of the workspace: their values, computed over there. */
export interface ExternalTypes {
  has(typeName: string): boolean;
  valueOf(typeName: string): Value | undefined;
}

export class TypeValues {
  private readonly cache = new Map<string, Value>();

  constructor(
    private readonly shapes: ReadonlyMap<string, TypeShape>,
    private readonly names: NameRules,
    private readonly external?: ExternalTypes,
  ) {}

  has(typeName: string): boolean {
    return this.shapes.has(typeName) || Boolean(this.external?.has(typeName));
  }

  localNames(): string[] {
    return [...this.shapes.keys()];
  }

  valueOf(typeName: string, depth = 0): Value {
    const cached = this.cache.get(typeName);
    if (cached) return cached;
    const shape = this.shapes.get(typeName);
    if (!shape && depth <= MAX_TYPE_DEPTH && this.external?.has(typeName)) {
      this.cache.set(typeName, EMPTY); // cycle guard
      const value = this.external.valueOf(typeName) ?? EMPTY;
      this.cache.set(typeName, value);
      return value;
    }
    if (!shape || depth > MAX_TYPE_DEPTH) return EMPTY;
    this.cache.set(typeName, EMPTY); // cycle guard while this type is being computed
    const fields = new Map<string, Value>();
    this.addFields(shape, fields, depth, undefined, undefined);
    const value: Value = fields.size ? { items: [], fields } : EMPTY;
    this.cache.set(typeName, value);
    return value;
  }

  private addFields(shape: TypeShape, fields: Map<string, Value>, depth: number, pick?: Set<string>, omit?: Set<string>): void {
    const keep = (name: string) => (!pick || pick.has(name)) && !omit?.has(name);
    for (const base of shape.bases) {
      const baseShape = this.shapes.get(base.name);
      if (baseShape && depth <= MAX_TYPE_DEPTH) {
        this.addFields(baseShape, fields, depth + 1, base.pick ?? pick, base.omit ?? omit);
      } else if (!baseShape && depth <= MAX_TYPE_DEPTH) {
        // A base declared in another file: take the fields its own file computed.
        const basePick = base.pick ?? pick;
        const baseOmit = base.omit ?? omit;
        for (const [name, value] of this.valueOf(base.name, depth + 1).fields ?? []) {
          if ((!basePick || basePick.has(name)) && !baseOmit?.has(name)) fields.set(name, value);
        }
      }
    }
    for (const member of shape.members.values()) {
      if (!keep(member.name)) continue;
      const value = this.memberValue(shape, member, depth);
      if (value) fields.set(member.name, value);
    }
  }

  private memberValue(shape: TypeShape, member: MemberShape, depth: number): Value | undefined {
    if (member.pii === 'none') return SANITIZED;
    const category = member.pii ?? this.names.catalogField(shape.name, member.name);
    const verdict = category
      ? { category, reason: member.pii ? ({ kind: 'annotation' } as const) : ({ kind: 'catalog', entry: `${shape.name}.${member.name}` } as const) }
      : this.names.classify(member.name);
    const items: TaintItem[] = [];
    if (verdict) {
      items.push({
        category: verdict.category,
        reason: verdict.reason.kind === 'name' ? { kind: 'declared-type', typeName: shape.name, member: member.name } : verdict.reason,
        origin: { span: member.node.loc, text: `${shape.name}.${member.name}` },
        declaration: { span: member.node.loc, name: `${shape.name}.${member.name}`, anchor: member.anchor },
        ...(member.retention ? { retention: member.retention } : {}),
        steps: [],
      });
    }
    const nested = member.typeRefs.map((ref) => this.valueOf(ref, depth + 1)).find((value) => value.fields?.size);
    if (!items.length && !nested) return undefined;
    return { items, ...(nested?.fields ? { fields: nested.fields } : {}) };
  }
}
