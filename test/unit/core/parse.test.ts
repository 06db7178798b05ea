// parseSource reads comments only when the text may hold a tag the engine reads (`@pii`,
// `@retention`, a suppression): without one no comment can change a finding. The pre-check test
// compares findings on the corpora either way; readComments.test.ts compares the comments themselves.
import { strict as assert } from 'node:assert';
import { mayHoldCommentTags, parseSource } from '../../../src/core/parse';

describe('parse: comments only where a tag may be', () => {
  // text, whether comments are converted, how many the parse returns
  const cases: [string, boolean, number][] = [
    ['// @retention 30d\nlogger.info(user.email);', true, 1],
    ['/** @pii email */\nconst contact = x;', true, 1],
    ['// privacy-review-disable-next-line retention-missing -- test\nlogger.info(user.email);', true, 1],
    ["// a note\nconst note = 'see @retention docs';", true, 1],
    ['// log the user in\nlogger.info(user.email);', false, 0],
    ['/* eslint-disable */\nconst zipArchive = 1;', false, 0],
    ['', false, 0],
  ];
  for (const [text, converted, count] of cases) {
    it(`${JSON.stringify(text.split('\n')[0])} → comments ${converted ? 'converted' : 'skipped'}`, () => {
      assert.equal(mayHoldCommentTags(text), converted);
      const parsed = parseSource(text, 'case.ts');
      assert.ok(parsed.ok);
      assert.equal(parsed.comments.length, count);
    });
  }
});
