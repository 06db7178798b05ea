// Suppression comments through the CLI: a reason and a future date suppress; a missing reason or a
// past date is itself a finding (and a past date brings the suppressed finding back).
import { strict as assert } from 'node:assert';
import { EXIT_FINDINGS, EXIT_OK } from '../../../src/cli/main';
import { cli, project, scanJson } from './cliHarness';

const withComment = (comment: string) => ({
  'src/server.ts': `export function serve(req) {\n  ${comment}\n  console.log('request from', req.ip);\n}\n`,
});

describe('suppression comments through the CLI', () => {
  const cases: { name: string; comment: string; code: number; expect: string[] }[] = [
    {
      name: 'a reason and no date: suppressed, exit 0',
      comment: '// privacy-review-disable-next-line personal-data-logged -- IPs are dropped by the log shipper',
      code: EXIT_OK,
      expect: [],
    },
    {
      name: 'a reason and a future date: suppressed',
      comment: '// privacy-review-disable-next-line personal-data-logged -- until the new logger ships until=2999-12-31',
      code: EXIT_OK,
      expect: [],
    },
    {
      name: 'a past date: the expiry is reported and the finding comes back',
      comment: '// privacy-review-disable-next-line personal-data-logged -- temporary until=2000-01-31',
      code: EXIT_FINDINGS,
      expect: ['2 suppression-expired Suppression of personal-data-logged expired on 2000-01-31; the finding below it is reported again.', '3 personal-data-logged req.ip (IP address) is logged by console.log with no declared retention.'],
    },
    {
      name: 'no reason: the suppression works, but the missing reason is reported',
      comment: '// privacy-review-disable-next-line personal-data-logged',
      code: EXIT_FINDINGS,
      expect: ['2 suppression-missing-reason Suppression of personal-data-logged gives no reason; write one after "--".'],
    },
    {
      name: 'another rule named: the finding is not suppressed',
      comment: '// privacy-review-disable-next-line personal-data-stored -- not this one',
      code: EXIT_FINDINGS,
      expect: ['3 personal-data-logged req.ip (IP address) is logged by console.log with no declared retention.'],
    },
  ];
  for (const { name, comment, code, expect } of cases) {
    it(name, () => {
      const report = scanJson(project(withComment(comment)));
      assert.deepEqual(report.findings.map((finding) => `${finding.line} ${finding.ruleId} ${finding.message}`).sort(), expect);
      assert.equal(report.code, code);
    });
  }

  it('an expired suppression fails the default --fail-on warning and shows in the text report', () => {
    const run = cli('scan', project(withComment('// privacy-review-disable-next-line personal-data-logged -- temporary until=2000-01-31')));
    assert.equal(run.code, EXIT_FINDINGS);
    assert.match(run.stdout, / {2}2:3 {2}warning {2}Suppression of personal-data-logged expired on 2000-01-31; .* {2}suppression-expired$/m);
  });
});
