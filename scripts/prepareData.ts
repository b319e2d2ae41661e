import { prepareCompressed, preparedWebChatDir, webChatBundlePath } from '../src/directline/staticAssets';
import { loadCommuneTable } from '../src/geo/communeCache';

/**
 * Run by `npm run build`: derives the communes (official list + GeoNames coordinates) into `data/communes.json`
 * once, so that starting the bot reads a ready file instead of building it; and compresses Web Chat's bundle (brotli
 * at quality 11 takes about 10 s) into `data/webchat/`, so that the widget's first visitor gets it with brotli. Each
 * does nothing when its file is current.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const table = loadCommuneTable();
  const ms = Math.round(performance.now() - started);
  if (ms > 1500) console.log(`Communes prepared (${table.count}) in ${ms} ms.`);

  const compressing = performance.now();
  try {
    const webChat = await prepareCompressed(webChatBundlePath(), preparedWebChatDir());
    if (webChat.written) console.log(`Web Chat's bundle compressed (brotli, gzip) in ${Math.round(performance.now() - compressing)} ms.`);
  } catch (error) {
    // Not fatal: the server then compresses it in the background, and serves gzip meanwhile.
    console.warn(`Web Chat's bundle could not be compressed ahead: ${error instanceof Error ? error.message : String(error)}`);
  }
}

main().catch((error: unknown) => {
  console.error('preparing data failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
