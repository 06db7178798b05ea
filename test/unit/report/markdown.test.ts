// Markdown for pull-request comments: a category × sink table and a findings list, with every piece
// of scanned text escaped so it renders as the text it is.
import { strict as assert } from 'node:assert';
import { escapeMarkdown, inlineCode } from '../../../src/report/markdown';
import { cli, project } from '../scan/cliHarness';

const FILES = {
  'src/server.ts': "export function serve(req, logger) {\n  logger.info('request', req.ip);\n}\n",
  'src/users.ts': "export function save(prisma, user) {\n  return prisma.user.create({ data: { email: user.email } });\n}\n",
  'src/odd `name` | @octocat #12 *x*.ts': 'export const f = (user) => console.log(user.phone);\n',
  'src/models.ts': '/** @retention forever */\nexport const keep = 1;\n',
};

describe('Markdown report', () => {
  const markdown = cli('scan', project(FILES), '--format', 'markdown').stdout;
  const lines = markdown.split('\n');

  const cases: { name: string; check: () => void }[] = [
    { name: 'a heading and a summary line', check: () => assert.match(markdown, /^### Privacy Review\n\n\*\*4 findings\*\* \(1 error, 3 warnings\) · 4 files scanned\n/) },
    { name: 'a table header with the three sink kinds', check: () => assert.ok(lines.includes('| Personal data | Logs | Storage | Third parties |') && lines.includes('| --- | --- | --- | --- |')) },
    { name: 'a row per category: count and declared retention per sink kind', check: () => assert.ok(lines.includes('| IP address | 1 · none declared | – | – |'), markdown) },
    { name: 'a list item per finding: file:line and rule in code, then the message', check: () => assert.ok(lines.includes('- `src/server.ts:2` `personal-data-logged` (warning, IP address, log): req.ip (IP address) is logged by logger.info with no declared retention.'), markdown) },
    { name: 'a file name with backticks, a pipe, a mention and an issue reference stays one code span', check: () => assert.ok(lines.some((line) => line.startsWith('- ``src/odd `name` | @octocat #12 *x*.ts:1`` ')), markdown) },
    { name: '@retention in a message is code, never a mention', check: () => assert.match(markdown, /`@retention` value "forever" is not an ISO-8601 duration/) },
    { name: 'backticks in a message are escaped', check: () => assert.match(markdown, /\\`session\\` or \\`indefinite\\`\./) },
  ];
  for (const { name, check } of cases) it(name, check);

  const escapeCases: { text: string; table?: boolean; expect: string }[] = [
    { text: 'plain words, dots. and (parens)', expect: 'plain words, dots. and (parens)' },
    { text: '<script>alert(1)</script>', expect: '\\<script\\>alert(1)\\</script\\>' },
    { text: '*bold* _it_ ~strike~ [link](x) ![img](y)', expect: '\\*bold\\* \\_it\\_ \\~strike\\~ \\[link\\](x) \\!\\[img\\](y)' },
    { text: 'a | b', expect: 'a \\| b' },
    { text: '&amp; $x$ {a}', expect: '\\&amp; \\$x\\$ \\{a\\}' },
    { text: 'line\nbreak', expect: 'line break' },
    { text: 'ping @octocat and @org/team', expect: 'ping `@octocat` and `@org`/team' },
    { text: 'see #12', expect: 'see `#12`' },
    { text: 'cell @a|b', table: true, expect: 'cell `@a`\\|b' },
  ];
  for (const { text, table, expect } of escapeCases) {
    it(`escapeMarkdown(${JSON.stringify(text)}${table ? ', in a table' : ''})`, () => assert.equal(escapeMarkdown(text, table), expect));
  }

  const codeCases: { text: string; table?: boolean; expect: string }[] = [
    { text: 'src/a.ts:1', expect: '`src/a.ts:1`' },
    { text: 'has `one` tick', expect: '``has `one` tick``' },
    { text: '`starts with a tick', expect: '`` `starts with a tick ``' },
    { text: 'a|b', expect: '`a|b`' },
    { text: 'a|b', table: true, expect: '`a\\|b`' },
  ];
  for (const { text, table, expect } of codeCases) {
    it(`inlineCode(${JSON.stringify(text)}${table ? ', in a table' : ''})`, () => assert.equal(inlineCode(text, table), expect));
  }

  it('a clean scan: the summary only', () => {
    assert.equal(cli('scan', project({ 'a.ts': "console.log('ok');\n" }), '--format', 'markdown').stdout, '### Privacy Review\n\n**0 findings** (0 errors, 0 warnings) · 1 file scanned\n');
  });

  it('baselined findings are marked, stale entries listed', () => {
    const root = project(FILES);
    cli('scan', root, '--write-baseline', `${root}/baseline.json`);
    const text = cli('scan', root, '--format', 'markdown', '--baseline', `${root}/baseline.json`).stdout;
    assert.match(text, /\*\*0 findings\*\* \(0 errors, 0 warnings\) · 4 files scanned · 4 baselined · 0 stale baseline entries/);
    assert.match(text, /\| IP address \| 0 \(\+1 baselined\) · none declared \| – \| – \|/);
    assert.match(text, /- `src\/server\.ts:2` `personal-data-logged` \(warning, baselined, IP address, log\)/);
  });
});
