import { runFindingTable } from './findingTable';

const log = (line: number, category: string) => ({ line, category, sink: 'log' });

runFindingTable('retention', [
  { name: 'on the data declaration', code: `interface U {\n  /** @retention P30D login audit */\n  email: string;\n}\nfunction f(u: U) { console.log(u.email); }`, expect: [] },
  { name: 'on the enclosing function', code: `/** @retention P90D */\nfunction f(req) { console.log(req.ip); }`, expect: [] },
  { name: 'on an exported arrow function', code: `/** @retention P7D */\nexport const f = (req) => { console.log(req.ip); };`, expect: [] },
  { name: 'on the enclosing method', code: `class C {\n  /** @retention P7D */\n  m(req) { console.log(req.ip); }\n}`, expect: [] },
  { name: 'on the enclosing class', code: `/** @retention session */\nclass C {\n  m(req) { console.log(req.ip); }\n}`, expect: [] },
  { name: 'comment directly above the sink', code: `function f(req) {\n  // @retention P14D fraud review\n  console.log(req.ip);\n}`, expect: [] },
  { name: 'a trailing comment of the previous line is not above', code: `function f(req) {\n  a(); // @retention P14D\n  console.log(req.ip);\n}`, expect: [log(3, 'ip_address')] },
  { name: 'applies to one statement only', code: `// @retention P14D\nconsole.log(req.ip);\nconsole.log(user.email);`, expect: [log(3, 'email')] },
  { name: 'on the variable', code: `/** @retention P1D */\nconst ip = req.ip;\nconsole.log(ip);`, expect: [] },
  { name: 'indefinite is a declaration', code: `/** @retention indefinite legal hold */\nfunction f(req) { console.log(req.ip); }`, expect: [] },
  { name: 'a malformed value is its own finding', code: `/** @retention forever */\nfunction f(req) { console.log(req.ip); }`, expect: [{ line: 1, sink: 'invalid-retention' }] },
  { code: `// @retention 30 days\nconsole.log('x');`, expect: [{ line: 1, sink: 'invalid-retention' }] },
  { code: `/** @retention PT12H */\nconst a = 1;\n/** @retention P1Y2M10DT2H30M */\nconst b = 2;`, expect: [] },
]);

runFindingTable('suppressions', [
  { code: `// privacy-review-disable-next-line personal-data-logged -- needed for fraud triage\nconsole.log(req.ip);`, expect: [] },
  { code: `// privacy-review-disable-next-line personal-data-stored -- other rule\nconsole.log(req.ip);`, expect: [log(2, 'ip_address')] },
  { code: `// privacy-review-disable-next-line personal-data-logged\nconsole.log(req.ip);`, expect: [{ line: 1, sink: 'suppression-missing-reason' }] },
  {
    code: `// privacy-review-disable-next-line personal-data-logged -- triage until=2026-01-01\nconsole.log(req.ip);`,
    expect: [{ line: 1, sink: 'suppression-expired' }, log(2, 'ip_address')],
  },
  { code: `// privacy-review-disable-next-line personal-data-logged -- triage until=2027-01-01\nconsole.log(req.ip);`, expect: [] },
]);
