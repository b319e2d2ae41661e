"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RateLimiter = void 0;
class RateLimiter {
    limit;
    now;
    maxKeys;
    buckets = new Map();
    constructor(limit, now = Date.now, maxKeys = 50_000) {
        this.limit = limit;
        this.now = now;
        this.maxKeys = maxKeys;
    }
    take(key) {
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
    newBucket(key, now) {
        if (this.buckets.size >= this.maxKeys)
            this.dropIdle(now);
        const bucket = { tokens: this.limit.capacity, updatedAt: now };
        this.buckets.set(key, bucket);
        return bucket;
    }
    dropIdle(now) {
        for (const [key, bucket] of this.buckets) {
            const refilled = bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.limit.refillPerSecond;
            if (refilled >= this.limit.capacity)
                this.buckets.delete(key);
        }
        // Still full means a flood from many addresses: forget the oldest half rather than grow without bound.
        if (this.buckets.size >= this.maxKeys) {
            let toDrop = Math.ceil(this.buckets.size / 2);
            for (const key of this.buckets.keys()) {
                if (toDrop-- <= 0)
                    break;
                this.buckets.delete(key);
            }
        }
    }
}
exports.RateLimiter = RateLimiter;
//# sourceMappingURL=rateLimiter.js.map