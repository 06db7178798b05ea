// Files written with Node's fs: `fs.writeFile/appendFile(Sync)`, `fs.promises.writeFile`,
// `import { writeFile } from 'fs/promises'`, fs-extra's `outputFile`/`writeJson`, a file handle
// from `open()`, and write streams from `createWriteStream(p)` (kept in a variable or member,
// or typed `fs.WriteStream`) — `stream.write(x)` / `stream.end(x)`. The path counts as data too:
// `/uploads/${email}.json` stores the email in a file name.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { valueArgs } from './options';
import { calleeChain, hasStepRun, type Provenance } from './provenance';
import type { SinkRecognizer } from './types';

const FS_MODULES = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra', 'graceful-fs']);
/** path-and-data functions: the path and the data are arguments 0 and 1. */
const PATH_WRITES = new Set([
  'writeFile', 'appendFile', 'writeFileSync', 'appendFileSync',
  'outputFile', 'outputFileSync', 'writeJson', 'writeJSON', 'writeJsonSync', 'writeJSONSync', 'outputJson', 'outputJSON', 'outputJsonSync', 'outputJSONSync',
]);
/** fd-and-data functions: `fs.writeSync(fd, data)`. */
const FD_WRITES = new Set(['write', 'writeSync']);
const STREAM_WRITES = new Set(['write', 'end']);

export const fsSink: SinkRecognizer = {
  id: 'fs',
  family: 'fs',
  kind: 'storage',
  matchCall(site, context) {
    const { method } = site;
    if (!PATH_WRITES.has(method) && !FD_WRITES.has(method) && !STREAM_WRITES.has(method)) return undefined;
    const chain = calleeChain(site, context);
    if (!chain?.module || !FS_MODULES.has(chain.module)) return undefined;
    const dataArgs = writtenArgs(chain, method, site.call.arguments);
    return dataArgs && dataArgs.length > 0 ? { kind: 'storage', family: 'fs', dataArgs } : undefined;
  },
};

function writtenArgs(chain: Provenance, method: string, args: readonly TSESTree.CallExpressionArgument[]): TSESTree.Node[] | undefined {
  const owner = chain.steps.slice(0, -1);
  const isModuleFunction = owner.length === 0 || (owner.length === 1 && owner[0] === 'promises');
  if (isModuleFunction && PATH_WRITES.has(method)) return valueArgs(args.slice(0, 2));
  if (isModuleFunction && FD_WRITES.has(method)) return valueArgs(args.slice(1, 2));
  // A FileHandle: `(await fs.promises.open(p, 'a')).writeFile(data)` / `.write(data)` / `.appendFile(data)`.
  if (hasStepRun(owner, ['open', '()']) && (PATH_WRITES.has(method) || method === 'write')) return valueArgs(args.slice(0, 1));
  const isStream = hasStepRun(owner, ['createWriteStream', '()']) || owner.includes('WriteStream');
  if (isStream && STREAM_WRITES.has(method)) return valueArgs(args.slice(0, 1));
  return undefined;
}
