// The text pre-check: from the text alone, can this file hold any finding? Files that cannot are
// not parsed at all — the parse is most of a scan's cost, and many files of a product never put
// personal data into a log or a store.
//
// A finding needs one of:
//   - a suppression comment (one without a reason, or expired, is a finding) or a `@retention`
//     whose value is not valid (`invalid-retention`) — valid tags only matter with a flow;
//   - personal data (a) reaching a sink (b) — in the file, or brought in by what it imports.
// (a) Personal data comes only from: a name the classifier accepts (identifiers, property names,
//     string keys, the rest of a getter's name), `@pii`, a catalog field, or a framework source
//     (`req.ip`, client-IP headers, `@Ip()`, `navigator.geolocation`). A name is accepted only if
//     a rule's words occur contiguously in its normalized words; the guards only ever refuse. So
//     the file's whole text is tokenized the way names are (separators, camelCase, acronyms,
//     aliases, plurals, digits dropped) and searched for every rule's words. Every name the engine
//     classifies is a separator-bounded piece of the text, so its words are a run of the text's
//     words: if no rule occurs in the text, no name in it is personal data.
// (b) Every sink recogniser first checks the called method's name against a fixed list, or the
//     callee's module (debug) or a storage global (assignments to `document.cookie`, `localStorage`).
//     SINK_WORDS holds all of them; test/unit/scan/precheck.test.ts fails when a recogniser in
//     src/core/sinks uses a literal that is neither in it nor known not to be a method.
// Across files (the workspace index): a file inherits personal data and sinks from every workspace
// file it may import, directly or not — imported types, function results and wrappers around a
// sink. The import graph is over-approximated from the text: every quoted string that resolves to
// a workspace file. See selectFilesToAnalyse.
// Escapes are decoded first (`\u0065mail` is `email` to the parser). The test runs the engine on
// every file of the corpora and a generated monorepo with and without the pre-check and requires
// identical results.
//
// `needsIndex(text)` is separate: a file with declarations only (an interface of personal data,
// a wrapper around a logger) holds no finding itself but matters to a cross-file index.
import { CATEGORY_TABLE, tokenize, type ExtraNameRules } from '../core/categories';
import { TOKEN_ALIASES } from '../core/categories/taxonomy-words';
import type { EngineCatalog } from '../core/catalog/engineCatalog';
import { isValidRetention } from '../core/retention/duration';
import { mayHoldCommentTags } from '../core/parse';

/** Method, function and global names a sink recogniser can match (see the header). */
export const SINK_WORDS: ReadonlySet<string> = new Set([
  // loggers, error reporters
  'log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'http', 'notice', 'critical',
  'crit', 'alert', 'emerg', 'mark', 'child', 'assign', 'addContext', 'dir', 'table', 'group', 'assert', 'start', 'box',
  'success', 'fail', 'ready', 'captureException', 'captureMessage', 'captureEvent', 'addBreadcrumb', 'setUser', 'setContext',
  'setExtra', 'setExtras', 'setTag', 'setTags', 'configureScope', 'withScope', 'withIsolationScope',
  // ORMs and databases
  'create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'save', 'insert',
  'insertOne', 'insertMany', 'updateOne', 'replaceOne', 'bulkWrite', 'bulkCreate', 'findOrCreate', 'findOneAndUpdate',
  'findOneAndReplace', 'findByIdAndUpdate', 'findByIdAndReplace', 'values', 'set', 'query', 'createQueryBuilder',
  // caches and queues
  'setex', 'psetex', 'setnx', 'getset', 'mset', 'msetnx', 'hset', 'hmset', 'hsetnx', 'lpush', 'rpush', 'lpushx', 'rpushx',
  'lset', 'linsert', 'sadd', 'zadd', 'xadd', 'geoadd', 'pfadd', 'add', 'addBulk',
  // files
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'write', 'writeSync', 'end', 'outputFile', 'outputFileSync',
  'outputJson', 'outputJsonSync', 'outputJSON', 'outputJSONSync', 'writeJson', 'writeJsonSync', 'writeJSON', 'writeJSONSync',
  // browser storage, IndexedDB, cookies, server sessions (`req.session.x = …`), DynamoDB (`client.send(new PutCommand(…))`)
  'setItem', 'localStorage', 'sessionStorage', 'put', 'setMany', 'cookie', 'setCookie', 'setSignedCookie', 'session', 'send',
  // analytics and tracking
  'track', 'identify', 'page', 'alias', 'screen', 'capture', 'register', 'register_once', 'registerOnce', 'track_pageview',
  'set_group', 'setGroup', 'set_once', 'setOnce', 'append', 'prepend', 'preInsert', 'postInsert', 'union', 'import',
  'groupIdentify', 'setPersonProperties', 'setPersonPropertiesForFlags', 'logEvent', 'setUserId', 'setUserProperties',
  'setDeviceId', 'revenue', 'gtag', 'push', 'event', 'config',
]);

