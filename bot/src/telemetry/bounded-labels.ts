/**
 * A label that keeps the first `limit` distinct values it sees and maps every later new
 * value to `fallback`, so a misbehaving peer cannot grow the number of metric series.
 */
export class BoundedLabels {
  readonly #seen = new Set<string>();

  constructor(
    private readonly limit: number,
    private readonly fallback: string,
  ) {}

  label(value: string): string {
    if (this.#seen.has(value)) return value;
    if (this.#seen.size >= this.limit) return this.fallback;
    this.#seen.add(value);
    return value;
  }
}
