// NestJS @nestjs/mongoose schemas declared as classes: `@Schema() class LoginAttempt { @Prop({
// expires: 604800 }) createdAt }`, made into a schema by `SchemaFactory.createForClass(…)` and
// injected as `@InjectModel(LoginAttempt.name) model: Model<LoginAttempt>` (or a document alias,
// `type LoginAttemptDocument = HydratedDocument<LoginAttempt>`). The expiry is a `@Prop` with
// `expires` / `expireAfterSeconds`, or a TTL index on the schema made from the class.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { simpleTraverse } from '../estree';
import type { Retention } from '../types';
import { calleeSegments } from './callSite';
import { schemaDefinitionExpiry, schemaIndexExpiries } from './mongoTtl';
import { unwrap } from './options';
import type { SinkContext } from './types';

interface DeclaredTypes {
  classes: Map<string, TSESTree.ClassDeclaration>;
  aliases: Map<string, TSESTree.TypeNode>;
}
const declaredCache = new WeakMap<TSESTree.Program, DeclaredTypes>();

/** The expiry of the schema class a model's type argument names (directly or through an alias). */
export function classSchemaExpiry(typeName: string | undefined, context: SinkContext): Retention | undefined {
  const declared = declaredTypes(context.program);
  const className = typeName && (declared.classes.has(typeName) ? typeName : aliasedClass(declared.aliases.get(typeName), declared));
  const declaration = className ? declared.classes.get(className) : undefined;
  if (!className || !declaration) return undefined;
  for (const member of declaration.body.body) {
    if (member.type !== 'PropertyDefinition') continue;
    for (const decorator of member.decorators ?? []) {
      const call = decorator.expression;
      if (call.type !== 'CallExpression' || calleeSegments(call.callee).pop() !== 'Prop') continue;
      const expiry = schemaDefinitionExpiry(call.arguments[0], context);
      if (expiry) return expiry;
    }
  }
  // const LoginAttemptSchema = SchemaFactory.createForClass(LoginAttempt); LoginAttemptSchema.index(…)
  for (const [schemaName, expiry] of schemaIndexExpiries(context)) {
    const created = context.binding(schemaName)?.originCall;
    const argument = created?.arguments[0];
    if (created?.type === 'CallExpression' && argument && unwrap(argument).type === 'Identifier' && (unwrap(argument) as TSESTree.Identifier).name === className) {
      return expiry;
    }
  }
  return undefined;
}

/** `HydratedDocument<X>`, `X & Document`, `Document<unknown, {}, X>`: the first argument that is a class of the file. */
function aliasedClass(type: TSESTree.TypeNode | undefined, declared: DeclaredTypes): string | undefined {
  if (!type) return undefined;
  const candidates = type.type === 'TSIntersectionType' ? type.types : type.type === 'TSTypeReference' ? [type, ...(type.typeArguments?.params ?? [])] : [];
  for (const candidate of candidates) {
    if (candidate.type === 'TSTypeReference' && candidate.typeName.type === 'Identifier' && declared.classes.has(candidate.typeName.name)) return candidate.typeName.name;
  }
  return undefined;
}

function declaredTypes(program: TSESTree.Program): DeclaredTypes {
  let declared = declaredCache.get(program);
  if (!declared) {
    const found: DeclaredTypes = { classes: new Map(), aliases: new Map() };
    simpleTraverse(program, {
      enter(node) {
        if (node.type === 'ClassDeclaration' && node.id) found.classes.set(node.id.name, node);
        else if (node.type === 'TSTypeAliasDeclaration') found.aliases.set(node.id.name, node.typeAnnotation);
      },
    });
    declared = found;
    declaredCache.set(program, declared);
  }
  return declared;
}
