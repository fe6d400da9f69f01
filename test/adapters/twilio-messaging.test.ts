// The SMS / WhatsApp adapter over real HTTP with a scripted bot.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, sid, twilioPost, twimlTexts, type Harness } from './adapter-harness';

const ACCOUNT = `AC${'0'.repeat(32)}`;

function sms(from: string, body: string, extra: Record<string, string> = {}) {
  return {
    MessageSid: sid('SM'),
    AccountSid: ACCOUNT,
    From: from,
    To: '+33100000000',
    Body: body,
    NumMedia: '0',
    ...extra,
  };
}

function whatsapp(from: string, body: string) {
  return { ...sms(`whatsapp:${from}`, body), To: 'whatsapp:+33100000000' };
}

describe('Twilio messaging adapter (SMS and WhatsApp)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('turns an SMS into a turn of conversation sms:<phone> and answers with TwiML <Message>', async () => {
    const r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110001', 'bonjour'));
    assert.equal(r.status, 200);
    assert.match(r.type, /text\/xml/);
    assert.match(r.text, /^<\?xml[^>]*><Response><Message>echo: bonjour<\/Message><\/Response>$/);
    const a = h.bot.messages().find((m) => m.conversation?.id === 'sms:+33611110001');
    assert.equal(a?.channelId, 'sms');
    assert.equal(a?.from?.id, '+33611110001');
    assert.equal(a?.locale, 'fr-FR');
    assert.equal((a?.channelData as { raw: Record<string, string> } | undefined)?.raw.Body, 'bonjour');
  });

  it('treats whatsapp:+… senders as the same guest on the whatsapp channel, English for +44', async () => {
    const r = await twilioPost(h.base, '/twilio/messaging', whatsapp('+447700900001', 'hello'));
    assert.deepEqual(twimlTexts(r.text, 'Message'), ['echo: hello']);
    const a = h.bot.messages().find((m) => m.conversation?.id === 'whatsapp:+447700900001');
    assert.equal(a?.channelId, 'whatsapp');
    assert.equal(a?.from?.id, '+447700900001');
    assert.equal(a?.locale, 'en-US');
  });

  it('honours STOP and ARRET: recorded, no bot turn, an empty answer; START resumes', async () => {
    for (const [phone, word] of [
      ['+33611110002', 'STOP'],
      ['+33611110003', 'Arrêt'],
      ['+33611110004', ' stop. '],
    ]) {
      const before = h.bot.messages().length;
      const r = await twilioPost(h.base, '/twilio/messaging', sms(phone, word));
      assert.equal(r.status, 200);
      assert.match(r.text, /<Response\/>/, word);
      assert.equal(h.bot.messages().length, before, word);
      assert.equal(await h.optOuts.isOptedOut('sms', phone), true, word);
    }
    // Opted out: further messages are not answered.
    const before = h.bot.messages().length;
    let r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110002', 'une table pour 2'));
    assert.match(r.text, /<Response\/>/);
    assert.equal(h.bot.messages().length, before);
    r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110002', 'START'));
    assert.match(twimlTexts(r.text, 'Message')[0], /à nouveau/);
    assert.equal(await h.optOuts.isOptedOut('sms', '+33611110002'), false);
    r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110002', 'une table pour 2'));
    assert.deepEqual(twimlTexts(r.text, 'Message'), ['echo: une table pour 2']);
  });

  it('takes "CANCEL" alone as Twilio does, an opt-out; sentences with "stop" go to the bot', async () => {
    let r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110005', 'stop, je me suis trompé de jour'));
    assert.deepEqual(twimlTexts(r.text, 'Message'), ['echo: stop, je me suis trompé de jour']);
    r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110005', 'cancel my booking'));
    assert.deepEqual(twimlTexts(r.text, 'Message'), ['echo: cancel my booking']);
    const before = h.bot.messages().length;
    r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110005', 'CANCEL'));
    assert.match(r.text, /<Response\/>/);
    assert.equal(h.bot.messages().length, before);
    assert.equal(await h.optOuts.isOptedOut('sms', '+33611110005'), true);
  });

  it('"yes" is an answer to the bot, and opts back in only a guest who opted out', async () => {
    let r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110012', 'yes'));
    assert.deepEqual(twimlTexts(r.text, 'Message'), ['echo: yes']);
    await twilioPost(h.base, '/twilio/messaging', sms('+33611110012', 'QUIT'));
    assert.equal(await h.optOuts.isOptedOut('sms', '+33611110012'), true);
    r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110012', 'YES'));
    assert.match(twimlTexts(r.text, 'Message')[0], /à nouveau/);
    assert.equal(await h.optOuts.isOptedOut('sms', '+33611110012'), false);
  });

  it("answers HELP, INFO and AIDE: the restaurant's name, its number as the guest writes it, how to stop", async () => {
    const before = h.bot.messages().length;
    let r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110013', 'AIDE'));
    assert.deepEqual(twimlTexts(r.text, 'Message'), [
      'Le Petit Bistro : réservations par SMS et WhatsApp. Pour nous joindre, appelez le 01 40 00 00 00. ' +
        'Pour ne plus recevoir nos messages, répondez STOP.',
    ]);
    r = await twilioPost(h.base, '/twilio/messaging', sms('+447700900123', 'help'));
    assert.deepEqual(twimlTexts(r.text, 'Message'), [
      'Le Petit Bistro: table bookings by text and WhatsApp. To reach us, call +33 1 40 00 00 00. ' +
        'To stop receiving our messages, reply STOP.',
    ]);
    r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110013', 'Info'));
    assert.match(twimlTexts(r.text, 'Message')[0], /^Le Petit Bistro : réservations/);
    assert.equal(h.bot.messages().length, before, 'no bot turn for a help word');
    assert.equal(await h.optOuts.isOptedOut('sms', '+33611110013'), false);
  });

  it('answers a photo without text with a text message, without a bot turn', async () => {
    const before = h.bot.messages().length;
    const r = await twilioPost(
      h.base,
      '/twilio/messaging',
      sms('+33611110006', '', {
        NumMedia: '1',
        MediaUrl0: 'https://api.twilio.com/m/1',
        MediaContentType0: 'image/jpeg',
      }),
    );
    assert.match(twimlTexts(r.text, 'Message')[0], /que du texte/);
    assert.equal(h.bot.messages().length, before);
  });

  it('splits a long reply into messages at sentence ends, losing nothing', async () => {
    const r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110007', 'long'));
    const parts = twimlTexts(r.text, 'Message');
    assert.ok(parts.length >= 3, `${parts.length} parts`);
    for (const p of parts) {
      assert.ok(p.length <= 1600);
      assert.match(p, /milieu\.$/);
    }
    assert.equal(parts.join(' ').split('Voici').length - 1, 40);
  });

  it('says a person will get back to the guest on a handoff and raises the alert', async () => {
    const r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110008', 'handoff'));
    assert.match(twimlTexts(r.text, 'Message')[0], /recontacter/);
    for (let i = 0; i < 50 && h.handoffs.at(-1)?.conversationId !== 'sms:+33611110008'; i++)
      await new Promise((res) => setTimeout(res, 20));
    assert.equal(h.handoffs.at(-1)?.conversationId, 'sms:+33611110008');
  });

  it('answers a retried MessageSid with the first answer and runs the bot once, even concurrently', async () => {
    const m = sms('+33611110009', 'slow 150');
    const before = h.bot.messages().length;
    const [a, b] = await Promise.all([
      twilioPost(h.base, '/twilio/messaging', m),
      twilioPost(h.base, '/twilio/messaging', m),
    ]);
    const c = await twilioPost(h.base, '/twilio/messaging', m);
    assert.equal(a.text, b.text);
    assert.equal(a.text, c.text);
    assert.equal(h.bot.messages().length, before + 1);
  });

  it('refuses unsigned and tampered messages with 403 and changes nothing', async () => {
    const before = h.bot.messages().length;
    const m = sms('+33611110010', 'STOP');
    const unsigned = await twilioPost(h.base, '/twilio/messaging', m, { sign: false });
    assert.equal(unsigned.status, 403);
    const { twilioSignature } = await import('./adapter-harness');
    const signature = twilioSignature(`${h.base}/twilio/messaging`, m);
    const tampered = await twilioPost(h.base, '/twilio/messaging', { ...m, From: '+33611110099' }, { signature });
    assert.equal(tampered.status, 403);
    assert.equal(await h.optOuts.isOptedOut('sms', '+33611110010'), false);
    assert.equal(await h.optOuts.isOptedOut('sms', '+33611110099'), false);
    assert.equal(h.bot.messages().length, before);
  });

  it('gives 4xx, never 500, to missing fields, and copes with 10,000 characters and binary junk', async () => {
    const { MessageSid: _drop, ...noSid } = sms('+33611110011', 'bonjour');
    assert.equal((await twilioPost(h.base, '/twilio/messaging', noSid)).status, 400);
    assert.equal((await twilioPost(h.base, '/twilio/messaging', sms('not-a-phone', 'bonjour'))).status, 400);
    const { From: _from, ...noFrom } = sms('+33611110011', 'bonjour');
    assert.equal((await twilioPost(h.base, '/twilio/messaging', noFrom)).status, 400);

    const huge = await twilioPost(h.base, '/twilio/messaging', sms('+33611110012', 'table '.repeat(1700)));
    assert.equal(huge.status, 200);
    const seen = h.bot.messages().find((m) => m.conversation?.id === 'sms:+33611110012');
    assert.ok((seen?.text ?? '').length <= 1000);

    const junk = `${String.fromCharCode(...Array.from({ length: 300 }, (_, i) => (i * 37) % 256))}\uD800\uFFFE`;
    const r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110013', junk));
    assert.equal(r.status, 200);
    assert.match(r.text, /<Response>/);

    // A raw body that is not a form at all.
    const raw = await fetch(`${h.base}/twilio/messaging`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: Buffer.from([0, 255, 1, 254]),
    });
    assert.ok(raw.status >= 400 && raw.status < 500, String(raw.status));
  });
});

