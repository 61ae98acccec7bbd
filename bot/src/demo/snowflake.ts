/** Discord snowflakes: milliseconds since the Discord epoch in the top 42 bits. */
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** A snowflake for an object created at `at`; `sequence` keeps ids unique within one millisecond. */
export function snowflakeAt(at: Date, sequence = 0): string {
  const ms = BigInt(at.getTime()) - DISCORD_EPOCH_MS;
  return ((ms << 22n) | BigInt(sequence & 0xfff)).toString();
}

/** When the object with this snowflake was created. */
export function snowflakeTime(id: string): Date {
  return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH_MS));
}

/** Hands out increasing, unique snowflakes for objects created now (interactions, new roles). */
export class SnowflakeSource {
  #sequence = 0;

  next(at: Date = new Date()): string {
    this.#sequence = (this.#sequence + 1) & 0xfff;
    return snowflakeAt(at, this.#sequence);
  }
}
