// Reads one file for analysis, or says why it is skipped: too large, minified, binary, empty, unreadable.
import * as fs from 'node:fs';
import { errorCode } from './discover';
import { decodeUtf8 } from './decodeUtf8';

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
/** A line this long is generated code, not something a person wrote. */
const MINIFIED_LINE_LENGTH = 5_000;

/** `stats`: of the descriptor the text was read from (readSource only), for the cache's stat shortcut. */
export type ReadOutcome = { ok: true; text: string; stats?: fs.Stats } | { ok: false; reason: string };

/**
 * Opened without blocking and checked on the open descriptor: a file swapped for a named pipe or a
 * directory after discovery is skipped, never read (a pipe would block the scan forever), and a
 * file that grows past the limit between the check and the read is still cut off.
 */
export function readSource(absolutePath: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadOutcome {
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(absolutePath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stats = fs.fstatSync(descriptor);
    if (!stats.isFile()) return { ok: false, reason: `not a regular file (${stats.isDirectory() ? 'a directory' : stats.isFIFO() ? 'a named pipe' : 'a device or socket'})` };
    if (stats.size > maxBytes) return { ok: false, reason: `too large (${formatBytes(stats.size)} > ${formatBytes(maxBytes)})` };
    // Only the bytes read are used: no need to zero the buffer first.
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = fs.readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) return { ok: false, reason: `too large (grew past ${formatBytes(maxBytes)} while being read)` };
    const decoded = decodeSource(buffer.subarray(0, length));
    return decoded.ok ? { ...decoded, stats } : decoded;
  } catch (error) {
    return { ok: false, reason: `cannot read: ${errorCode(error)}` };
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
}

export function decodeSource(buffer: Buffer): ReadOutcome {
  if (buffer.length === 0) return { ok: false, reason: 'empty file' };
  let text: string;
  if (buffer[0] === 0xff && buffer[1] === 0xfe) text = buffer.subarray(2).toString('utf16le');
  else if (buffer[0] === 0xfe && buffer[1] === 0xff) text = swapBytes(buffer.subarray(2)).toString('utf16le');
  else {
    if (buffer.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
    text = decodeUtf8(buffer);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  if (text.trim().length === 0) return { ok: false, reason: 'empty file' };
  if (looksMinified(text)) return { ok: false, reason: `minified or generated (a line longer than ${MINIFIED_LINE_LENGTH} characters)` };
  return { ok: true, text };
}

function looksMinified(text: string): boolean {
  // indexOf finds line ends far faster than a loop over every character.
  let lineStart = 0;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    if (lineEnd - lineStart > MINIFIED_LINE_LENGTH) return true;
    if (newline < 0) return false;
    lineStart = newline + 1;
  }
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
