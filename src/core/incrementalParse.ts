// Re-parsing a file after an edit inside one top-level statement, for the editor: only that
// statement goes through typescript-estree again; the others are copied from the previous tree
// with their positions moved. The result is the tree a full parse of the new text gives (a test
// compares them on every fixture), and where that cannot be shown cheaply it is a full parse.
//
// The statement is parsed alone (its text from the end of the statement before, the first line
// padded to its column), then moved to its lines and offsets in the file. It parses the same
// alone as in the file when:
//   - the text before it is unchanged and so is its first line, so the statement before ends at
//     the same place (ASI looks at the next token only);
//   - alone it is still one statement of the same kind, spanning exactly its new text, and it
//     closes itself (`;`, or a declaration ending in `}`), so what follows it cannot extend it;
//   - the file is a module exactly when it was (one of its import/export statements is parsed
//     with it), since top-level `await` parses differently in a script.
// Copies, not the previous nodes themselves: the engine caches facts by node.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { parseProgram, parseSource, splitLines, mayHoldCommentTags, type ParsedFile, type ParseFailure } from './parse';
import { OPAQUE_TYPES, isLineBreak, lineEnd, readComments, readCommentsBetween } from './readComments';

export interface PreviousParse {
  text: string;
  parsed: ParsedFile;
}

/** Statements that end at their closing brace: nothing after them can continue them. */
const SELF_CLOSING = new Set(['FunctionDeclaration', 'ClassDeclaration', 'TSInterfaceDeclaration', 'TSEnumDeclaration', 'TSModuleDeclaration']);
const MODULE_STATEMENTS = new Set(['ImportDeclaration', 'ExportAllDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'TSExportAssignment']);

export function reparseSource(previous: PreviousParse | undefined, text: string, filePath: string): ParsedFile | ParseFailure {
  if (previous) {
    try {
      const reparsed = reparseEdited(previous, text, filePath);
      if (reparsed) return reparsed;
    } catch {
      // The statement alone does not parse: the full parse reports the error where the file has it.
    }
  }
  return parseSource(text, filePath);
}

/** The new tree, or undefined where the edit is not inside one statement that re-parses alone. */
export function reparseEdited(previous: PreviousParse, text: string, filePath: string): ParsedFile | undefined {
  const before = previous.text;
  const program = previous.parsed.ast;
  const edit = changedRange(before, text);
  if (!edit) return undefined;
  const delta = text.length - before.length;
  const index = program.body.findIndex((statement) => statement.range[0] < edit.start && edit.oldEnd <= statement.range[1]);
  if (index < 0) return undefined;
  const statement = program.body[index];
  const [start, oldEnd] = statement.range;
  const newEnd = oldEnd + delta;
  // The first line stays, so the statement before it ends where it did.
  const firstLineEnd = lineEnd(before, start);
  if (edit.start <= firstLineEnd) return undefined;
  // A statement after it on its last line would move sideways, not only down.
  const next = program.body[index + 1];
  if (next && next.loc.start.line === statement.loc.end.line) return undefined;

  // The statement alone, from the end of the one before (decorators stand before a class's
  // range), its first line padded to its column; an import or export of the file after it keeps
  // the copy a module. Its nodes are then moved to their lines and offsets in the file.
  const previousStatement = program.body[index - 1];
  const from = previousStatement?.range[1] ?? 0;
  const fromLine = previousStatement?.loc.end.line ?? 1;
  const fromColumn = previousStatement?.loc.end.column ?? 0;
  const kept = program.sourceType === 'module' ? moduleStatement(program.body, index, before) : undefined;
  const alone = ' '.repeat(fromColumn) + text.slice(from, newEnd) + (kept ? `\n${before.slice(kept.range[0], kept.range[1])}` : '');
  const isolated = parseProgram(alone, filePath);
  if (isolated.sourceType !== program.sourceType || isolated.body.length !== (kept ? 2 : 1)) return undefined;
  const shift = from - fromColumn;
  const parsedAlone = isolated.body[0];
  if (parsedAlone.type !== statement.type || parsedAlone.range[0] + shift !== start || parsedAlone.range[1] + shift !== newEnd) return undefined;
  if (!closesItself(parsedAlone, alone) || 'directive' in parsedAlone || 'directive' in statement) return undefined;
  const opaque: [number, number][] = [];
  const replacement = copyNode(parsedAlone, shift, fromLine - 1, opaque);

  // From one character before: a CR there and an LF inserted after it are one line break.
  const lineDelta = countLineBreaks(text, edit.start - 1, edit.newEnd) - countLineBreaks(before, edit.start - 1, edit.oldEnd);
  const body: TSESTree.ProgramStatement[] = [];
  for (let at = 0; at < program.body.length; at++) {
    if (at < index) body.push(copyNode(program.body[at], 0, 0));
    else if (at === index) body.push(replacement);
    else body.push(copyNode(program.body[at], delta, lineDelta));
  }
  // Keys in the order the parser gives them: the engine walks keys in order.
  const tree = {} as Record<string, unknown>;
  for (const key of Object.keys(program)) tree[key] = (program as unknown as Record<string, unknown>)[key];
  tree.body = body;
  tree.range = [0, text.length];
  tree.loc = { start: { line: 1, column: 0 }, end: endOf(text, program.loc.end, lineDelta) };
  const ast = tree as unknown as TSESTree.Program;
  return { ok: true, ast, comments: commentsAfterEdit(previous, text, ast, { from, oldEnd, newEnd, delta, lineDelta, opaque }), lines: splitLines(text) };
}

/**
 * The previous comments where the text did not change (moved after the statement), and the
 * statement's own read again; all of them read again where the previous text had no tag.
 */
function commentsAfterEdit(
  previous: PreviousParse,
  text: string,
  ast: TSESTree.Program,
  { from, oldEnd, newEnd, delta, lineDelta, opaque }: { from: number; oldEnd: number; newEnd: number; delta: number; lineDelta: number; opaque: [number, number][] },
): TSESTree.Comment[] {
  if (!mayHoldCommentTags(text)) return [];
  if (!mayHoldCommentTags(previous.text)) return readComments(text, ast);
  const comments: TSESTree.Comment[] = [];
  const old = previous.parsed.comments;
  let at = 0;
  for (; at < old.length && old[at].range[1] <= from; at++) comments.push(copyNode(old[at], 0, 0));
  comments.push(...readCommentsBetween(text, opaque, from, newEnd));
  for (; at < old.length && old[at].range[0] < oldEnd; at++);
  for (; at < old.length; at++) comments.push(copyNode(old[at], delta, lineDelta));
  return comments;
}

/** Where the new text ends: the old last line moved down, its column counted again. */
function endOf(text: string, oldEnd: TSESTree.Position, lineDelta: number): TSESTree.Position {
  let lineStart = text.length;
  while (lineStart > 0 && !isLineBreak(text.charCodeAt(lineStart - 1))) lineStart--;
  return { line: oldEnd.line + lineDelta, column: text.length - lineStart };
}

/** The edited span: common prefix and suffix taken away (old text [start, oldEnd), new [start, newEnd)). */
function changedRange(before: string, after: string): { start: number; oldEnd: number; newEnd: number } | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < shorter - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/** An import or export statement other than the edited one, that ends with `;`: keeping it keeps the copy a module. */
function moduleStatement(body: TSESTree.ProgramStatement[], edited: number, text: string): TSESTree.ProgramStatement | undefined {
  let best: TSESTree.ProgramStatement | undefined;
  for (let at = 0; at < body.length; at++) {
    const statement = body[at];
    if (at === edited || !MODULE_STATEMENTS.has(statement.type) || text.charCodeAt(statement.range[1] - 1) !== 59 /* ; */) continue;
    if (!best || statement.range[1] - statement.range[0] < best.range[1] - best.range[0]) best = statement;
    if (statement.type === 'ImportDeclaration') break;
  }
  return best;
}

function closesItself(statement: TSESTree.ProgramStatement, text: string): boolean {
  if (text.charCodeAt(statement.range[1] - 1) === 59 /* ; */) return true;
  const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
  return declaration !== null && declaration !== undefined && SELF_CLOSING.has(declaration.type) && text.charCodeAt(statement.range[1] - 1) === 125 /* } */;
}

/** Line breaks as TypeScript counts lines (CRLF is one). */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = Math.max(0, from); at < to; at++) {
    const code = text.charCodeAt(at);
    if (code === 10 || code === 0x2028 || code === 0x2029) count++;
    else if (code === 13 && text.charCodeAt(at + 1) !== 10) count++;
  }
  return count;
}

