/**
 * A plain async queue for one subscriber, cheaper than a general stream (no promise per push unless
 * the reader waits): timer ticks are pushed once a second to every subscriber. A reader that falls
 * behind keeps the newest `queueMax` events.
 */
export class EventChannel<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private done = false;
  private resolveClosed!: () => void;

  constructor(private readonly queueMax = 100) {}

  get isClosed(): boolean {
    return this.done;
  }

  /** Settles when the channel is closed (by the reader or by the source). */
  readonly closed = new Promise<void>((resolve) => (this.resolveClosed = resolve));

  push(value: T): void {
    if (this.done) return;
    if (this.waiting) {
      const waiting = this.waiting;
      this.waiting = null;
      waiting({ value, done: false });
      return;
    }
    if (this.queue.length >= this.queueMax) this.queue.shift();
    this.queue.push(value);
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    this.queue.length = 0;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = null;
    this.resolveClosed();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
