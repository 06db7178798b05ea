// Naming conventions that sink recognisers may rely on where the file gives no better evidence.

const wordsCache = new Map<string, string[]>();

/**
 * The lower-case words of an identifier: `requestLogger` → ['request','logger'], `HTTPLog` →
 * ['http','log'], `audit_log` → ['audit','log'], `catalog` → ['catalog'] (one word, not 'log').
 */
export function nameWords(name: string): string[] {
  let words = wordsCache.get(name);
  if (!words) {
    words = name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((word) => word.toLowerCase());
    if (wordsCache.size > 10_000) wordsCache.clear();
    wordsCache.set(name, words);
  }
  return words;
}

export function lastWord(name: string): string | undefined {
  const words = nameWords(name);
  return words[words.length - 1];
}

export function hasWord(name: string, word: string): boolean {
  return nameWords(name).includes(word);
}

/** A module of the project itself (`./redis`, `@/lib/db`, `~/db`, `#db`), not a package. */
export function isProjectModule(module: string): boolean {
  return module.startsWith('.') || module.startsWith('/') || module.startsWith('@/') || module.startsWith('~/') || module.startsWith('#') || module.startsWith('src/');
}

/** Words of every part of a module path: `@/lib/redis-client` → ['lib','redis','client']. */
export function moduleWords(module: string): string[] {
  return module.split(/[/@~#.]+/).flatMap(nameWords);
}
