// Reads privacy-catalog.json (JSONC): every problem with its line, column and key, never a throw.
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { isValidRetention } from '../retention/duration';
import { isBuiltinCategory } from '../categories';
import { FORBIDDEN, POLICY_SINKS, RULE_SEVERITIES, UNDECIDED, type CatalogFile } from './types';
import { RULE_IDS } from '../findings';

export interface CatalogProblem {
  line: number;
  /** 1-based. */
  column: number;
  /** The key at fault, e.g. `policies[2].sink`. */
  path: string;
  message: string;
}

export type CatalogLoad = { ok: true; catalog: CatalogFile; locate: (path: (string | number)[]) => { line: number; column: number } } | { ok: false; problems: CatalogProblem[] };

const CATEGORY_ID = /^[a-z][a-z0-9_.-]*$/;
const FIELD_REFERENCE = /^[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*$/;
const MAX_NESTING = 64;

export function parseCatalog(source: string): CatalogLoad {
  // Editors on Windows may save a byte-order mark; it is not part of the JSON.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lineStarts = computeLineStarts(text);
  const position = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
  };
  const problems: CatalogProblem[] = [];
  const tooDeep = tooDeepOffset(text, MAX_NESTING);
  if (tooDeep !== undefined) {
    return { ok: false, problems: [{ ...position(tooDeep), path: '', message: `nested more than ${MAX_NESTING} levels deep` }] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const error of errors) {
    problems.push({ ...position(error.offset), path: '', message: `JSON syntax: ${describeParseError(printParseErrorCode(error.error))}` });
  }
  if (!root || problems.length) return { ok: false, problems: problems.length ? problems : [{ line: 1, column: 1, path: '', message: 'empty catalog' }] };

  const report = (node: Node | undefined, path: string, message: string) =>
    problems.push({ ...position(node?.offset ?? 0), path, message });
  new CatalogValidator(root, report).validate();
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
  return {
    ok: true,
    catalog: getNodeValue(root) as CatalogFile,
    locate: (path) => position(findNodeAtLocation(root, path)?.offset ?? 0),
  };
}

type Report = (node: Node | undefined, path: string, message: string) => void;

class CatalogValidator {
  private readonly categoryIds = new Set<string>();
  /** Every id in "categories", collected on first use. */
  private allCategoryIds: Set<string> | undefined;

  constructor(
    private readonly root: Node,
    private readonly report: Report,
  ) {}

  validate(): void {
    if (this.root.type !== 'object') return this.report(this.root, '', 'the catalog must be a JSON object');
    const known = new Set(['$schema', 'version', 'categories', 'policies', 'maxRetention', 'sanitizers', 'ignore', 'severity']);
    for (const property of this.root.children ?? []) {
      const key = property.children?.[0]?.value as string;
      if (!known.has(key)) this.report(property.children?.[0], key, `unknown key "${key}" (expected one of ${[...known].join(', ')})`);
    }
    const version = this.child(this.root, 'version');
    if (!version) this.report(this.root, 'version', 'missing "version": 1');
    else if (version.value !== 1) this.report(version, 'version', `"version" must be 1 (got ${JSON.stringify(version.value)})`);
    this.validateCategories();
    this.validatePolicies();
    this.validateMaxRetention();
    this.validateStringArray('sanitizers');
    this.validateStringArray('ignore');
    this.validateSeverity();
  }

  private validateCategories(): void {
    const categories = this.arrayAt('categories');
    const parents = new Map<string, { parent: string; node: Node; path: string }>();
    categories.forEach((entry, index) => {
      const path = `categories[${index}]`;
      if (entry.type !== 'object') return this.report(entry, path, 'a category must be an object');
      this.onlyKeys(entry, path, ['id', 'label', 'parent', 'names', 'fields']);
      const id = this.child(entry, 'id');
      if (!id || typeof id.value !== 'string') return this.report(id ?? entry, `${path}.id`, 'a category needs an "id" string');
      if (!CATEGORY_ID.test(id.value)) this.report(id, `${path}.id`, `category id "${id.value}" must be lower case letters, digits, _ . -`);
      if (this.categoryIds.has(id.value)) this.report(id, `${path}.id`, `category "${id.value}" is defined twice`);
      this.categoryIds.add(id.value);
      const label = this.child(entry, 'label');
      if (label && label.type !== 'string') this.report(label, `${path}.label`, '"label" must be a string');
      const parent = this.child(entry, 'parent');
      if (parent) {
        if (typeof parent.value !== 'string') this.report(parent, `${path}.parent`, '"parent" must be a category id');
        else parents.set(id.value, { parent: parent.value, node: parent, path: `${path}.parent` });
      }
      this.stringArray(this.child(entry, 'names'), `${path}.names`);
      const fields = this.stringArray(this.child(entry, 'fields'), `${path}.fields`);
      for (const [fieldIndex, field] of fields.entries()) {
        if (typeof field.value === 'string' && !FIELD_REFERENCE.test(field.value)) {
          this.report(field, `${path}.fields[${fieldIndex}]`, `field "${field.value}" must be written Type.member`);
        }
      }
    });
    const onCycle = this.categoriesOnCycles(parents);
    for (const [id, { parent, node, path }] of parents) {
      if (!this.isKnownCategory(parent)) this.report(node, path, `unknown parent category "${parent}"`);
      else if (onCycle.has(id)) this.report(node, path, `category "${id}" is its own ancestor (parent cycle)`);
    }
  }

  /** Categories on a parent loop, found in one pass (a generated catalog may chain thousands of categories). */
  private categoriesOnCycles(parents: Map<string, { parent: string }>): Set<string> {
    const finished = new Set<string>();
    const onCycle = new Set<string>();
    for (const start of parents.keys()) {
      const chain: string[] = [];
      const inChain = new Set<string>();
      let current: string | undefined = start;
      while (current !== undefined && !finished.has(current) && !inChain.has(current)) {
        chain.push(current);
        inChain.add(current);
        current = parents.get(current)?.parent;
      }
      // Only a category on the loop is its own ancestor; one whose chain merely leads into the loop is not.
      if (current !== undefined && inChain.has(current)) for (const id of chain.slice(chain.indexOf(current))) onCycle.add(id);
      for (const id of chain) finished.add(id);
    }
    return onCycle;
  }

  private validatePolicies(): void {
    this.arrayAt('policies').forEach((entry, index) => {
      const path = `policies[${index}]`;
      if (entry.type !== 'object') return this.report(entry, path, 'a policy must be an object');
      this.onlyKeys(entry, path, ['category', 'sink', 'retention', 'reason']);
      const category = this.child(entry, 'category');
      if (!category || typeof category.value !== 'string') this.report(category ?? entry, `${path}.category`, 'a policy needs a "category"');
      else if (!this.isKnownCategory(category.value)) this.report(category, `${path}.category`, `unknown category "${category.value}"`);
      const sink = this.child(entry, 'sink');
      if (!sink || !(POLICY_SINKS as readonly unknown[]).includes(sink.value)) {
        this.report(sink ?? entry, `${path}.sink`, `"sink" must be one of ${POLICY_SINKS.join(', ')}${sink ? ` (got ${JSON.stringify(sink.value)})` : ''}`);
      }
      const retention = this.child(entry, 'retention');
      const value = retention?.value;
      if (typeof value !== 'string' || !(isValidRetention(value) || value === FORBIDDEN || value === UNDECIDED)) {
        this.report(
          retention ?? entry,
          `${path}.retention`,
          `"retention" must be an ISO-8601 duration (P30D), session, indefinite, forbidden or undecided${retention ? ` (got ${JSON.stringify(value)})` : ''}`,
        );
      }
      const reason = this.child(entry, 'reason');
      if (reason && reason.type !== 'string') this.report(reason, `${path}.reason`, '"reason" must be a string');
    });
  }

  private validateMaxRetention(): void {
    const node = this.child(this.root, 'maxRetention');
    if (!node) return;
    if (node.type !== 'object') return this.report(node, 'maxRetention', '"maxRetention" must be an object of category → duration');
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      const category = key?.value as string;
      if (!this.isKnownCategory(category)) this.report(key, `maxRetention.${category}`, `unknown category "${category}"`);
      if (typeof value?.value !== 'string' || !isValidRetention(value.value) || value.value === 'session') {
        this.report(value, `maxRetention.${category}`, `maximum retention must be an ISO-8601 duration or indefinite (got ${JSON.stringify(value?.value)})`);
      }
    }
  }

  private validateSeverity(): void {
    const node = this.child(this.root, 'severity');
    if (!node) return;
    if (node.type !== 'object') return this.report(node, 'severity', '"severity" must be an object of rule id → level');
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      const rule = key?.value as string;
      if (!(RULE_IDS as readonly string[]).includes(rule)) this.report(key, `severity.${rule}`, `unknown rule "${rule}" (rules: ${RULE_IDS.join(', ')})`);
      if (!(RULE_SEVERITIES as readonly unknown[]).includes(value?.value)) {
        this.report(value, `severity.${rule}`, `severity must be one of ${RULE_SEVERITIES.join(', ')}`);
      }
    }
  }

  private validateStringArray(key: string): void {
    this.stringArray(this.child(this.root, key), key);
  }

  private stringArray(node: Node | undefined, path: string): Node[] {
    if (!node) return [];
    if (node.type !== 'array') {
      this.report(node, path, `"${path}" must be an array of strings`);
      return [];
    }
    const items = node.children ?? [];
    items.forEach((item, index) => {
      if (item.type !== 'string' || !item.value) this.report(item, `${path}[${index}]`, 'must be a non-empty string');
    });
    return items;
  }

  private arrayAt(key: string): Node[] {
    const node = this.child(this.root, key);
    if (!node) return [];
    if (node.type !== 'array') {
      this.report(node, key, `"${key}" must be an array`);
      return [];
    }
    return node.children ?? [];
  }

  private onlyKeys(node: Node, path: string, allowed: string[]): void {
    for (const property of node.children ?? []) {
      const key = property.children?.[0]?.value as string;
      if (!allowed.includes(key)) this.report(property.children?.[0], `${path}.${key}`, `unknown key "${key}" (expected ${allowed.join(', ')})`);
    }
  }

  private child(node: Node, key: string): Node | undefined {
    const property = node.children?.find((candidate) => candidate.children?.[0]?.value === key);
    return property?.children?.[1];
  }

  private isKnownCategory(id: string): boolean {
    return isBuiltinCategory(id) || this.categoryIds.has(id) || this.declaredLater(id);
  }

  /** Categories may be referenced before the entry that defines them. */
  private declaredLater(id: string): boolean {
    this.allCategoryIds ??= new Set(
      (this.child(this.root, 'categories')?.children ?? []).map((entry) => this.child(entry, 'id')?.value).filter((value): value is string => typeof value === 'string'),
    );
    return this.allCategoryIds.has(id);
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) starts.push(index + 1);
    else if (code === 13 && text.charCodeAt(index + 1) !== 10) starts.push(index + 1);
  }
  return starts;
}

/**
 * Deeply nested input would overflow the parser's recursion; measure it first (skipping strings
 * and comments). Returns the offset of the first bracket deeper than `max`.
 */
function tooDeepOffset(text: string, max: number): number | undefined {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') {
      for (index++; index < text.length && text[index] !== '"' && text[index] !== '\n' && text[index] !== '\r'; index++) if (text[index] === '\\') index++;
    } else if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n' && text[index] !== '\r') index++;
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end < 0 ? text.length : end + 1;
    } else if (char === '{' || char === '[') {
      if (++depth > max) return index;
    } else if (char === '}' || char === ']') depth--;
  }
  return undefined;
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
