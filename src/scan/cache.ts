// The scan cache: per file, the result of the last analysis and the text facts of the pre-check,
// kept on disk between CLI runs. Nothing is trusted that is not proven current:
//   - the whole cache is keyed by the engine (tool version + a hash of the running bundle), the
//     catalog (its parsed content) and the options that change results — any change empties it;
//   - a file's result is keyed by the hash of its content and of the content of every workspace
//     file it may import, directly or not (the workspace index follows imports), plus today's date
//     when the file has an `until=` suppression (those expire);
//   - a file is not even read when its stat (size, mtime, ctime, inode) is the one remembered with
//     its content hash, as git's index does: an edit changes the ctime, which nothing but the clock
//     sets. A stat is only remembered when the file's ctime and mtime are RACY_MARGIN_MS older than
//     the read, so two edits within one tick of a coarse file-system clock cannot look alike;
//   - a file's imports (the workspace files its quoted strings resolve to) are remembered with its
//     content and reused only while the tree's files and path mapping are the same (`tree`);
//   - a cache file that does not parse or has the wrong shape is discarded, and a failure to read
//     or write it only costs speed: the scan goes on without it;
//   - a scan that changed a few entries appends them to a journal next to the cache file instead
//     of writing the whole file again (~57 ms of a warm 200k-line re-scan's CPU otherwise). A
//     journal line counts only for the cache file it was written against (its `generation`); a
//     line that does not parse (a write cut short) is skipped. Every entry is proven current as
//     above whichever file it came from, so a lost or skipped line only costs a re-analysis.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalysisResult } from '../core';
import { TOOL_VERSION } from '../version';
import { decodeUtf8 } from './decodeUtf8';
import type { TextFacts } from './precheck';

/** Bumped when the cache file's layout changes. */
export const CACHE_FORMAT = 2;
export const DEFAULT_CACHE_DIRECTORY = path.join('node_modules', '.cache', 'privacy-review');

/** What a file contributed to a scan; the same whether it was analysed now or remembered. */
export interface FileOutcome {
  findings: AnalysisResult['findings'];
  dataFlows: AnalysisResult['dataFlows'];
  declaredMembers: string[];
  parseError?: AnalysisResult['parseError'];
}

interface Entry {
  /** Hash of the file's own content. */
  content: string;
  facts?: Omit<TextFacts, 'specifiers'> & { specifiers: string[] };
  /** The stat the content was read with (statKey), when it was old enough to trust; with the text traits. */
  stat?: string;
  traits?: SourceTraits;
  /** The workspace files the content's quoted strings resolve to, in the cache file's `tree`. */
  imports?: string[];
  /** Hash of the content of the file and of everything it may import; set with `outcome`. */
  key?: string;
  outcome?: FileOutcome;
}

/** What the scan's plan reads from a file's whole text besides the pre-check facts. */
export interface SourceTraits {
  /** The file may configure a library for the whole process (core mayConfigureProcess). */
  configures: boolean;
  /** The text holds `until=`: a suppression that expires, so its result is cached for one day. */
  until: boolean;
}

/** What the cache knows of a file whose stat is unchanged: enough to plan without reading it. */
export interface RememberedSource {
  content: string;
  facts: TextFacts;
  traits: SourceTraits;
}

/** A journal line: an entry written against the cache file of `generation` (null: the file left the tree). */
interface JournalLine {
  generation: string;
  file: string;
  entry: Entry | null;
}

/** The journal may grow to this share of the cache file's size; past it the whole file is written again. */
export const JOURNAL_LIMIT = 0.25;

/** A ctime or mtime this close to the read (or later) is not trusted: see the header. */
export const RACY_MARGIN_MS = 2_000;

