// Retention values: ISO-8601 durations, `session`, `indefinite` (and `forbidden` in a catalog).

const ISO_DURATION = /^P(?!$)(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function isValidRetention(value: string): boolean {
  return value === 'session' || value === 'indefinite' || ISO_DURATION.test(value);
}

/**
 * Length in seconds, for comparing retentions: `session` counts as one day (a browser session
 * rarely outlives it), `indefinite` as infinity. Years and months use 365 and 30 days.
 */
export function retentionSeconds(value: string): number | undefined {
  if (value === 'indefinite') return Number.POSITIVE_INFINITY;
  if (value === 'session') return 86_400;
  const match = ISO_DURATION.exec(value);
  if (!match) return undefined;
  const [, years, months, weeks, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  return (
    years * 365 * 86_400 +
    months * 30 * 86_400 +
    weeks * 7 * 86_400 +
    days * 86_400 +
    hours * 3_600 +
    minutes * 60 +
    seconds
  );
}

/** A number of seconds as an ISO-8601 duration, for technical expiries (`EX 3600` → PT3600S). */
export function secondsToDuration(seconds: number): string {
  if (seconds % 86_400 === 0) return `P${seconds / 86_400}D`;
  if (seconds % 3_600 === 0) return `PT${seconds / 3_600}H`;
  return `PT${Math.round(seconds)}S`;
}
