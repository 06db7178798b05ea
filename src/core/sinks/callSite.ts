// Turns a call's callee into segments and finds what the file knows about its receiver.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { BindingInfo, SinkCallSite, SinkContext } from './types';

const MAX_SEGMENTS = 12;

export function calleeSegments(node: TSESTree.Node, depth = 0): string[] {
  if (depth > MAX_SEGMENTS) return ['?'];
  switch (node.type) {
    case 'Identifier':
      return [node.name];
    case 'ThisExpression':
      return ['this'];
    case 'Super':
      return ['super'];
    case 'MemberExpression':
      return [...calleeSegments(node.object, depth + 1), memberName(node) ?? '[]'];
    case 'CallExpression': {
      const inner = calleeSegments(node.callee, depth + 1);
      inner[inner.length - 1] += '()';
      return inner;
    }
    case 'NewExpression': {
      const inner = calleeSegments(node.callee, depth + 1);
      return [`new ${inner.join('.')}()`];
    }
    case 'ChainExpression':
    case 'TSNonNullExpression':
    case 'TSAsExpression':
    case 'AwaitExpression':
      return calleeSegments(node.type === 'ChainExpression' ? node.expression : node.type === 'AwaitExpression' ? node.argument : node.expression, depth + 1);
    default:
      return ['?'];
  }
}

/** The property name of a member expression: `a.b` → 'b', `a['x-y']` → 'x-y', `a[i]` → undefined. */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.property.type === 'PrivateIdentifier') return node.property.name;
  if (node.property.type === 'Literal' && typeof node.property.value === 'string') return node.property.value;
  if (node.property.type === 'TemplateLiteral' && node.property.expressions.length === 0) {
    return node.property.quasis[0].value.cooked ?? undefined;
  }
  return undefined;
}

export function describeCallSite(call: TSESTree.CallExpression, context: SinkContext): SinkCallSite {
  const calleePath = calleeSegments(call.callee);
  const method = calleePath[calleePath.length - 1].replace(/\(\)$/, '');
  const receiverPath = calleePath.slice(0, -1);
  return { call, calleePath, method, receiverPath, receiver: receiverBinding(receiverPath, context) };
}

function receiverBinding(receiverPath: string[], context: SinkContext): BindingInfo | undefined {
  if (receiverPath.length === 0) return undefined;
  // `this.logger.info` → the class member 'logger'; `logger.child().info` → 'logger'.
  const rootName = receiverPath[0] === 'this' ? receiverPath[1] : receiverPath[0];
  if (!rootName) return undefined;
  return context.binding(rootName.replace(/\(\)$/, ''));
}

/** The receiver's last plain name: `this.auditLogger.info` → 'auditLogger', `a.b().c` → 'c'. */
export function receiverName(site: SinkCallSite): string | undefined {
  const last = site.receiverPath[site.receiverPath.length - 1];
  return last?.replace(/\(\)$/, '');
}
