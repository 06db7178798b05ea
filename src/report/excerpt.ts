// Code excerpts for reports: the lines of a finding and a few around it, read from the scanned file.
import * as path from 'node:path';
import type { Span } from '../core/types';
import { readSource } from '../scan/readSource';

export interface Excerpt {
  /** 1-based line number of lines[0]. */
  startLine: number;
  lines: string[];
  /** The finding's own lines (inclusive), for highlighting. */
  hit: { startLine: number; endLine: number };
  /** The exact text of the span, when it is short enough to quote. */
  spanText?: string;
}

export interface ExcerptOptions {
  /** Lines shown before and after the finding (default 2). */
  context?: number;
  /** At most this many lines of the finding itself (default 8); a longer call is cut. */
  maxSpanLines?: number;
  /** Characters per line before it is cut with "…" (default 240). */
  maxLineLength?: number;
}

/** The same line terminators as the parser's line numbers (TypeScript counts U+2028/2029 too). */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;

export type ExcerptReader = (file: string, span: Span) => Excerpt | undefined;

/** Reads each file once; a file that cannot be read (or has gone) simply has no excerpt. */
export function createExcerptReader(root: string, options: ExcerptOptions = {}): ExcerptReader {
  const context = options.context ?? 2;
  const maxSpanLines = options.maxSpanLines ?? 8;
  const maxLineLength = options.maxLineLength ?? 240;
  const cache = new Map<string, string[] | undefined>();
  const linesOf = (file: string) => {
    if (!cache.has(file)) {
      const read = readSource(path.resolve(root, file), Number.MAX_SAFE_INTEGER);
      const lines = read.ok ? read.text.split(LINE_BREAK) : undefined;
      if (lines && lines.length > 1 && lines[lines.length - 1] === '') lines.pop(); // the final newline starts no line
      cache.set(file, lines);
    }
    return cache.get(file);
  };
  return (file, span) => {
    const lines = linesOf(file);
    if (!lines || span.start.line < 1 || span.start.line > lines.length) return undefined;
    const hitEnd = Math.min(span.end.line, span.start.line + maxSpanLines - 1, lines.length);
    const startLine = Math.max(1, span.start.line - context);
    const endLine = Math.min(lines.length, hitEnd + context);
    const cut = (line: string) => (line.length > maxLineLength ? `${line.slice(0, maxLineLength - 1)}…` : line);
    return {
      startLine,
      lines: lines.slice(startLine - 1, endLine).map(cut),
      hit: { startLine: span.start.line, endLine: hitEnd },
      spanText: spanText(lines, span, maxSpanLines * 4),
    };
  };
}

function spanText(lines: string[], span: Span, maxLines: number): string | undefined {
  if (span.end.line < span.start.line || span.end.line - span.start.line >= maxLines || span.end.line > lines.length) return undefined;
  const text =
    span.start.line === span.end.line
      ? lines[span.start.line - 1].slice(span.start.column, span.end.column)
      : [lines[span.start.line - 1].slice(span.start.column), ...lines.slice(span.start.line, span.end.line - 1), lines[span.end.line - 1].slice(0, span.end.column)].join('\n');
  return text || undefined;
}
