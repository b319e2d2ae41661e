/**
 * Token buckets keyed by client address or conversation: `capacity` requests at once, then `refillPerSecond`.
 * Memory is bounded: idle buckets (full again) are dropped when the table grows past `maxKeys`.
 */
export interface RateLimit {
  capacity: number;
  refillPerSecond: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 50_000,
  ) {}

  take(key: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? this.newBucket(key, now);
    bucket.tokens = Math.min(this.limit.capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.limit.refillPerSecond);
    bucket.updatedAt = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.refillPerSecond));
    return { allowed: false, retryAfterSeconds };
  }

  private newBucket(key: string, now: number): Bucket {
    if (this.buckets.size >= this.maxKeys) this.dropIdle(now);
    const bucket = { tokens: this.limit.capacity, updatedAt: now };
    this.buckets.set(key, bucket);
    return bucket;
  }

  private dropIdle(now: number): void {
    for (const [key, bucket] of this.buckets) {
      const refilled = bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.limit.refillPerSecond;
      if (refilled >= this.limit.capacity) this.buckets.delete(key);
    }
    // Still full means a flood from many addresses: forget the oldest half rather than grow without bound.
    if (this.buckets.size >= this.maxKeys) {
      let toDrop = Math.ceil(this.buckets.size / 2);
      for (const key of this.buckets.keys()) {
        if (toDrop-- <= 0) break;
        this.buckets.delete(key);
      }
    }
  }
}