/**
 * Sink words that only one recogniser uses, and only with a receiver the file must name:
 * `dataLayer.push` (GTM), `console.assert/dir/table`, `mixpanel.import`. Without that name
 * they are the array method, node:assert, and the `import` keyword.
 */
export const SINK_WORDS_WITH: ReadonlyMap<string, readonly string[]> = new Map([
  ['push', ['dataLayer']],
  ['assert', ['console']],
  ['dir', ['console']],
  ['table', ['console']],
  ['import', ['mixpanel']],
]);

/** Words of framework sources that are personal data whatever the classifier says of them. */
const FRAMEWORK_WORDS = ['ip', 'ips', 'forwarded', 'remoteaddress', 'geolocation', 'coords'];

/** Looser than the engine's RETENTION_TAG_PATTERN (any position, not only a comment line's start): a superset. */
const RETENTION_TAGS = /@retention[ \t]+(\S+)/g;

/**
 * Whether the text alone can hold a finding whatever its data and sinks: a suppression comment
 * (one without a reason, or expired, is a finding) or a `@retention` whose value is not valid
 * (`invalid-retention`). Valid retention tags and `@pii` only matter where personal data meets a sink.
 * The tags are matched over the whole text, a superset of the comments the engine reads.
 */
function hasStandaloneFinding(text: string): boolean {
  if (text.includes('privacy-review-disable')) return true;
  if (!text.includes('@retention')) return false;
  RETENTION_TAGS.lastIndex = 0;
  for (let match = RETENTION_TAGS.exec(text); match; match = RETENTION_TAGS.exec(text)) if (!isValidRetention(match[1])) return true;
  return false;
}

export interface PrecheckOptions {
  /** The catalog: its category names and fields are personal data too. */
  catalog?: Pick<EngineCatalog, 'extraNames' | 'fields'>;
  /**
   * Names that make a file relevant beyond what the text shows: a cross-file index's wrappers that
   * reach a sink (`audit`) and types that carry personal data (`User`). Matched as whole identifiers.
   */
  relevantNames?: Iterable<string>;
}

export type PrecheckReason = 'tag' | 'personal-data-and-sink' | 'catalog-field' | 'no-personal-data' | 'no-sink';

export interface PrecheckVerdict {
  /** Whether the file must be parsed and analysed. */
  analyse: boolean;
  reason: PrecheckReason;
}

/** What the text alone says about a file; `selectFilesToAnalyse` combines them across imports. */
export interface TextFacts {
  /** A `@retention`/`@pii` tag, a suppression, or a catalog field: analyse whatever else holds. */
  tag: boolean;
  personalData: boolean;
  sink: boolean;
  /** Every quoted string on one line that could be a module specifier (a superset of the imports). */
  specifiers: string[];
}

