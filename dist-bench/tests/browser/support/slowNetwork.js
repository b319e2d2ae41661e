"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FAST_3G = void 0;
exports.throttle = throttle;
exports.FAST_3G = {
    offline: false,
    latency: 150,
    downloadThroughput: 1.6e6 / 8,
    uploadThroughput: 750e3 / 8,
};
/** Throttles `page` to `conditions` (default fast 3G) and starts metering it. Call before the page navigates. */
async function throttle(page, conditions = exports.FAST_3G) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { ...conditions });
    const finished = new Map();
    const cached = [];
    const urls = new Map();
    let frames = 0;
    let socketOpenedAt = null;
    cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
    cdp.on('Network.requestServedFromCache', (event) => cached.push(urls.get(event.requestId) ?? event.requestId));
    cdp.on('Network.responseReceived', (event) => {
        if (event.response.fromDiskCache || event.response.fromPrefetchCache)
            cached.push(event.response.url);
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
//# sourceMappingURL=slowNetwork.js.map