// typescript-estree parse, with syntax errors turned into data. No type program: it must stay fast.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { parse } from './estree';
import * as path from 'node:path';
import type { Position } from './types';
import { isStackOverflow } from './budget';
import { readComments } from './readComments';

export const SCANNABLE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

export interface ParsedFile {
  ok: true;
  ast: TSESTree.Program;
  comments: TSESTree.Comment[];
  /** The source split into lines (no terminators), for excerpts and "own line" checks. */
  lines: string[];
}
export interface ParseFailure {
  ok: false;
  message: string;
  position: Position;
  /** The parser ran out of stack (thousands of nested brackets): not a syntax error, the file is too deep to read. */
  tooDeep?: true;
}

export function isScannablePath(filePath: string): boolean {
  const ext = path.extname(filePath).toLowerCase();
  return (SCANNABLE_EXTENSIONS as readonly string[]).includes(ext) && !filePath.endsWith('.d.ts');
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Comments matter to the engine only for what they tag (`@pii`, `@retention`, suppressions):
 * without one of these strings in the text no comment can tag anything, and none are read. With
 * one, they are read by readComments (the same list as typescript-estree's, much cheaper).
 */
const COMMENT_TAGS = ['@pii', '@retention', 'privacy-review-disable'];

export function mayHoldCommentTags(text: string): boolean {
  return COMMENT_TAGS.some((tag) => text.includes(tag));
}

export function parseSource(text: string, filePath: string): ParsedFile | ParseFailure {
  try {
    const ast = parseProgram(text, filePath);
    return { ok: true, ast, comments: mayHoldCommentTags(text) ? readComments(text, ast) : [], lines: splitLines(text) };
  } catch (error) {
    return parseFailure(error);
  }
}

/** typescript-estree's tree of `text`, without comments; throws on a syntax error. */
export function parseProgram(text: string, filePath: string): TSESTree.Program {
  // The parser picks JSX from the file's extension; an unknown extension is parsed as TS.
  const ext = path.extname(filePath).toLowerCase();
  const parsePath = (SCANNABLE_EXTENSIONS as readonly string[]).includes(ext) ? filePath : `${filePath}.ts`;
  return parse(text, {
    filePath: parsePath,
    loc: true,
    range: true,
    comment: false,
    tokens: false,
    jsDocParsingMode: 'none',
    loggerFn: false,
    errorOnUnknownASTType: false,
  });
}

function parseFailure(error: unknown): ParseFailure {
  if (isStackOverflow(error)) return { ok: false, message: 'too deeply nested for the parser', position: { line: 1, column: 0 }, tooDeep: true };
  const location = (error as { location?: { start?: { line?: number; column?: number } } }).location;
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    message: message.split('\n')[0],
    position: { line: location?.start?.line ?? 1, column: location?.start?.column ?? 0 },
  };
}
