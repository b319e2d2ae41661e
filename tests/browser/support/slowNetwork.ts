import type { CDPSession, Page } from 'playwright-core';

/**
 * A phone on a slow connection, as Chromium's DevTools "Fast 3G" profile has it (1.6 Mbps down, 750 kbps up, 150 ms
 * round trip), applied through the DevTools protocol to one page; and a meter of the bytes that page moves over the
 * network (what the throttled link carried: headers and compressed bodies, WebSocket frames included).
 * Used by the browser tests and by `bench/widgetLoad.ts`, so both measure the same thing.
 */

/** What `Network.emulateNetworkConditions` takes: latency in ms, throughputs in bytes a second. */
export interface NetworkConditions {
  offline: boolean;
  latency: number;
  downloadThroughput: number;
  uploadThroughput: number;
}

export const FAST_3G: NetworkConditions = {
  offline: false,
  latency: 150,
  downloadThroughput: 1.6e6 / 8,
  uploadThroughput: 750e3 / 8,
};

export interface ThrottledPage {
  cdp: CDPSession;
  /** Bytes received and sent over the network since the page was throttled (cache hits count zero). */
  bytesMoved(): number;
  /** Requests whose response came from the browser's cache (memory or disk), by URL. */
  fromCache(): string[];
  /** When the first WebSocket of the page finished its handshake (performance.now() of this process), or null. */
  webSocketOpenedAt(): number | null;
}

/** Throttles `page` to `conditions` (default fast 3G) and starts metering it. Call before the page navigates. */
export async function throttle(page: Page, conditions: NetworkConditions = FAST_3G): Promise<ThrottledPage> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { ...conditions });
  const finished = new Map<string, number>();
  const cached: string[] = [];
  const urls = new Map<string, string>();
  let frames = 0;
  let socketOpenedAt: number | null = null;
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  cdp.on('Network.requestServedFromCache', (event) => cached.push(urls.get(event.requestId) ?? event.requestId));
  cdp.on('Network.responseReceived', (event) => {
    if (event.response.fromDiskCache || event.response.fromPrefetchCache) cached.push(event.response.url);
  });
  cdp.on('Network.loadingFinished', (event) => finished.set(event.requestId, event.encodedDataLength));
  cdp.on('Network.webSocketHandshakeResponseReceived', () => {
    socketOpenedAt ??= performance.now();
  });
  cdp.on('Network.webSocketFrameReceived', (event) => (frames += event.response.payloadData.length));
  cdp.on('Network.webSocketFrameSent', (event) => (frames += event.response.payloadData.length));
  return {
    cdp,
    bytesMoved: () => [...finished.values()].reduce((sum, bytes) => sum + bytes, 0) + frames,
    fromCache: () => [...new Set(cached)],
    webSocketOpenedAt: () => socketOpenedAt,
  };
}