/** The parts of a stat that change when a file is replaced or written. */
export function statKey(stats: fs.Stats): string {
  return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`;
}

interface CacheFile {
  format: number;
  settings: string;
  /** Names this write of the file: journal lines written against another are ignored. */
  generation?: string;
  /** Identity of the tree the entries' imports were resolved in: its file list and path mapping. */
  tree?: string;
  entries: Record<string, Entry>;
}

export interface CacheSettings {
  /** The parsed catalog (or undefined): any change to it changes results. */
  catalog?: unknown;
  sanitizers?: readonly string[];
  loggerNames?: readonly string[];
  maxFileBytes?: number;
  /** Defaults to engineFingerprint(); tests pass their own. */
  engine?: string;
}

// crypto.hash (Node 20.12+) skips the Hash object: ~3× faster on the short texts a warm scan hashes
// for every file (closureKeys). The same digest, so caches stay valid across Node versions.
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: 'base64url') => string }).hash;

export function hashText(text: string): string {
  return oneShotHash ? oneShotHash('sha1', text, 'base64url') : crypto.createHash('sha1').update(text).digest('base64url');
}

let fingerprint: string | undefined;
/**
 * The tool version plus the identity of the code that is running (the bundle's size and mtime), so
 * a rebuilt engine never reads an old cache. (Hashing it would cost every run a read of the ~4 MB bundle.)
 */
export function engineFingerprint(): string {
  if (fingerprint) return fingerprint;
  let identity: string;
  try {
    const stats = fs.statSync(__filename);
    identity = `${__filename}\u0000${stats.size}\u0000${stats.mtimeMs}`;
  } catch {
    identity = `${Date.now()}\u0000${Math.random()}`; // unknown code: never reuse
  }
  fingerprint = hashText(`${TOOL_VERSION}\u0000${identity}`);
  return fingerprint;
}

export class ScanCache {
  private entries: Record<string, Entry> = {};
  private readonly seen = new Set<string>();
  private dirty = false;
  /** Files whose entry changed since the load: what a journal append writes. */
  private readonly changed = new Set<string>();
  /** Set when the whole file must be written: no usable file was read, or the tree changed. */
  private rewrite = true;
  private generation: string | undefined;
  private fileBytes = 0;
  private journalBytes = 0;
  /** Lines written to the journal by the last save (0: the whole file was written, or nothing). Tests. */
  journaled = 0;
  /** Why the previous cache was not used, if it was not: 'missing', 'stale', 'corrupt'. */
  discarded: 'missing' | 'stale' | 'corrupt' | undefined;
  hits = 0;
  misses = 0;
  private storedTree: string | undefined;
  private tree: string | undefined;
  /** Tests only: another margin, so that files the test itself just wrote are trusted by stat (or surely not). */
  racyMarginMs = RACY_MARGIN_MS;

  private constructor(
    readonly file: string,
    private readonly settings: string,
  ) {}

  /** The cache of one scanned root, in `directory`. Never throws. */
  static open(directory: string, root: string, settings: CacheSettings): ScanCache {
    const settingsKey = hashText(
      JSON.stringify({
        format: CACHE_FORMAT,
        engine: settings.engine ?? engineFingerprint(),
        catalog: settings.catalog ?? null,
        sanitizers: [...(settings.sanitizers ?? [])].sort(),
        loggerNames: [...(settings.loggerNames ?? [])].sort(),
        maxFileBytes: settings.maxFileBytes ?? null,
      }),
    );
    const cache = new ScanCache(path.join(directory, `scan-${hashText(path.resolve(root)).slice(0, 16)}.json`), settingsKey);
    cache.load();
    return cache;
  }

  private load(): void {
    let text: string;
    try {
      text = decodeUtf8(fs.readFileSync(this.file));
    } catch {
      this.discarded = 'missing';
      return;
    }
    let parsed: Partial<CacheFile>;
    try {
      parsed = JSON.parse(text) as Partial<CacheFile>;
      if (!parsed || typeof parsed !== 'object' || typeof parsed.entries !== 'object' || parsed.entries === null) throw new Error('shape');
      if (parsed.format !== CACHE_FORMAT || parsed.settings !== this.settings) {
        this.discarded = 'stale';
        this.dirty = true;
        return;
      }
      this.entries = parsed.entries;
      this.storedTree = typeof parsed.tree === 'string' ? parsed.tree : undefined;
    } catch {
      this.discarded = 'corrupt';
      this.dirty = true;
      return;
    }
    this.fileBytes = text.length;
    if (typeof parsed.generation === 'string') {
      this.generation = parsed.generation;
      this.rewrite = false;
      this.replayJournal();
    }
  }

  private get journalFile(): string {
    return this.file.replace(/\.json$/, '.journal');
  }

  private replayJournal(): void {
    let text: string;
    try {
      text = decodeUtf8(fs.readFileSync(this.journalFile));
    } catch {
      return; // none yet
    }
    this.journalBytes = text.length;
    for (const line of text.split('\n')) {
      if (!line) continue;
      let parsed: Partial<JournalLine>;
      try {
        parsed = JSON.parse(line) as Partial<JournalLine>;
      } catch {
        continue;
      }
      // `__proto__` is no path the scan finds (they have an extension) and would not be an entry.
      if (!parsed || parsed.generation !== this.generation || typeof parsed.file !== 'string' || parsed.file === '__proto__') continue;
      if (parsed.entry === null) delete this.entries[parsed.file];
      else if (parsed.entry && typeof parsed.entry === 'object') this.entries[parsed.file] = parsed.entry;
    }
  }

  /** Pre-check facts of a file, if remembered for this content. */
  facts(file: string, content: string): TextFacts | undefined {
    const entry = this.entry(file, content);
    const facts = entry?.facts;
    if (!facts || typeof facts.tag !== 'boolean' || typeof facts.sink !== 'boolean' || typeof facts.personalData !== 'boolean' || !Array.isArray(facts.specifiers)) return undefined;
    return facts;
  }

  /** Content hash, facts and traits of a file whose stat is the one remembered with them. */
  unchanged(file: string, stats: fs.Stats): RememberedSource | undefined {
    const entry = this.stored(file);
    if (!entry || typeof entry.content !== 'string' || entry.stat !== statKey(stats)) return undefined;
    const facts = this.facts(file, entry.content);
    const traits = entry.traits;
    if (!facts || !traits || typeof traits.configures !== 'boolean' || typeof traits.until !== 'boolean') return undefined;
    return { content: entry.content, facts, traits };
  }

  /** Remembers the stat a file's content was read with, if its ctime is old enough (see the header). */
  setSource(file: string, content: string, stats: fs.Stats, readAtMs: number, traits: SourceTraits): void {
    const entry = this.ensure(file, content);
    // The mtime too: where a file system keeps no change time (FAT), it is the only clock of an edit.
    const settled = readAtMs - stats.ctimeMs >= this.racyMarginMs && readAtMs - stats.mtimeMs >= this.racyMarginMs;
    const stat = settled ? statKey(stats) : undefined;
    if (entry.stat === stat && entry.traits?.configures === traits.configures && entry.traits?.until === traits.until) return;
    entry.stat = stat;
    entry.traits = { configures: traits.configures, until: traits.until };
    this.changedEntry(file);
  }

  /**
   * Says which tree this scan resolves imports in (treeIdentity). In another tree than the one
   * saved, no remembered import is used, and every file's imports are set again.
   */
  useTree(tree: string): void {
    this.tree = tree;
    if (tree === this.storedTree) return;
    this.dirty = true;
    this.rewrite = true;
  }

  /** The files a file's content may import, if resolved in this same tree. */
  imports(file: string, content: string): string[] | undefined {
    if (this.tree === undefined || this.tree !== this.storedTree) return undefined;
    const imports = this.entry(file, content)?.imports;
    return Array.isArray(imports) && imports.every((target) => typeof target === 'string') ? imports : undefined;
  }

  setImports(file: string, content: string, imports: string[]): void {
    const entry = this.ensure(file, content);
    entry.imports = imports;
    this.changedEntry(file);
  }

  setFacts(file: string, content: string, facts: TextFacts): void {
    const entry = this.ensure(file, content);
    entry.facts = { tag: facts.tag, personalData: facts.personalData, sink: facts.sink, specifiers: facts.specifiers };
    this.changedEntry(file);
  }

  /** A remembered result, if it was computed for exactly this content and these imports. */
  outcome(file: string, content: string, key: string): FileOutcome | undefined {
    const entry = this.entry(file, content);
    const outcome = entry?.key === key ? entry.outcome : undefined;
    if (!outcome || !Array.isArray(outcome.findings) || !Array.isArray(outcome.dataFlows) || !Array.isArray(outcome.declaredMembers)) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return outcome;
  }

  setOutcome(file: string, content: string, key: string, outcome: FileOutcome): void {
    const entry = this.ensure(file, content);
    entry.key = key;
    entry.outcome = outcome;
    this.changedEntry(file);
  }

  /**
   * Writes the cache, dropping files not seen in this scan: the changed entries appended to the
   * journal while it stays under JOURNAL_LIMIT of the file, else the whole file (temp file, then
   * rename) and no journal. Never throws.
   */
  save(): boolean {
    for (const file of Object.keys(this.entries)) {
      if (!this.seen.has(file)) {
        delete this.entries[file];
        this.changedEntry(file);
      }
    }
    this.journaled = 0;
    if (!this.dirty) return true;
    const saved = this.appendJournal() || this.writeFile();
    if (saved) {
      this.dirty = false;
      this.changed.clear();
    }
    return saved;
  }

  private appendJournal(): boolean {
    if (this.rewrite || this.generation === undefined) return false;
    const budget = this.fileBytes * JOURNAL_LIMIT - this.journalBytes;
    const lines: string[] = [];
    let bytes = 0;
    for (const file of this.changed) {
      const line: JournalLine = { generation: this.generation, file, entry: this.stored(file) ?? null };
      const text = JSON.stringify(line);
      lines.push(text);
      bytes += text.length + 1;
      if (bytes > budget) return false;
    }
    try {
      fs.appendFileSync(this.journalFile, `${lines.join('\n')}\n`);
    } catch {
      return false;
    }
    this.journalBytes += bytes;
    this.journaled = lines.length;
    return true;
  }

  private writeFile(): boolean {
    const temporary = `${this.file}.${process.pid}.tmp`;
    const generation = crypto.randomBytes(12).toString('base64url');
    const body: CacheFile = { format: CACHE_FORMAT, settings: this.settings, generation, ...(this.tree ? { tree: this.tree } : {}), entries: this.entries };
    const text = JSON.stringify(body);
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(temporary, text);
      fs.renameSync(temporary, this.file);
    } catch {
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // nothing more to do: the cache is only an optimisation
      }
      return false;
    }
    // Written against the old file, the journal's lines no longer count: it goes, or is ignored.
    try {
      fs.rmSync(this.journalFile, { force: true });
    } catch {
      // ignored by its generation
    }
    this.generation = generation;
    this.storedTree = this.tree;
    this.rewrite = false;
    this.fileBytes = text.length;
    this.journalBytes = 0;
    return true;
  }

  /** The entry read from disk for a file, if it is an object at all (the file may be corrupt). */
  private stored(file: string): Entry | undefined {
    const entry = Object.prototype.hasOwnProperty.call(this.entries, file) ? this.entries[file] : undefined;
    return entry && typeof entry === 'object' ? entry : undefined;
  }

  private entry(file: string, content: string): Entry | undefined {
    this.seen.add(file);
    const entry = this.stored(file);
    return entry?.content === content ? entry : undefined;
  }

  private ensure(file: string, content: string): Entry {
    this.seen.add(file);
    let entry = this.stored(file);
    if (entry?.content !== content) {
      entry = { content };
      this.entries[file] = entry;
      this.changedEntry(file);
    }
    return entry;
  }

  private changedEntry(file: string): void {
    this.changed.add(file);
    this.dirty = true;
  }
}

/** What module resolution depends on besides a file's own text: the tree's files and path mapping. */
export function treeIdentity(files: Iterable<string>, pathMapping: unknown): string {
  return hashText(`${JSON.stringify(pathMapping ?? null)}\n${[...files].join('\n')}`);
}

/**
 * For every file, a hash of its content and of the content of everything it may import, directly
 * or through others (import cycles included): a file's result can depend on no other text.
 */
export function closureKeys(contentHashes: ReadonlyMap<string, string>, imports: ReadonlyMap<string, readonly string[]>): Map<string, string> {
  // Tarjan's strongly connected components; a component's key hashes its members and the keys of
  // the components it imports, which are finished first (reverse topological order).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const componentOf = new Map<string, number>();
  const componentKeys: string[] = [];
  const keys = new Map<string, string>();
  let counter = 0;

  const finish = (members: string[]) => {
    const id = componentKeys.length;
    for (const member of members) componentOf.set(member, id);
    const childKeys = new Set<string>();
    for (const member of members) {
      for (const target of imports.get(member) ?? []) {
        const child = componentOf.get(target);
        if (child !== undefined && child !== id) childKeys.add(componentKeys[child]);
      }
    }
    const own = members.map((member) => `${member}\u0000${contentHashes.get(member) ?? ''}`).sort();
    const key = hashText([...own, '\u0001', ...[...childKeys].sort()].join('\n'));
    componentKeys.push(key);
    for (const member of members) keys.set(member, key);
  };

  // Iterative, so a long import chain cannot overflow the stack.
  for (const start of contentHashes.keys()) {
    if (index.has(start)) continue;
    const targetsOf = (file: string) => (imports.get(file) ?? []).filter((target) => contentHashes.has(target));
    const work: { file: string; next: number; targets: string[] }[] = [{ file: start, next: 0, targets: targetsOf(start) }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const targets = frame.targets;
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ file: target, next: 0, targets: targetsOf(target) });
        } else if (onStack.has(target)) {
          low.set(frame.file, Math.min(low.get(frame.file)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].file;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.file)!));
      }
      if (low.get(frame.file) === index.get(frame.file)) {
        const members: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          members.push(member);
        } while (member !== frame.file);
        finish(members);
      }
    }
  }
  return keys;
}