describe('Twilio messaging adapter with configured numbers and slow turns', () => {
  it("refuses messages to a number that is not the restaurant's with 404", async () => {
    const h = await startHarness({ ownNumbers: ['+33100000000'] });
    try {
      const ours = await twilioPost(h.base, '/twilio/messaging', sms('+33611110020', 'bonjour'));
      assert.equal(ours.status, 200);
      const wa = await twilioPost(h.base, '/twilio/messaging', whatsapp('+33611110020', 'bonjour'));
      assert.equal(wa.status, 200);
      const other = await twilioPost(h.base, '/twilio/messaging', {
        ...sms('+33611110020', 'bonjour'),
        To: '+33199999999',
      });
      assert.equal(other.status, 404);
      assert.equal(JSON.parse(other.text).error, 'unknown_number');
    } finally {
      await h.close();
    }
  });

  it('with Advanced Opt-Out, "CANCEL" goes to the bot, and OptOutType=STOP on it records the opt-out', async () => {
    const h = await startHarness({ advancedOptOut: true });
    try {
      let r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110022', 'CANCEL'));
      assert.deepEqual(twimlTexts(r.text, 'Message'), ['echo: CANCEL']);
      assert.equal(await h.optOuts.isOptedOut('sms', '+33611110022'), false);
      const before = h.bot.messages().length;
      r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110022', 'CANCEL', { OptOutType: 'STOP' }));
      assert.match(r.text, /<Response\/>/);
      assert.equal(h.bot.messages().length, before);
      assert.equal(await h.optOuts.isOptedOut('sms', '+33611110022'), true);
      // HELP flagged by Twilio: the Messaging Service's own help reply answers it, once.
      r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110023', 'HELP', { OptOutType: 'HELP' }));
      assert.match(r.text, /<Response\/>/);
      // Without the flag (a word the service does not know), Maître answers.
      r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110023', 'AIDE'));
      assert.match(twimlTexts(r.text, 'Message')[0], /^Le Petit Bistro : réservations/);
      // Twilio confirms the opt-in itself when OptOutType says START: nothing said twice.
      r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110022', 'UNSTOP', { OptOutType: 'START' }));
      assert.match(r.text, /<Response\/>/);
      assert.equal(await h.optOuts.isOptedOut('sms', '+33611110022'), false);
    } finally {
      await h.close();
    }
  });

  it('answers empty within the budget and hands a slow reply to the late sender', async () => {
    const h = await startHarness({ turnBudgetMs: 50 });
    try {
      const r = await twilioPost(h.base, '/twilio/messaging', sms('+33611110021', 'slow 200'));
      assert.match(r.text, /<Response\/>/);
      for (let i = 0; i < 50 && !h.lateReplies.length; i++) await new Promise((res) => setTimeout(res, 100));
      assert.deepEqual(h.lateReplies, [
        { channel: 'sms', to: '+33611110021', from: '+33100000000', texts: ['echo: slow 200'] },
      ]);
    } finally {
      await h.close();
    }
  });
});
