// Log rotation as retention: how long the oldest line of a rotated log survives. Each library
// counts differently; what is kept is rounded up to whole rotation periods:
//   winston-daily-rotate-file  maxFiles '14d' → 14 days; maxFiles 14 (files, current one included)
//                              → 14 × the datePattern's period (daily by default)
//   log4js dateFile            numBackups / daysToKeep N (old files besides the current) → (N + 1) × pattern period
//   bunyan rotating-file       count N (default 10) back copies of period P (default '1d') → (N + 1) × P
//   pino-roll                  limit.count N files besides the current, frequency daily/hourly/ms → (N + 1) × frequency
//   rotating-file-stream       maxFiles N rotated files of interval P → (N + 1) × P
// A size-only rotation (maxsize + maxFiles, `file` appender backups) bounds the size, not the age:
// it declares nothing.
import { durationTextSeconds } from '../options';

const DAY = 86_400;

/**
 * The rotation period of a date pattern, from its finest field: moment ('YYYY-MM-DD-HH', winston)
 * and date-format ('yyyy-MM-dd', log4js) tokens; text in [brackets] or 'quotes' is literal.
 */
export function datePatternSeconds(pattern: string): number | undefined {
  const tokens = pattern.replace(/\[[^\]]*\]|'[^']*'/g, '');
  if (/s/.test(tokens)) return 1;
  if (/m/.test(tokens)) return 60;
  if (/[Hhk]/.test(tokens)) return 3_600;
  if (/[Dd]/.test(tokens)) return DAY;
  if (/[Ww]/.test(tokens)) return 7 * DAY;
  if (/M/.test(tokens)) return 30 * DAY;
  if (/[Yy]/.test(tokens)) return 365 * DAY;
  return undefined;
}

/** bunyan's `period`: '1d', '12h', '1w', '1m' (months here), '1y', 'daily', 'hourly' … */
export function bunyanPeriodSeconds(period: string): number | undefined {
  const named: Record<string, number> = { hourly: 3_600, daily: DAY, weekly: 7 * DAY, monthly: 30 * DAY, yearly: 365 * DAY };
  if (named[period] !== undefined) return named[period];
  const match = /^(\d+)(ms|h|d|w|m|y)$/.exec(period);
  if (!match) return undefined;
  const unit: Record<string, number> = { ms: 0.001, h: 3_600, d: DAY, w: 7 * DAY, m: 30 * DAY, y: 365 * DAY };
  return Number(match[1]) * unit[match[2]];
}

/** rotating-file-stream's `interval`: '1d', '12h', '30m' (minutes), '10s', '1M' (months). */
export function intervalSeconds(interval: string): number | undefined {
  const match = /^(\d+)([smhdM])$/.exec(interval);
  if (!match) return undefined;
  const unit: Record<string, number> = { s: 1, m: 60, h: 3_600, d: DAY, M: 30 * DAY };
  return Number(match[1]) * unit[match[2]];
}

/** winston-daily-rotate-file's `frequency` ('1d', '12h', '5m') or its `datePattern`. */
export function frequencySeconds(frequency: string | undefined): number | undefined {
  return frequency === undefined ? undefined : durationTextSeconds(frequency);
}

/** winston-daily-rotate-file `maxFiles`: a text with a trailing 'd' counts days, anything else files. */
export function maxFilesDays(value: string): number | undefined {
  const match = /^\s*(\d+)\s*d\s*$/.exec(value);
  return match ? Number(match[1]) : undefined;
}
