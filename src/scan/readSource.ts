// Reads one file for analysis, or says why it is skipped: too large, minified, binary, empty, unreadable.
import * as fs from 'node:fs';
import { errorCode } from './discover';

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
/** A line this long is generated code, not something a person wrote. */
const MINIFIED_LINE_LENGTH = 5_000;

export type ReadOutcome = { ok: true; text: string } | { ok: false; reason: string };

export function readSource(absolutePath: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadOutcome {
  let buffer: Buffer;
  try {
    const stats = fs.statSync(absolutePath);
    if (stats.size > maxBytes) return { ok: false, reason: `too large (${formatBytes(stats.size)} > ${formatBytes(maxBytes)})` };
    buffer = fs.readFileSync(absolutePath);
  } catch (error) {
    return { ok: false, reason: `cannot read: ${errorCode(error)}` };
  }
  return decodeSource(buffer);
}

export function decodeSource(buffer: Buffer): ReadOutcome {
  if (buffer.length === 0) return { ok: false, reason: 'empty file' };
  let text: string;
  if (buffer[0] === 0xff && buffer[1] === 0xfe) text = buffer.subarray(2).toString('utf16le');
  else if (buffer[0] === 0xfe && buffer[1] === 0xff) text = swapBytes(buffer.subarray(2)).toString('utf16le');
  else {
    if (buffer.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
    text = buffer.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  if (text.trim().length === 0) return { ok: false, reason: 'empty file' };
  if (looksMinified(text)) return { ok: false, reason: `minified or generated (a line longer than ${MINIFIED_LINE_LENGTH} characters)` };
  return { ok: true, text };
}

function looksMinified(text: string): boolean {
  let lineStart = 0;
  for (let index = 0; index <= text.length; index++) {
    if (index === text.length || text.charCodeAt(index) === 10) {
      if (index - lineStart > MINIFIED_LINE_LENGTH) return true;
      lineStart = index + 1;
    }
  }
  return false;
}

function swapBytes(buffer: Buffer): Buffer {
  const copy = Buffer.from(buffer.subarray(0, buffer.length - (buffer.length % 2)));
  return copy.swap16();
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
