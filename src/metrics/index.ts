/** Prometheus metrics (GET /metrics when METRICS=true): one registry per application. */
export { createMetrics, channelLabel, routeGroup, type Metrics, type TurnOutcome, type DirectLineStats } from './metrics';
export { instrumentStore } from './instrumentedStore';
