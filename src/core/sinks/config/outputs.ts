// Where a logger writes, and what that makes its retention: every place it keeps lines must
// delete them on a schedule the file states. Console output (stdout, stderr, pino-pretty) is
// left out: how long a platform keeps a process's output is not configured in the code, and
// counting it would mean no logger ever has a retention. A file without an age limit, a network
// transport or anything not understood makes the logger's retention unknown: no expiry.
import { retentionSeconds } from '../../retention/duration';
import type { Retention } from '../../types';
import { UNKNOWN_EXPIRY_LENGTH } from '../types';

export type LogOutput =
  | { kind: 'console' }
  | { kind: 'kept'; expiry: Retention }
  | { kind: 'unbounded' };

export const CONSOLE: LogOutput = { kind: 'console' };
export const UNBOUNDED: LogOutput = { kind: 'unbounded' };

/** The longest time any output keeps a line, when every output that keeps lines has a limit. */
export function loggerExpiry(outputs: readonly LogOutput[]): Retention | undefined {
  let longest: Retention | undefined;
  for (const output of outputs) {
    if (output.kind === 'unbounded') return undefined;
    if (output.kind !== 'kept') continue;
    if (!longest || lengthOf(output.expiry) > lengthOf(longest)) longest = output.expiry;
  }
  return longest;
}

function lengthOf(retention: Retention): number {
  if (retention.value === UNKNOWN_EXPIRY_LENGTH) return Number.POSITIVE_INFINITY;
  return retentionSeconds(retention.value) ?? Number.POSITIVE_INFINITY;
}
