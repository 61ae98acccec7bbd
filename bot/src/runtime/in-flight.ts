/** The interactions being handled now, so that shutdown can wait for them to finish. */
export class InFlight {
  readonly #pending = new Set<Promise<unknown>>();

  get size(): number {
    return this.#pending.size;
  }

  track(work: Promise<unknown>): void {
    const settled = work.finally(() => this.#pending.delete(settled));
    // Handlers catch their own errors; this only keeps a stray rejection from going unhandled.
    settled.catch(() => {});
    this.#pending.add(settled);
  }

  /** Resolves once everything tracked so far has settled. */
  async drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }
}
