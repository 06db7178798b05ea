// Project rules that are easy to break without noticing: every rule has a docs page whose example
// really triggers it, and the engine and the CLI side never import VS Code or a front end.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { catalogDrift } from '../../src/cli/catalogCommands';
import { RULES, RULE_IDS, ruleDocsUrl, type RuleId } from '../../src/core/findings';
import { loadCatalogText, type LoadedCatalog } from '../../src/scan/catalogFile';
import { scanDirectory } from '../../src/scan/scan';

/** out/test/unit → the repository root. */
const REPO_ROOT = path.resolve(__dirname, '../../..');
const DOCS_DIR = path.join(REPO_ROOT, 'docs', 'rules');
const SECTIONS = ['## What it means', '## Example', '## How to fix', '## How to suppress'];

function docsPage(ruleId: string): string {
  return fs.readFileSync(path.join(DOCS_DIR, `${ruleId}.md`), 'utf8');
}

/** The first ```ts and ```json blocks of the page's Example section. */
function exampleOf(page: string): { code?: string; catalog?: string } {
  const start = page.indexOf('## Example');
  const end = page.indexOf('\n## ', start + 1);
  const section = page.slice(start, end < 0 ? undefined : end);
  const block = (language: string) => new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(section)?.[1];
  return { code: block('ts'), catalog: block('json') };
}

/** Runs the example as a one-file project (with its catalog), as `catalog check` would. */
function findingsOfExample(example: { code?: string; catalog?: string }): RuleId[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-review-docs-'));
  try {
    if (example.code) fs.writeFileSync(path.join(root, 'example.ts'), example.code);
    let catalog: LoadedCatalog | undefined;
    if (example.catalog) catalog = loadCatalogText(example.catalog, path.join(root, 'privacy-catalog.json'));
    const result = scanDirectory(root, { catalog });
    assert.deepEqual(result.skipped, [], 'the example must parse');
    return [...result.findings, ...(catalog ? catalogDrift(result, catalog) : [])].map((finding) => finding.ruleId);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe('rule documentation', () => {
  it('there is a page for every rule id and no page for an unknown one', () => {
    const pages = fs.readdirSync(DOCS_DIR).filter((file) => file.endsWith('.md')).map((file) => file.replace(/\.md$/, ''));
    assert.deepEqual(pages.sort(), [...RULE_IDS].sort());
  });

  for (const ruleId of RULE_IDS) {
    describe(ruleId, () => {
      it('the docs URL used by SARIF and diagnostics ends in this page', () => {
        assert.ok(ruleDocsUrl(ruleId).endsWith(`/docs/rules/${ruleId}.md`));
        assert.ok(fs.existsSync(path.join(DOCS_DIR, `${ruleId}.md`)), `docs/rules/${ruleId}.md is missing`);
      });
      it('is titled with the rule id, states the description and default severity, and has every section', () => {
        const page = docsPage(ruleId);
        assert.equal(page.split('\n')[0], `# ${ruleId}`);
        assert.ok(page.includes(RULES[ruleId].description), 'the description in findings.ts should open the page');
        assert.ok(page.includes(`Default severity: **${RULES[ruleId].severity}**`), `default severity ${RULES[ruleId].severity}`);
        for (const section of SECTIONS) assert.ok(page.includes(`\n${section}\n`), `missing "${section}"`);
      });
      it('the example triggers the rule', () => {
        const example = exampleOf(docsPage(ruleId));
        assert.ok(example.code || example.catalog, 'the Example section has no ```ts or ```json block');
        assert.ok(findingsOfExample(example).includes(ruleId), `the example does not produce ${ruleId}`);
      });
    });
  }
});

const FRONT_END_FREE = ['src/core', 'src/cli', 'src/report', 'src/scan'];
/**
 * Where each folder's relative imports may point: the engine never imports a front end, and the
 * CLI side never imports the VS Code adapter.
 */
const ALLOWED_IMPORTS: Record<string, { allowed: string; test: (target: string) => boolean }> = {
  'src/core': { allowed: 'src/core only', test: (target) => target === 'src/core' || target.startsWith('src/core/') },
  'src/scan': { allowed: 'anything but src/extension', test: (target) => !target.startsWith('src/extension') },
  'src/report': { allowed: 'anything but src/extension', test: (target) => !target.startsWith('src/extension') },
  'src/cli': { allowed: 'anything but src/extension', test: (target) => !target.startsWith('src/extension') },
};
const VSCODE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]vscode(?:\/[^'"]*)?['"]/m;
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]*)['"]/gm;

function sourceFiles(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

describe('architecture', () => {
  it('the import patterns catch what they should', () => {
    const cases: { text: string; vscode: boolean }[] = [
      { text: "import * as vscode from 'vscode';", vscode: true },
      { text: 'import type { Uri } from "vscode";', vscode: true },
      { text: "const vscode = require('vscode');", vscode: true },
      { text: "await import('vscode')", vscode: true },
      { text: "import 'vscode';", vscode: true },
      { text: "import { x } from './vscode-like';", vscode: false },
      { text: '// talks to vscode through the adapter', vscode: false },
    ];
    for (const { text, vscode } of cases) assert.equal(VSCODE_IMPORT.test(text), vscode, text);
  });

  for (const folder of FRONT_END_FREE) {
    it(`no file under ${folder} imports 'vscode'`, () => {
      const files = sourceFiles(path.join(REPO_ROOT, folder));
      assert.ok(files.length > 0, `${folder} has no sources`);
      const offenders = files.filter((file) => VSCODE_IMPORT.test(fs.readFileSync(file, 'utf8'))).map((file) => path.relative(REPO_ROOT, file));
      assert.deepEqual(offenders, []);
    });

    it(`files under ${folder} import from ${ALLOWED_IMPORTS[folder].allowed}`, () => {
      const offenders: string[] = [];
      for (const file of sourceFiles(path.join(REPO_ROOT, folder))) {
        for (const match of fs.readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
          const target = path.relative(REPO_ROOT, path.resolve(path.dirname(file), match[1])).split(path.sep).join('/');
          if (!ALLOWED_IMPORTS[folder].test(target)) {
            offenders.push(`${path.relative(REPO_ROOT, file)} imports ${match[1]}`);
          }
        }
      }
      assert.deepEqual(offenders, []);
    });
  }
});
