// Reads @pii / @retention tags and suppression comments from the parser's comments array.
// ESTree attaches no comments to nodes, so "the comment on a declaration" is found by offset.
import type { TSESTree } from '@typescript-eslint/typescript-estree';

export interface PiiTag {
  category: string; // a category id, or 'none'
}
export interface RetentionTag {
  value: string;
  note: string;
  comment: TSESTree.Comment;
}
export interface Suppression {
  /** The line the suppression applies to (the line after the comment). */
  targetLine: number;
  ruleIds: string[];
  reason: string;
  until?: string;
  comment: TSESTree.Comment;
}

// Tags count where JSDoc block tags do: at the start of a comment line (after `*` or `//`), so a
// sentence that mentions "@retention" in passing declares nothing.
const PII_TAG = /(?:^|\n)[ \t]*\*?[ \t]*@pii\s+([A-Za-z_][\w.-]*)/;
export const RETENTION_TAG_PATTERN = /(?:^|\n)[ \t]*\*?[ \t]*@retention[ \t]+(\S+)[ \t]*([^\n*]*)/;
const RETENTION_TAG = RETENTION_TAG_PATTERN;
const DISABLE_NEXT_LINE = /privacy-review-disable-next-line\b([^\n]*)/;

export function piiTagIn(comments: readonly TSESTree.Comment[]): PiiTag | undefined {
  for (const comment of comments) {
    const match = PII_TAG.exec(comment.value);
    if (match) return { category: match[1] };
  }
  return undefined;
}

export function retentionTagIn(comments: readonly TSESTree.Comment[]): RetentionTag | undefined {
  for (const comment of comments) {
    const match = RETENTION_TAG.exec(comment.value);
    if (match) return { value: match[1], note: match[2].trim(), comment };
  }
  return undefined;
}

/** Comments of a file, indexed so the comments directly before a node are found by binary search. */
export class CommentIndex {
  private readonly sorted: TSESTree.Comment[];

  constructor(
    comments: readonly TSESTree.Comment[],
    readonly text: string,
  ) {
    this.sorted = [...comments].sort((a, b) => a.range[0] - b.range[0]);
  }

  private lineStarts: number[] | undefined;

  /** 1-based line, 0-based column of an offset. */
  positionAt(offset: number): { line: number; column: number } {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let index = 0; index < this.text.length; index++) if (this.text.charCodeAt(index) === 10) this.lineStarts.push(index + 1);
    }
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low] };
  }

  get all(): readonly TSESTree.Comment[] {
    return this.sorted;
  }

  /**
   * The run of comments that ends right before `offset` with only white space between them.
   * With `ownLine`, a comment that trails code on its line (`foo(); // x`) ends the run,
   * so a trailing comment of the previous statement never counts as "above" the next one.
   */
  leadingComments(offset: number, ownLine = false): TSESTree.Comment[] {
    const result: TSESTree.Comment[] = [];
    let index = this.lastEndingBefore(offset);
    let boundary = offset;
    while (index >= 0) {
      const comment = this.sorted[index];
      if (!isBlank(this.text, comment.range[1], boundary)) break;
      // A comment that trails code on an earlier line (`foo(); // x`) belongs to that code.
      const ownsLine = startsOwnLine(this.text, comment.range[0]);
      if (!ownsLine && (ownLine || hasNewline(this.text, comment.range[1], boundary))) break;
      result.unshift(comment);
      boundary = comment.range[0];
      index--;
    }
    return result;
  }

  suppressions(): Suppression[] {
    const result: Suppression[] = [];
    for (const comment of this.sorted) {
      const match = DISABLE_NEXT_LINE.exec(comment.value);
      if (!match) continue;
      const [rulesPart, ...reasonParts] = match[1].split('--');
      let reason = reasonParts.join('--').trim();
      let until: string | undefined;
      const untilMatch = /\buntil=(\S+)/.exec(reason);
      if (untilMatch) {
        until = untilMatch[1];
        reason = reason.replace(untilMatch[0], '').trim();
      }
      const ruleIds = rulesPart
        .split(/[\s,]+/)
        .map((id) => id.trim())
        .filter(Boolean);
      result.push({ targetLine: comment.loc.end.line + 1, ruleIds, reason, until, comment });
    }
    return result;
  }

  private lastEndingBefore(offset: number): number {
    let low = 0;
    let high = this.sorted.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.sorted[middle].range[1] <= offset) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) return false;
  }
  return true;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

function startsOwnLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return true;
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}
