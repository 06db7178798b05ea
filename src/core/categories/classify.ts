// Does a name denote personal data, and of which category?
//
// Matching, and why:
// - A name is read as words (tokenize), aliases expand (`addr` → address, `firstname` → first name,
//   plurals → singular) and digits drop (`addressLine1`, `ipv4Addr`). Rules match a contiguous run
//   of whole words, so `ip` never matches inside `shipping` or `ipcRenderer`.
// - The longest match wins, then the rightmost: English compounds put the head noun last
//   (`emailAddress` is an email, `macAddress` a device, `clientIpList` an ip). A match also
//   hides the shorter ones it overlaps, even when its own guards refuse it: `serverIpAddress`
//   is a server's address, not a postal `address`. Catalog rules go before built-in ones.
// - Guards, all data in taxonomy-words.ts: a flag/verb/count first word (`isMobile`, `sendEmail`),
//   a metadata word after the match (`emailVerified`, `ipVersion`, `EMAIL_REGEX`), a sanitized
//   form anywhere (`hashedEmail`), an organisation right before (`companyEmail`), and per rule
//   `atEnd`/`after`/`notAfter` plus per-category look-alikes (`i phone`). A false positive costs
//   a user's trust more than a miss costs a finding.
import type { CategoryId } from '../types';
import { CATEGORY_TABLE } from './taxonomy';
import {
  NON_VALUE_AFTER_WORDS,
  NON_VALUE_FIRST_WORDS,
  ORGANIZATION_QUALIFIERS,
  SANITIZED_WORDS,
  TOKEN_ALIASES,
  type RuleSpec,
} from './taxonomy-words';
import { tokenize } from './tokenize';

export interface NameClassification {
  category: CategoryId;
  /** The words of the name that matched, as written: "ip addr", "customer name". */
  token: string;
  /** Set when a catalog category's `names` matched rather than a built-in rule. */
  catalog?: true;
}

/** Names a catalog adds for a category, e.g. `{ category: 'loyalty_id', names: ['loyaltyNumber', 'memberNo'] }`. */
export interface ExtraNameRule {
  category: CategoryId;
  names: readonly string[];
}
export type ExtraNameRules = readonly ExtraNameRule[];

interface CompiledRule {
  words: readonly string[];
  category: CategoryId;
  atEnd: boolean;
  notAfter: ReadonlySet<string> | undefined;
  fromCatalog: boolean;
}

interface CompiledTable {
  aliases: ReadonlyMap<string, readonly string[]>;
  rulesByFirstWord: ReadonlyMap<string, readonly CompiledRule[]>;
  lookalikes: ReadonlyMap<CategoryId, readonly (readonly string[])[]>;
  cache: Map<string, NameClassification | null>;
}

interface Match {
  start: number;
  end: number;
  rule: CompiledRule;
}

/** Above this many distinct names the cache starts again rather than grow without bound. */
const CACHE_LIMIT = 200_000;

const NON_VALUE_FIRST = new Set(NON_VALUE_FIRST_WORDS);
const NON_VALUE_AFTER = new Set(NON_VALUE_AFTER_WORDS);
const SANITIZED = new Set(SANITIZED_WORDS);
const ORGANIZATION = new Set(ORGANIZATION_QUALIFIERS);
const splitWords = (words: string): string[] => words.split(' ');

