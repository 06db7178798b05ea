// Which names are personal data: the built-in classifier, catalog names and fields, and the
// @pii / @retention tags on a declaration. One object per analysed file.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { classifyName, type ExtraNameRules } from '../categories';
import { CommentIndex, piiTagIn, retentionTagIn } from '../comments';
import type { CategoryId, ClassificationReason, Retention } from '../types';

export interface NameVerdict {
  category: CategoryId;
  reason: ClassificationReason;
}

export interface DeclarationTags {
  /** `@pii <category>` or `@pii none`. */
  pii?: string;
  retention?: Retention;
}

export class NameRules {
  constructor(
    private readonly extraNames: ExtraNameRules | undefined,
    /** Catalog `fields`: 'User.loyaltyNumber' → category. */
    private readonly catalogFields: ReadonlyMap<string, CategoryId> = new Map(),
  ) {}

  classify(name: string): NameVerdict | undefined {
    const result = classifyName(name, this.extraNames);
    if (!result) return undefined;
    const reason: ClassificationReason = result.catalog
      ? { kind: 'catalog', entry: result.token }
      : { kind: 'name', token: result.token };
    return { category: result.category, reason };
  }

  catalogField(typeName: string, member: string): CategoryId | undefined {
    return this.catalogFields.get(`${typeName}.${member}`);
  }
}

/**
 * Where a JSDoc for this declaration goes: before its decorators and any `export`/`default`.
 * Quick fixes insert there, and tags are read from there.
 */
export function declarationAnchor(comments: CommentIndex, node: TSESTree.Node): number {
  const decorators = 'decorators' in node ? (node.decorators as TSESTree.Decorator[] | undefined) : undefined;
  const start = Math.min(node.range[0], ...(decorators ?? []).map((decorator) => decorator.range[0]));
  return declarationStart(comments.text, start);
}

/** Tags in the JSDoc (or any comment run) directly before a declaration. */
export function declarationTags(comments: CommentIndex, node: TSESTree.Node, declaredName: string): DeclarationTags {
  const leading = comments.leadingComments(declarationAnchor(comments, node));
  if (leading.length === 0) return {};
  const pii = piiTagIn(leading)?.category;
  const tag = retentionTagIn(leading);
  const retention: Retention | undefined = tag
    ? { value: tag.value, declaredBy: `@retention ${tag.value} on ${declaredName}`, span: tag.comment.loc }
    : undefined;
  return { ...(pii ? { pii } : {}), ...(retention ? { retention } : {}) };
}

/** A JSDoc stands before `export`/`default`/`declare`: step back over those keywords. */
function declarationStart(text: string, offset: number): number {
  let start = offset;
  for (;;) {
    const before = text.slice(Math.max(0, start - 40), start);
    const match = /(?:^|[\s;}])(export|default|declare)\s+$/.exec(before);
    if (!match) return start;
    start -= before.length - before.lastIndexOf(match[1]);
  }
}