function copyValue(value: unknown, delta: number, lineDelta: number, opaque?: [number, number][]): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => copyValue(item, delta, lineDelta, opaque));
  if (value instanceof RegExp) return new RegExp(value.source, value.flags);
  return copyNode(value, delta, lineDelta, opaque);
}

/** A deep copy of a node, its offsets moved by `delta` and its lines by `lineDelta`. */
function copyNode<T>(node: T, delta: number, lineDelta: number, opaque?: [number, number][]): T {
  const source = node as unknown as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  if (opaque && OPAQUE_TYPES.has(source.type as string)) {
    const range = source.range as [number, number];
    opaque.push([range[0] + delta, range[1] + delta]);
  }
  for (const key in source) {
    const value = source[key];
    if (key === 'range') {
      const range = value as [number, number];
      copy.range = [range[0] + delta, range[1] + delta];
    } else if (key === 'loc') {
      const loc = value as TSESTree.SourceLocation;
      copy.loc = { start: { line: loc.start.line + lineDelta, column: loc.start.column }, end: { line: loc.end.line + lineDelta, column: loc.end.column } };
    } else {
      copy[key] = copyValue(value, delta, lineDelta, opaque);
    }
  }
  copyDeprecatedAliases(source, copy, delta, lineDelta);
  return copy as T;
}

/**
 * typescript-estree's deprecated properties (`assertions`, enum `members`…) are getters that are
 * not enumerable; the copy gets the same: an alias reads the copy's own property, a value is
 * copied from the previous node when read (reading it there warns as the parser's getter does).
 */
const DEPRECATED_TYPES = new Set(['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression', 'TSMappedType', 'TSImportType', 'TSEnumDeclaration', 'TSEnumMember']);

function copyDeprecatedAliases(source: Record<string, unknown>, copy: Record<string, unknown>, delta: number, lineDelta: number): void {
  if (!DEPRECATED_TYPES.has(source.type as string)) return;
  for (const key of Object.getOwnPropertyNames(source)) {
    const descriptor = Object.getOwnPropertyDescriptor(source, key)!;
    if (descriptor.enumerable || !descriptor.get) continue;
    let cached: { value: unknown } | undefined;
    Object.defineProperty(copy, key, {
      configurable: true,
      get: () => {
        const value = descriptor.get!.call(source);
        // An alias answers with the node's own property: the copy's, not the previous node's.
        for (const own of Object.keys(source)) if (source[own] === value) return copy[own];
        cached ??= { value: copyValue(value, delta, lineDelta) };
        return cached.value;
      },
      set(value: unknown) {
        Object.defineProperty(copy, key, { enumerable: true, value, writable: true });
      },
    });
  }
}
