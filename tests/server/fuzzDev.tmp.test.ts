import { generateFuzzRequests, sendFuzzRequests, statusHistogram } from '../helpers/activityFuzz';
import { startBareEchoServer, startGuardedEchoServer } from '../helpers/echoBot';
import { silentLog } from '../helpers/logCapture';
import { jailToLoopback } from '../helpers/networkJail';
import { ServiceUrlReceiver } from '../helpers/serviceUrlReceiver';

test('dev fuzz', async () => {
  const unjail = jailToLoopback();
  try {
  const receiver = await ServiceUrlReceiver.start();
  const requests = generateFuzzRequests({ count: Number(process.env.FUZZ_N ?? 3000), seed: 42, serviceUrl: receiver.serviceUrl });
  const labels: Record<string, number> = {};
  for (const r of requests) { const k = r.label.split(' ')[0] ?? ''; labels[k] = (labels[k] ?? 0) + 1; }
  console.log(labels);
  const guarded = await startGuardedEchoServer(silentLog);
  let t = performance.now();
  process.stderr.write('start guarded\n');
  const out = await sendFuzzRequests(guarded.url, requests);
  process.stderr.write('done guarded\n');
  console.log('guarded', statusHistogram(out), Math.round(performance.now() - t));
  for (const o of out.filter((o) => o.status >= 500 || o.status === 0).slice(0, 40)) console.log(o.status, o.request.label, o.body.slice(0, 100), o.error);
  await guarded.close();
  const origErr = console.error; const origWarn = console.warn; console.error = () => {}; console.warn = () => {};
  const bare = await startBareEchoServer();
  t = performance.now();
  const safe = requests.filter((r) => !/gzip|deflate/.test(r.headers['content-encoding'] ?? ''));
  const bareOut = await sendFuzzRequests(bare.url, safe);
  console.error = origErr; console.warn = origWarn;
  console.log('bare', statusHistogram(bareOut), Math.round(performance.now() - t));
  await bare.close();
  await receiver.close();
  } finally { unjail(); }
}, 300000);
