// A per-minute token bucket (requests/min or tokens/min). Reservations may drive the level below
// zero: the caller waits until the refill covers the debt, so waiting callers are served in the
// order they reserved and a request larger than the whole bucket still gets through (once full).
export class TokenBucket {
  private level: number;
  private updatedAt: number;
  private readonly perMs: number;

  constructor(
    readonly perMinute: number,
    now: number,
  ) {
    if (!(perMinute > 0)) throw new Error(`TokenBucket needs a positive limit, got ${perMinute}`);
    this.level = perMinute;
    this.updatedAt = now;
    this.perMs = perMinute / 60_000;
  }

  /** Takes `amount` now; returns how long (ms) the caller must wait before acting. */
  reserve(amount: number, now: number): number {
    this.refill(now);
    // Never let one huge request put the bucket more than one minute into debt.
    this.level -= Math.min(amount, this.perMinute);
    return this.level >= 0 ? 0 : Math.ceil(-this.level / this.perMs);
  }

  /** Gives back (positive) or takes more (negative), e.g. once the real usage is known. */
  adjust(amount: number, now: number): void {
    this.refill(now);
    this.level = Math.min(this.perMinute, this.level + amount);
  }

  available(now: number): number {
    this.refill(now);
    return this.level;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt);
    this.level = Math.min(this.perMinute, this.level + elapsed * this.perMs);
    this.updatedAt = now;
  }
}
