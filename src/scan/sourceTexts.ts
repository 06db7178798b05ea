// The texts of a scan's files, each read once. With a cache, a file whose stat is the one the cache
// remembered with its content (src/scan/cache.ts) is not read while planning: the plan takes its
// content hash, pre-check facts and traits from the cache, and the text is read only if the
// analysis needs it (the file is analysed, or an analysed file may import it). A warm scan after
// one edit reads the edited file and its neighbours, not the tree.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RememberedSource, ScanCache } from './cache';
import { readSource } from './readSource';

export interface SourceTextsOptions {
  maxFileBytes?: number;
  cache?: ScanCache;
  /** Tests only: called before each discovered file is read or checked. */
  beforeRead?: (file: string) => void;
}

export class SourceTexts {
  /** Readable files, in discovery order. */
  private readonly files: string[] = [];
  private readonly texts = new Map<string, string>();
  private readonly readStats = new Map<string, fs.Stats>();
  private readonly rememberedSources = new Map<string, RememberedSource>();
  /** Files left unread while planning that could not be read when the analysis needed them, and why. */
  readonly lateFailures = new Map<string, string>();
  /** When the files were read: a ctime close to it is not trusted later (cache RACY_MARGIN_MS). */
  readonly readAtMs = Date.now();

  private constructor(
    private readonly root: string,
    private readonly maxFileBytes: number | undefined,
  ) {}

  /** Reads (or, with a cache, checks) every discovered file; one that cannot be read goes to `skipped` with why. */
  static read(root: string, discovered: readonly string[], options: SourceTextsOptions, skipped: { file: string; reason: string }[]): SourceTexts {
    const sources = new SourceTexts(root, options.maxFileBytes);
    for (const file of discovered) {
      options.beforeRead?.(file);
      const absolute = path.join(root, file);
      const remembered = options.cache && rememberedByStat(options.cache, file, absolute);
      if (remembered) {
        sources.rememberedSources.set(file, remembered);
        sources.files.push(file);
        continue;
      }
      const read = readSource(absolute, options.maxFileBytes);
      if (!read.ok) {
        skipped.push({ file, reason: read.reason });
        continue;
      }
      sources.texts.set(file, read.text);
      if (read.stats) sources.readStats.set(file, read.stats);
      sources.files.push(file);
    }
    return sources;
  }

  get size(): number {
    return this.files.length;
  }

  keys(): IterableIterator<string> {
    return this.files.values();
  }

  has(file: string): boolean {
    return this.texts.has(file) || this.rememberedSources.has(file);
  }

  /**
   * The file's text, read now if planning did not need it. A file that can no longer be read is
   * an empty text here and a late failure (reported as skipped, its result not cached).
   */
  get(file: string): string | undefined {
    const text = this.texts.get(file);
    if (text !== undefined || !this.rememberedSources.has(file)) return text;
    const read = readSource(path.join(this.root, file), this.maxFileBytes);
    if (!read.ok) this.lateFailures.set(file, read.reason);
    const value = read.ok ? read.text : '';
    this.texts.set(file, value);
    return value;
  }

  /** Files never read: planned from the cache by their stat, and not needed by the analysis. */
  get unreadCount(): number {
    let unread = 0;
    for (const file of this.rememberedSources.keys()) if (!this.texts.has(file)) unread++;
    return unread;
  }

  /** What the cache knows of a file that was not read while planning. */
  remembered(file: string): RememberedSource | undefined {
    return this.rememberedSources.get(file);
  }

  /** The stat a file was read with, for the cache to remember. */
  statOf(file: string): fs.Stats | undefined {
    return this.readStats.get(file);
  }
}

function rememberedByStat(cache: ScanCache, file: string, absolute: string): RememberedSource | undefined {
  try {
    const stats = fs.statSync(absolute, { throwIfNoEntry: false });
    return stats?.isFile() ? cache.unchanged(file, stats) : undefined;
  } catch {
    return undefined; // readSource says why
  }
}
