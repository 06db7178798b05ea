const { parse } = require('@typescript-eslint/typescript-estree');
const fs = require('fs'), path = require('path');
const t0 = performance.now();
const files = [];
(function walk(d){ for (const e of fs.readdirSync(d,{withFileTypes:true})) { const p=path.join(d,e.name); if (e.isDirectory()) { if(!['node_modules','dist'].includes(e.name)) walk(p);} else if (/\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(p);} })(process.argv[2]);
let lines=0;
for (const f of files) { const text = fs.readFileSync(f,'utf8'); lines += text.split('\n').length; try { parse(text,{filePath:f,loc:true,range:true,comment:true,tokens:false,jsDocParsingMode:'none',loggerFn:false,errorOnUnknownASTType:false}); } catch(e){} }
console.log(files.length, lines, (performance.now()-t0).toFixed(0),'ms');