function compile(extra: ExtraNameRules | undefined): CompiledTable {
  const aliases = new Map<string, readonly string[]>();
  for (const [token, words] of Object.entries(TOKEN_ALIASES)) aliases.set(token, splitWords(words));
  const normalize = (name: string): string[] => normalizeWords(tokenize(name), aliases).words;

  const rules: CompiledRule[] = [];
  const add = (category: CategoryId, words: readonly string[], spec: Exclude<RuleSpec, string> | undefined, fromCatalog: boolean): void => {
    if (words.length === 0) return;
    rules.push({ words, category, atEnd: spec?.atEnd ?? false, notAfter: spec?.notAfter && new Set(spec.notAfter), fromCatalog });
  };
  for (const category of CATEGORY_TABLE) {
    for (const spec of category.rules) {
      const ruleSpec = typeof spec === 'string' ? undefined : spec;
      const words = splitWords(typeof spec === 'string' ? spec : spec.words);
      if (ruleSpec?.after) for (const owner of ruleSpec.after) add(category.id, [owner, ...words], ruleSpec, false);
      else add(category.id, words, ruleSpec, false);
    }
  }
  for (const { category, names } of extra ?? []) for (const name of names) add(category, normalize(name), undefined, true);

  // Plurals of every rule word read as the word: `ips`, `addresses`, `customers`.
  const vocabulary = new Set(rules.flatMap((rule) => rule.words));
  for (const word of [...vocabulary, ...aliases.keys()]) {
    if (word.length < 2) continue;
    const plural = /(s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`;
    if (!vocabulary.has(plural) && !aliases.has(plural)) aliases.set(plural, aliases.get(word) ?? [word]);
  }

  const rulesByFirstWord = new Map<string, CompiledRule[]>();
  for (const rule of rules) {
    const bucket = rulesByFirstWord.get(rule.words[0]);
    if (bucket) bucket.push(rule);
    else rulesByFirstWord.set(rule.words[0], [rule]);
  }
  const lookalikes = new Map<CategoryId, string[][]>(
    CATEGORY_TABLE.map((category) => [category.id, category.lookalikes.map(splitWords)]),
  );
  return { aliases, rulesByFirstWord, lookalikes, cache: new Map() };
}

/** Aliases expanded and digits dropped; `origins[i]` is the index in `tokens` that word `i` came from. */
function normalizeWords(tokens: readonly string[], aliases: ReadonlyMap<string, readonly string[]>): { words: string[]; origins: number[] } {
  const words: string[] = [];
  const origins: number[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    const first = token.charCodeAt(0);
    if (first >= 48 && first <= 57) continue; // the tokenizer keeps digit runs whole
    const expansion = aliases.get(token);
    if (expansion) {
      for (const word of expansion) {
        words.push(word);
        origins.push(index);
      }
    } else {
      words.push(token);
      origins.push(index);
    }
  }
  return { words, origins };
}

function occursAt(words: readonly string[], start: number, sequence: readonly string[]): boolean {
  if (start + sequence.length > words.length) return false;
  for (let offset = 0; offset < sequence.length; offset++) if (words[start + offset] !== sequence[offset]) return false;
  return true;
}

function findMatches(words: readonly string[], table: CompiledTable): Match[] {
  const matches: Match[] = [];
  for (let start = 0; start < words.length; start++) {
    const candidates = table.rulesByFirstWord.get(words[start]);
    if (!candidates) continue;
    for (const rule of candidates) {
      if (occursAt(words, start, rule.words)) matches.push({ start, end: start + rule.words.length, rule });
    }
  }
  return matches;
}

function byPreference(a: Match, b: Match): number {
  if (a.rule.fromCatalog !== b.rule.fromCatalog) return a.rule.fromCatalog ? -1 : 1;
  return b.end - b.start - (a.end - a.start) || b.end - a.end;
}

function isRefused(match: Match, words: readonly string[], table: CompiledTable): boolean {
  const { start, end, rule } = match;
  if (start > 0 && NON_VALUE_FIRST.has(words[0])) return true;
  for (let index = end; index < words.length; index++) if (NON_VALUE_AFTER.has(words[index])) return true;
  if (rule.atEnd && end !== words.length) return true;
  if (start > 0 && (ORGANIZATION.has(words[start - 1]) || rule.notAfter?.has(words[start - 1]))) return true;
  for (const lookalike of table.lookalikes.get(rule.category) ?? []) {
    // Any occurrence of the look-alike that overlaps the match.
    for (let at = Math.max(0, start - lookalike.length + 1); at < end; at++) if (occursAt(words, at, lookalike)) return true;
  }
  return false;
}

function classifyUncached(name: string, table: CompiledTable): NameClassification | undefined {
  const tokens = tokenize(name);
  const { words, origins } = normalizeWords(tokens, table.aliases);
  if (words.some((word) => SANITIZED.has(word))) return undefined;
  const matches = findMatches(words, table);
  if (matches.length === 0) return undefined;
  matches.sort(byPreference);
  const considered: Match[] = [];
  for (const match of matches) {
    if (considered.some((other) => other.start < match.end && match.start < other.end)) continue;
    considered.push(match);
    if (isRefused(match, words, table)) continue;
    const matchedTokens = tokens.slice(origins[match.start], origins[match.end - 1] + 1);
    // Frozen: the same object is handed to every caller that asks about this name.
    return Object.freeze({
      category: match.rule.category,
      token: matchedTokens.join(' '),
      ...(match.rule.fromCatalog ? { catalog: true as const } : {}),
    });
  }
  return undefined;
}

let builtinTable: CompiledTable | undefined;
const tablesByExtra = new WeakMap<ExtraNameRules, CompiledTable>();

/** Compiled once per catalog: pass the same `extra` array on every call to share its cache. */
function tableFor(extra: ExtraNameRules | undefined): CompiledTable {
  if (!extra || extra.length === 0) return (builtinTable ??= compile(undefined));
  let table = tablesByExtra.get(extra);
  if (!table) {
    table = compile(extra);
    tablesByExtra.set(extra, table);
  }
  return table;
}

/** The category an identifier, property name or string key names, or undefined if it names no personal data. */
export function classifyName(name: string, extra?: ExtraNameRules): NameClassification | undefined {
  const table = tableFor(extra);
  const cached = table.cache.get(name);
  if (cached !== undefined) return cached ?? undefined;
  const result = classifyUncached(name, table);
  if (table.cache.size >= CACHE_LIMIT) table.cache.clear();
  table.cache.set(name, result ?? null);
  return result;
}
