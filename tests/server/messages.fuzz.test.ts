import { generateFuzzRequests, sendFuzzRequests, statusHistogram, type FuzzOutcome } from '../helpers/activityFuzz';
import { startBareEchoServer } from '../helpers/echoBot';
import { jailToLoopback } from '../helpers/networkJail';
import { ServiceUrlReceiver } from '../helpers/serviceUrlReceiver';
import { startTestBot, type TestBot } from '../helpers/transcript';

/**
 * Thousands of generated hostile requests against the real application on a real socket: none may be answered
 * with a 5xx, and the bot must still answer a real message afterwards. The same requests are then sent to the
 * botbuilder samples' bare stack, and its 5xx count is printed for comparison (not asserted).
 */
const REQUEST_COUNT = 3000;
const SEED = Number(process.env.FUZZ_SEED ?? 20_240_611);

const describeOutcome = (outcome: FuzzOutcome) => `${outcome.status} ${outcome.request.label} → ${outcome.body.slice(0, 160)}`;

describe('POST /api/messages under thousands of malformed requests', () => {
  let bot: TestBot;
  let botUrl: string;
  let receiver: ServiceUrlReceiver;
  let unjail: () => void;

  beforeAll(async () => {
    unjail = jailToLoopback();
    receiver = await ServiceUrlReceiver.start();
    bot = await startTestBot();
    const port = await bot.app.http.listen(0, '127.0.0.1');
    botUrl = `http://127.0.0.1:${port}/api/messages`;
  });
  afterAll(async () => {
    await bot?.stop();
    await receiver?.close();
    unjail?.();
  });

  test(`${REQUEST_COUNT} fuzzed requests: no 5xx, every one answered, and the bot still answers afterwards`, async () => {
    const requests = generateFuzzRequests({ count: REQUEST_COUNT, seed: SEED, serviceUrl: receiver.serviceUrl });
    const outcomes = await sendFuzzRequests(botUrl, requests);
    process.stdout.write(`\nfuzz (seed ${SEED}) against Maillage: ${JSON.stringify(statusHistogram(outcomes))}\n`);

    expect(outcomes.filter((outcome) => outcome.status >= 500).map(describeOutcome)).toEqual([]);
    // Raw malformed HTTP may be cut off by Node's parser; every well-formed HTTP request gets an answer.
    expect(outcomes.filter((outcome) => !outcome.request.raw && outcome.status === 0).map(describeOutcome)).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.status >= 400 && outcome.status < 500).length).toBeGreaterThan(REQUEST_COUNT / 2);

    receiver.clear();
    const conversationId = `after-fuzz-${Date.now()}`;
    const response = await fetch(botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'after-fuzz-1',
        text: 'qui pilote la PA 3.2.1 ?',
        channelId: 'test',
        serviceUrl: receiver.serviceUrl,
        conversation: { id: conversationId },
        from: { id: 'user-after' },
        recipient: { id: 'bot' },
        locale: 'fr-FR',
      }),
    });
    expect(response.status).toBe(200);
    const replies = await receiver.waitForReplies(conversationId);
    expect(replies[0]?.activity.type).toBe('message');
  }, 240_000);

  test('the bare botbuilder stack on the same requests (measured, not asserted)', async () => {
    const requests = generateFuzzRequests({ count: REQUEST_COUNT, seed: SEED, serviceUrl: receiver.serviceUrl });
    // restify's bodyParser throws from a zlib stream on a gzip/deflate body that is not compressed: the whole
    // process dies. Those requests are counted, not sent.
    const crashing = requests.filter((request) => /gzip|deflate/i.test(request.headers['content-encoding'] ?? ''));
    const sendable = requests.filter((request) => !crashing.includes(request));
    const quiet = { error: console.error, warn: console.warn };
    console.error = () => undefined; // the bare adapter prints every failure with console.error
    console.warn = () => undefined;
    const bare = await startBareEchoServer();
    try {
      const outcomes = await sendFuzzRequests(bare.url, sendable);
      const histogram = statusHistogram(outcomes);
      const fiveXX = outcomes.filter((outcome) => outcome.status >= 500).length;
      process.stdout.write(
        `fuzz (seed ${SEED}) against the bare botbuilder stack: ${JSON.stringify(histogram)}; ${fiveXX} answered 5xx ` +
          `(${histogram['500'] ?? 0} with 500), and ${crashing.length} more not sent because they crash its process\n`,
      );
    } finally {
      await bare.close();
      console.error = quiet.error;
      console.warn = quiet.warn;
    }
  }, 240_000);
});
