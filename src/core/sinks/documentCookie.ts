// `document.cookie = …` in the browser. Data: the whole cookie string. Expiry: a `max-age=` or
// `expires=` attribute in the string, template or concatenation (`max-age=${60 * 60}`,
// `expires=${new Date(Date.now() + DAY).toUTCString()}`); a literal expires date is absolute, its
// length from now unknown. Without either attribute: no expiry — see cookies.ts for why a
// browser "session" cookie does not count as declared retention.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Retention } from '../types';
import { calleeSegments, memberName } from './callSite';
import { numberValue, secondsFromNow, stringValue, technicalExpiry, unwrap } from './options';
import { chainOf, isGlobal } from './provenance';
import type { SinkContext, SinkRecognizer } from './types';

type CookiePart = { text: string } | { expression: TSESTree.Node };
const DOCUMENT = new Set(['document']);
const ATTRIBUTE = /(max-age|expires)\s*=\s*([^;]*)$/i;
const LITERAL_ATTRIBUTE = /(max-age|expires)\s*=\s*([^;]+)/i;

export const documentCookieSink: SinkRecognizer = {
  id: 'document-cookie',
  family: 'cookie',
  kind: 'storage',
  matchAssignment(assignment, context) {
    const target = assignment.left;
    if (target.type !== 'MemberExpression' || memberName(target) !== 'cookie') return undefined;
    const owner = chainOf(calleeSegments(target.object), context, target.object);
    if (!isGlobal(owner, DOCUMENT) || owner!.steps.length > 0) return undefined;
    const expiry = cookieTextExpiry(assignment.right, context);
    return { kind: 'storage', family: 'cookie', dataArgs: [assignment.right], ...(expiry ? { expiry } : {}) };
  },
};

function cookieTextExpiry(node: TSESTree.Node, context: SinkContext): Retention | undefined {
  const parts = cookieParts(node, 0);
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (!('text' in part)) continue;
    const literal = LITERAL_ATTRIBUTE.exec(part.text);
    if (literal && literal[2].trim()) {
      const isMaxAge = literal[1].toLowerCase() === 'max-age';
      return technicalExpiry(isMaxAge && /^\d+$/.test(literal[2].trim()) ? Number(literal[2].trim()) : undefined, `cookie ${literal[1].toLowerCase()}`, node);
    }
    const open = ATTRIBUTE.exec(part.text);
    const next = parts[index + 1];
    if (open && next && 'expression' in next) {
      const isMaxAge = open[1].toLowerCase() === 'max-age';
      const seconds = isMaxAge ? numberValue(next.expression, context) : secondsFromNow(next.expression, context);
      return technicalExpiry(seconds, `cookie ${open[1].toLowerCase()}`, next.expression);
    }
  }
  return undefined;
}

/** A cookie string as literal text and interpolated expressions, in order. */
function cookieParts(node: TSESTree.Node, depth: number): CookiePart[] {
  const value = unwrap(node);
  if (depth > 8) return [{ expression: value }];
  const text = stringValue(value);
  if (text !== undefined) return [{ text }];
  if (value.type === 'TemplateLiteral') {
    return value.quasis.flatMap((quasi, index) => {
      const expression = value.expressions[index];
      return expression ? [{ text: quasi.value.cooked ?? '' }, ...cookieParts(expression, depth + 1)] : [{ text: quasi.value.cooked ?? '' }];
    });
  }
  if (value.type === 'BinaryExpression' && value.operator === '+') return [...cookieParts(value.left, depth + 1), ...cookieParts(value.right, depth + 1)];
  // ['a=b', `max-age=${n}`].join('; ')
  if (value.type === 'CallExpression' && value.callee.type === 'MemberExpression' && memberName(value.callee) === 'join' && value.callee.object.type === 'ArrayExpression') {
    const separator = stringValue(value.arguments[0]) ?? ',';
    return value.callee.object.elements.flatMap((element, index) => [...(index > 0 ? [{ text: separator }] : []), ...(element ? cookieParts(element, depth + 1) : [])]);
  }
  return [{ expression: value }];
}
