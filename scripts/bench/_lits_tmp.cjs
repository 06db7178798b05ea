const { parse, simpleTraverse } = require('@typescript-eslint/typescript-estree');
const fs = require('fs'), path = require('path');
const dir = process.argv[2];
const all = new Set();
for (const f of fs.readdirSync(dir)) {
  if (!f.endsWith('.ts')) continue;
  const ast = parse(fs.readFileSync(path.join(dir, f), 'utf8'), { loc: true, range: true });
  simpleTraverse(ast, { enter(n) { if (n.type === 'Literal' && typeof n.value === 'string' && /^[A-Za-z_$][\w$]*$/.test(n.value)) all.add(n.value); } }, true);
}
console.log([...all].sort().join(' '));
