// The repository's own script and TypeScript files under some folders (node_modules and .d.ts
// left out): the sweeps that compare the engine's parse pieces with typescript-estree's run on them.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../../../..');

export function sourceFilesUnder(folders: readonly string[]): string[] {
  const files: string[] = [];
  const pending = folders.map((folder) => path.join(REPO, folder));
  for (let folder = pending.pop(); folder; folder = pending.pop()) {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') pending.push(full);
      } else if (/\.[cm]?[jt]sx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push(full);
      }
    }
  }
  return files;
}
