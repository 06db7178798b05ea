// Tests only: makes the engine throw for one file, so the CLI's and the extension's handling of an
// engine bug can be tested end to end (one file lost, one notification, the rest analysed).
// Nothing in a workspace can set it: it is an environment variable of the process that runs the
// engine (worker threads inherit it), read at each call so a test can set and clear it.

export const FAIL_ON_VARIABLE = 'PRIVACY_REVIEW_TEST_FAIL_ON';

/** Throws when the file's path ends with the variable's value (e.g. `boom.ts`). */
export function throwIfInjected(filePath: string): void {
  const suffix = typeof process === 'undefined' ? undefined : process.env[FAIL_ON_VARIABLE];
  if (suffix && filePath.replace(/\\/g, '/').endsWith(suffix)) {
    throw new Error(`injected engine failure for ${filePath} (${FAIL_ON_VARIABLE})`);
  }
}
