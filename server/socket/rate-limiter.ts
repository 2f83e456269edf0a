// A token bucket per debtor connection: short bursts are fine, floods are refused.
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.refillPerSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * Token buckets shared by key: the debtor limit is per case, so ten connections on one link
 * share one bucket. In memory, hence per instance (README: "Rate limits"); idle buckets are
 * dropped once they would be full again so the map does not grow without bound.
 */
export class KeyedBuckets {
  private readonly buckets = new Map<string, { bucket: TokenBucket; last: number }>();

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): boolean {
    const t = this.now();
    this.sweep(t);
    let entry = this.buckets.get(key);
    if (!entry) {
      entry = { bucket: new TokenBucket(this.capacity, this.refillPerSecond, this.now), last: t };
      this.buckets.set(key, entry);
    }
    entry.last = t;
    return entry.bucket.take();
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(t: number): void {
    if (this.buckets.size < 1000) return;
    const idleMs = (this.capacity / this.refillPerSecond) * 1000;
    for (const [key, entry] of this.buckets) if (t - entry.last > idleMs) this.buckets.delete(key);
  }
}
