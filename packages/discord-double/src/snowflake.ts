/** Discord's epoch, the first second of 2015: snowflakes count milliseconds from it. */
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** A snowflake for an object created at `at`; `sequence` keeps ids unique within one millisecond. */
export function snowflakeAt(at: Date, sequence = 0): string {
  const ms = BigInt(at.getTime()) - DISCORD_EPOCH_MS;
  return ((ms << 22n) | BigInt(sequence & 0xfff)).toString();
}

/** Hands out increasing, unique snowflakes for objects created now (interactions, new roles). */
export class SnowflakeSource {
  #sequence = 0;

  next(at: Date = new Date()): string {
    this.#sequence = (this.#sequence + 1) & 0xfff;
    return snowflakeAt(at, this.#sequence);
  }
}
