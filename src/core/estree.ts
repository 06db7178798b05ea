// typescript-estree, loaded on first use. It brings TypeScript, whose start-up is ~0.15 s of every
// run; a run that parses nothing (every file answered by the scan cache, `--version`, `--help`)
// never pays it. Everything in src/ takes the parser's functions from here, types from the package.
import type * as TypescriptEstree from '@typescript-eslint/typescript-estree';

let loaded: typeof TypescriptEstree | undefined;

function typescriptEstree(): typeof TypescriptEstree {
  // A require at the call, not an import: the bundler keeps the module's start-up lazy until then.
  return (loaded ??= require('@typescript-eslint/typescript-estree') as typeof TypescriptEstree);
}

export const parse: typeof TypescriptEstree.parse = (code, options) => typescriptEstree().parse(code, options);

export const simpleTraverse: typeof TypescriptEstree.simpleTraverse = (startingNode, options, setParentPointers) =>
  typescriptEstree().simpleTraverse(startingNode, options, setParentPointers);
