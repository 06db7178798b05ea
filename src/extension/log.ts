// One output channel for the extension: problems go here, never thrown at VS Code or the user.
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Privacy Review', { log: true });
  return channel;
}

/** Runs `body`, logging instead of throwing: an engine bug must not break the editor. */
export function guarded<T>(what: string, body: () => T, fallback: T): T {
  try {
    return body();
  } catch (error) {
    log().error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}
