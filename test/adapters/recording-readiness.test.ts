// Pairing a <Record> action with Twilio's "recording ready" callback, whichever comes first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecordingReadiness, recordingSidOf } from '../../adapters/recording-readiness';

describe('recording readiness', () => {
  it('a waiting turn goes on as soon as the callback says the file is ready', async () => {
    const readiness = new RecordingReadiness();
    const waiting = readiness.wait('RE1', 60_000);
    readiness.settle('RE1', 'completed');
    assert.equal(await waiting, 'completed');
  });

  it('a callback that came first is remembered for the action', async () => {
    const readiness = new RecordingReadiness();
    readiness.settle('RE2', 'absent');
    assert.equal(await readiness.wait('RE2', 60_000), 'absent');
  });

  it('says unknown when no callback came in time (it may have reached another instance)', async () => {
    const readiness = new RecordingReadiness();
    assert.equal(await readiness.wait('RE3', 5), 'unknown');
    readiness.settle('RE3', 'completed');
    assert.equal(await readiness.wait('RE3', 5), 'completed');
  });

  it('forgets callbacks after a minute', async () => {
    let now = 0;
    const readiness = new RecordingReadiness(() => now);
    readiness.settle('RE4', 'completed');
    now = 61_000;
    readiness.settle('RE5', 'completed');
    assert.equal(await readiness.wait('RE4', 1), 'unknown');
    assert.equal(await readiness.wait('RE5', 1), 'completed');
  });

  it("reads a recording's sid from Twilio's parameters or its URL", () => {
    const sid = `RE${'0f'.repeat(16)}`;
    assert.equal(recordingSidOf({ RecordingSid: sid }), sid);
    assert.equal(
      recordingSidOf({ RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/${sid}` }),
      sid,
    );
    assert.equal(recordingSidOf({ RecordingUrl: 'https://example.com/x' }), null);
    assert.equal(recordingSidOf({ RecordingSid: 'RE1; DROP' }), null);
  });
});