export interface Precheck {
  facts(text: string): TextFacts;
  verdict(text: string): PrecheckVerdict;
  /** Whether the file can hold any finding (or any data flow): false means its result is empty. */
  mayHaveFindings(text: string): boolean;
  /** Whether a cross-file index needs the file: it declares a type, class, function or export with personal data or a sink. */
  needsIndex(text: string): boolean;
}

interface Rules {
  aliases: Map<string, readonly string[]>;
  byFirstWord: Map<string, (readonly string[])[]>;
}

function compileRules(extra: ExtraNameRules | undefined): Rules {
  // Mirrors compile() in src/core/categories/classify.ts: same aliases, same plurals, same rule words.
  const aliases = new Map<string, readonly string[]>();
  for (const [token, words] of Object.entries(TOKEN_ALIASES)) aliases.set(token, words.split(' '));
  const rules: (readonly string[])[] = [];
  for (const category of CATEGORY_TABLE) {
    for (const spec of category.rules) {
      const words = (typeof spec === 'string' ? spec : spec.words).split(' ');
      const after = typeof spec === 'string' ? undefined : spec.after;
      if (after) for (const owner of after) rules.push([owner, ...words]);
      else rules.push(words);
    }
  }
  for (const { names } of extra ?? []) {
    for (const name of names) {
      const words = normalize(tokenize(name), aliases);
      if (words.length) rules.push(words);
    }
  }
  const vocabulary = new Set(rules.flat());
  for (const word of [...vocabulary, ...aliases.keys()]) {
    if (word.length < 2) continue;
    const plural = /(s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`;
    if (!vocabulary.has(plural) && !aliases.has(plural)) aliases.set(plural, aliases.get(word) ?? [word]);
  }
  for (const word of FRAMEWORK_WORDS) rules.push([word]);
  const byFirstWord = new Map<string, (readonly string[])[]>();
  for (const rule of rules) {
    const bucket = byFirstWord.get(rule[0]);
    if (bucket) bucket.push(rule);
    else byFirstWord.set(rule[0], [rule]);
  }
  return { aliases, byFirstWord };
}

function normalize(tokens: readonly string[], aliases: ReadonlyMap<string, readonly string[]>): string[] {
  const words: string[] = [];
  for (const token of tokens) {
    const first = token.charCodeAt(0);
    if (first >= 48 && first <= 57) continue;
    const expansion = aliases.get(token);
    if (expansion) words.push(...expansion);
    else words.push(token);
  }
  return words;
}

const ESCAPE = /\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|([0-7]{1,3})|(\r\n|[\n\r\u2028\u2029])|[\s\S])/g;

/** The text as the parser reads names and strings: `\u0065` is `e`, a line continuation joins, other escapes separate. */
export function decodeEscapes(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(ESCAPE, (_, braced?: string, unicode?: string, hex?: string, octal?: string, continuation?: string) => {
    const code = braced ?? unicode ?? hex;
    if (code !== undefined) {
      const point = parseInt(code, 16);
      return point <= 0x10ffff ? String.fromCodePoint(point) : ' ';
    }
    if (octal !== undefined) return String.fromCharCode(parseInt(octal, 8));
    if (continuation !== undefined) return '';
    return ' ';
  });
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/g;
/** Declarations a cross-file index reads: types, classes, functions, exports. */
const DECLARATION = /\b(?:interface|type|class|function|export|module\.exports|exports\.)\b/;

export function createPrecheck(options: PrecheckOptions = {}): Precheck {
  const rules = compileRules(options.catalog?.extraNames);
  const fieldMembers = [...new Set([...(options.catalog?.fields?.keys() ?? [])].map((field) => field.slice(field.indexOf('.') + 1)).filter(Boolean))];
  const relevant = new Set(options.relevantNames ?? []);

  const hasPersonalData = (decoded: string): boolean => {
    const words = normalize(tokenize(decoded), rules.aliases);
    for (let start = 0; start < words.length; start++) {
      const candidates = rules.byFirstWord.get(words[start]);
      if (!candidates) continue;
      for (const rule of candidates) if (occursAt(words, start, rule)) return true;
    }
    return false;
  };

  const hasSinkWord = (decoded: string): boolean => {
    let conditional: Set<string> | undefined;
    IDENTIFIER.lastIndex = 0;
    for (let match = IDENTIFIER.exec(decoded); match; match = IDENTIFIER.exec(decoded)) {
      const word = match[0];
      if (relevant.has(word)) return true;
      if (!SINK_WORDS.has(word)) continue;
      if (!SINK_WORDS_WITH.has(word)) return true;
      (conditional ??= new Set()).add(word);
    }
    if (!conditional) return false;
    const names = new Set(decoded.match(IDENTIFIER));
    for (const word of conditional) if (SINK_WORDS_WITH.get(word)!.some((name) => names.has(name))) return true;
    return false;
  };

  const verdict = (text: string): PrecheckVerdict => {
    if (hasStandaloneFinding(text)) return { analyse: true, reason: 'tag' };
    const decoded = decodeEscapes(text);
    // A catalog field's member: its declaration is personal data, and `catalog check` needs the
    // file's declared members whether or not it has a sink.
    if (fieldMembers.some((member) => decoded.includes(member))) return { analyse: true, reason: 'catalog-field' };
    if (!hasSinkWord(decoded)) return { analyse: false, reason: 'no-sink' };
    if (!text.includes('@pii') && !hasPersonalData(decoded) && !mentions(decoded, relevant)) return { analyse: false, reason: 'no-personal-data' };
    return { analyse: true, reason: 'personal-data-and-sink' };
  };

  const facts = (text: string): TextFacts => {
    const decoded = decodeEscapes(text);
    const tag = hasStandaloneFinding(text) || fieldMembers.some((member) => decoded.includes(member));
    const sink = hasSinkWord(decoded);
    // A file with a tag is analysed anyway; counting it as personal data only widens what importers inherit.
    const personalData = tag || text.includes('@pii') || hasPersonalData(decoded) || mentions(decoded, relevant);
    return { tag, personalData, sink, specifiers: possibleSpecifiers(decoded) };
  };

  return {
    facts,
    verdict,
    mayHaveFindings: (text) => verdict(text).analyse,
    needsIndex(text) {
      const decoded = decodeEscapes(text);
      if (!DECLARATION.test(decoded)) return false;
      if (mayHoldCommentTags(decoded)) return true;
      return hasPersonalData(decoded) || hasSinkWord(decoded) || fieldMembers.some((member) => decoded.includes(member));
    },
  };
}

function occursAt(words: readonly string[], start: number, sequence: readonly string[]): boolean {
  if (start + sequence.length > words.length) return false;
  for (let offset = 0; offset < sequence.length; offset++) if (words[start + offset] !== sequence[offset]) return false;
  return true;
}

function mentions(text: string, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  IDENTIFIER.lastIndex = 0;
  for (let match = IDENTIFIER.exec(text); match; match = IDENTIFIER.exec(text)) if (names.has(match[0])) return true;
  return false;
}

/** Every quoted run on one line, from every quote character on: a superset of a file's string literals. */
function quotedStrings(text: string): string[] {
  const found: string[] = [];
  for (const quote of ["'", '"']) {
    // From every quote to the next one of its kind: linear over the text, whatever the pairing.
    for (let open = text.indexOf(quote); open >= 0; ) {
      const close = text.indexOf(quote, open + 1);
      if (close < 0) break;
      const length = close - open - 1;
      if (length > 0 && length < 300) {
        const content = text.slice(open + 1, close);
        if (!content.includes('\n')) found.push(content.endsWith('\r') ? content.slice(0, -1) : content);
      }
      open = close;
    }
  }
  return found;
}

/** Quoted strings of a text that may be module specifiers (escapes decoded). */
export function specifiersOf(text: string): string[] {
  return possibleSpecifiers(decodeEscapes(text));
}

function possibleSpecifiers(decoded: string): string[] {
  return [...new Set(quotedStrings(decoded).filter(maybeSpecifier))];
}

/** A relative specifier, or a bare one that tsconfig paths may map; never a URL or a sentence. */
function maybeSpecifier(text: string): boolean {
  return text.charCodeAt(0) === 46 || !/[\s:]/.test(text);
}

/** The workspace files a file may import: every candidate specifier that resolves. */
export function resolveSpecifiers(file: string, specifiers: readonly string[], resolve: SelectionInput['resolve']): string[] {
  const targets = new Set<string>();
  for (const specifier of specifiers) {
    // Facts from an older cache entry hold every quoted string.
    if (!maybeSpecifier(specifier)) continue;
    const target = resolve(file, specifier);
    if (target && target !== file) targets.add(target);
  }
  return [...targets];
}

export interface SelectionInput {
  /** Root-relative posix path → text, for every file the workspace index holds. */
  files: { keys(): Iterable<string>; get(file: string): string | undefined };
  /** The workspace's module resolution (the same one the index uses). */
  resolve(fromFile: string, specifier: string): string | undefined;
  /** Facts of a file, when the caller knows them (the scan cache); default: precheck.facts of its text. */
  facts?: (file: string) => TextFacts;
  /** The files a file may import, when the caller knows them (the scan cache); default: its specifiers resolved. */
  imports?: (file: string, facts: TextFacts) => string[];
}

export interface Selection {
  /** Files whose own result may be non-empty: analyse these. */
  analyse: Set<string>;
  /** Why each file was kept or skipped. */
  reasons: Map<string, PrecheckReason>;
  /** Project files each file may import (edges of the import graph, over-approximated). */
  imports: Map<string, string[]>;
}

/**
 * Which files of a workspace can have findings. With the workspace index, personal data reaches a
 * file through imported types and function results, and a sink through imported wrappers; so a file
 * is analysed when it has a tag, or when personal data and a sink are each in it or in a file it
 * imports, directly or not. The import graph comes from the text (every quoted string that resolves
 * to a workspace file), a superset of what the index follows.
 */
export function selectFilesToAnalyse(precheck: Precheck, input: SelectionInput): Selection {
  const facts = new Map<string, TextFacts>();
  const imports = new Map<string, string[]>();
  for (const file of input.files.keys()) {
    const fileFacts = input.facts ? input.facts(file) : precheck.facts(input.files.get(file)!);
    facts.set(file, fileFacts);
    imports.set(file, input.imports ? input.imports(file, fileFacts) : resolveSpecifiers(file, fileFacts.specifiers, input.resolve));
  }
  // Reverse edges: a file inherits personal data and sinks from everything it imports.
  const importers = new Map<string, string[]>();
  for (const [file, targets] of imports) for (const target of targets) (importers.get(target) ?? importers.set(target, []).get(target)!).push(file);
  const spread = (seed: (facts: TextFacts) => boolean): Set<string> => {
    const reached = new Set<string>();
    const queue: string[] = [];
    for (const [file, fileFacts] of facts) if (seed(fileFacts)) (reached.add(file), queue.push(file));
    while (queue.length) {
      const file = queue.pop()!;
      for (const importer of importers.get(file) ?? []) if (!reached.has(importer)) (reached.add(importer), queue.push(importer));
    }
    return reached;
  };
  const withData = spread((fileFacts) => fileFacts.personalData);
  const withSink = spread((fileFacts) => fileFacts.sink);
  const analyse = new Set<string>();
  const reasons = new Map<string, PrecheckReason>();
  for (const [file, fileFacts] of facts) {
    let reason: PrecheckReason;
    if (fileFacts.tag) reason = 'tag';
    else if (!withSink.has(file)) reason = 'no-sink';
    else if (!withData.has(file)) reason = 'no-personal-data';
    else reason = 'personal-data-and-sink';
    reasons.set(file, reason);
    if (reason === 'tag' || reason === 'personal-data-and-sink') analyse.add(file);
  }
  return { analyse, reasons, imports };
}
