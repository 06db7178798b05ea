// Where a process's time goes: CPU self time of a V8 profile (node --cpu-prof) by origin — the
// TypeScript parser, typescript-estree's conversion, our engine, the garbage collector, the rest.
// Bundled code (dist/*.js) is attributed through its source map to the file it came from.
import * as fs from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ORIGINS = ['typescript', 'typescript-estree', 'engine', 'garbage collector', 'node, I/O, startup', 'other'];

/** Share (0–1) of the profile's sampled time per origin, and the profile's total in ms. */
export function timeByOrigin(profileFile) {
  const profile = JSON.parse(fs.readFileSync(profileFile, 'utf8'));
  const maps = new Map();
  const originOf = (callFrame) => {
    const { url, functionName, lineNumber, columnNumber } = callFrame;
    if (functionName === '(garbage collector)') return 'garbage collector';
    if (!url) return undefined; // a builtin (a native array or string method, a read): its caller's
    if (url.startsWith('node:')) return 'node, I/O, startup';
    let source = url;
    if (url.startsWith('file:') && url.includes('/dist/')) {
      const file = fileURLToPath(url);
      if (!maps.has(file)) maps.set(file, fs.existsSync(`${file}.map`) ? new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8'))) : null);
      source = maps.get(file)?.findEntry(lineNumber, columnNumber)?.originalSource ?? url;
    }
    if (source.includes('node_modules/typescript/')) return 'typescript';
    if (source.includes('node_modules/@typescript-eslint/')) return 'typescript-estree';
    if (source.includes('/src/') && !source.includes('node_modules')) return 'engine';
    return 'other';
  };
  // Idle time is not the process's work; `(program)` (V8 compiling, the runtime) is.
  const idle = new Set(profile.nodes.filter((node) => ['(idle)', '(root)'].includes(node.callFrame.functionName)).map((node) => node.id));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
  const originById = new Map();
  const originOfNode = (id) => {
    if (originById.has(id)) return originById.get(id);
    const own = originOf(nodeById.get(id).callFrame);
    const parent = parentOf.get(id);
    const origin = own ?? (parent === undefined ? 'node, I/O, startup' : originOfNode(parent));
    originById.set(id, origin);
    return origin;
  };
  // A profile lists parents before their children, so each walk up stops at an origin already known.
  for (const node of profile.nodes) originOfNode(node.id);
  const byOrigin = Object.fromEntries(ORIGINS.map((origin) => [origin, 0]));
  let total = 0;
  profile.samples.forEach((id, index) => {
    if (idle.has(id)) return;
    const delta = profile.timeDeltas[index] ?? 0;
    byOrigin[originById.get(id)] += delta;
    total += delta;
  });
  return { totalMs: total / 1000, shares: Object.fromEntries(ORIGINS.map((origin) => [origin, total ? byOrigin[origin] / total : 0])) };
}
