// Every utterance of the understanding corpus must be read exactly as labelled (100 %).
// `npm run eval:understanding` prints the accuracy per class and language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, describeFailure, loadCorpus, runCorpus } from './corpus';

for (const lang of LANGS) {
  test(`understanding corpus (${lang}): every labelled utterance is read as labelled`, () => {
    const corpus = loadCorpus(lang);
    assert.ok(corpus.entries.length > 0, 'the corpus is empty');
    const failures = runCorpus(corpus).filter((o) => !o.ok);
    assert.equal(
      failures.length,
      0,
      `${failures.length} of ${corpus.entries.length} utterances misread:\n${failures.map(describeFailure).join('\n')}`,
    );
  });
}

test('the corpus labels every utterance with a class, a goal and dates in the future', () => {
  for (const lang of LANGS) {
    const corpus = loadCorpus(lang);
    const texts = new Set<string>();
    for (const e of corpus.entries) {
      assert.ok(e.class && e.text && e.expect?.goal, `incomplete entry: ${JSON.stringify(e)}`);
      assert.ok(!texts.has(`${e.expecting}|${e.text}`), `duplicate utterance: ${e.text}`);
      texts.add(`${e.expecting}|${e.text}`);
      if (e.expect.date) assert.ok(e.expect.date >= corpus.now.slice(0, 10), `date in the past: ${e.text}`);
    }
  }
});
