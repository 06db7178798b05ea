// One output channel for the extension: problems go here, never thrown at VS Code. An engine
// failure is shown once as a notification with "Show Log"; the extension keeps working.
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;
let notifiedAt = 0;
/** At most one failure notification this often, however many files fail. */
const NOTIFY_EVERY_MS = 5 * 60 * 1000;
const SHOW_LOG = 'Show Log';

/** A failure as the user saw it: logged always, notified (with its text and actions) at most once per interval. */
export interface FailureReport {
  what: string;
  notification?: { message: string; actions: string[] };
}
const reported = new vscode.EventEmitter<FailureReport>();
/** Every failure reported, for tests (the extension's API passes it on): a notification cannot be read back from VS Code. */
export const onDidReportFailure = reported.event;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Privacy Review', { log: true });
  return channel;
}

/** Runs `body`, logging instead of throwing: an engine bug must not break the editor. */
export function guarded<T>(what: string, body: () => T, fallback: T): T {
  try {
    return body();
  } catch (error) {
    reportFailure(what, error);
    return fallback;
  }
}

export function reportFailure(what: string, error: unknown): void {
  log().error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const now = Date.now();
  if (now - notifiedAt < NOTIFY_EVERY_MS) {
    reported.fire({ what });
    return;
  }
  notifiedAt = now;
  const message = `Privacy Review: ${what} failed; other files are still analysed.`;
  reported.fire({ what, notification: { message, actions: [SHOW_LOG] } });
  void vscode.window.showErrorMessage(message, SHOW_LOG).then((choice) => {
    if (choice === SHOW_LOG) log().show();
  });
}
