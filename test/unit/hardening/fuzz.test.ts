// The fuzz properties (fuzzProperties.ts) with a bounded number of cases and a fixed seed, so
// `npm test` stays fast and reproducible. A long run with a random seed: `npm run fuzz -- --runs 5000`.
import { PROPERTIES } from './fuzzProperties';

/** Cases per property in the unit suite; PRIVACY_REVIEW_FUZZ_RUNS raises it without editing. */
const RUNS: Record<string, number> = {
  'mutated fixture files through the engine': 150,
  'a mutated file inside its project through the workspace index': 25,
  'catalogs: arbitrary JSON, arbitrary text, and nearly valid ones': 300,
};
const SEED = 20_250_601;

describe('fuzzing: no exception escapes, every file finishes within its budget', function () {
  this.timeout(120_000);
  for (const property of PROPERTIES) {
    it(property.name, () => property.run({ runs: Number(process.env.PRIVACY_REVIEW_FUZZ_RUNS) || RUNS[property.name] || 100, seed: SEED }));
  }
});
