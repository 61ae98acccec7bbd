/**
 * A reader for the protobuf wire format, enough to decode OTLP requests and pprof profiles
 * in the test receivers. @opentelemetry/otlp-transformer 0.300 serializes with its own
 * writer and ships neither .proto files nor request decoders, so the receivers read fields
 * by number (from opentelemetry-proto's trace, metrics, logs and common .proto files, and
 * google/pprof's profile.proto).
 */

export type FieldValue = bigint | Buffer;

/** Every field of one message, by field number, in wire order. */
export class WireMessage {
  constructor(private readonly fields: ReadonlyMap<number, readonly FieldValue[]>) {}

  static decode(bytes: Buffer): WireMessage {
    const fields = new Map<number, FieldValue[]>();
    let offset = 0;
    const varint = (): bigint => {
      let result = 0n;
      let shift = 0n;
      for (;;) {
        const byte = bytes[offset];
        if (byte === undefined) throw new Error('truncated varint');
        offset += 1;
        result |= BigInt(byte & 0x7f) << shift;
        if ((byte & 0x80) === 0) return result;
        shift += 7n;
      }
    };
    const take = (length: number): Buffer => {
      if (offset + length > bytes.length) throw new Error('truncated field');
      const slice = bytes.subarray(offset, offset + length);
      offset += length;
      return slice;
    };
    while (offset < bytes.length) {
      const key = Number(varint());
      const field = key >>> 3;
      const wireType = key & 7;
      const value =
        wireType === 0
          ? varint()
          : wireType === 1
            ? take(8)
            : wireType === 2
              ? take(Number(varint()))
              : wireType === 5
                ? take(4)
                : undefined;
      if (value === undefined) throw new Error(`unsupported wire type ${wireType}`);
      const list = fields.get(field) ?? [];
      list.push(value);
      fields.set(field, list);
    }
    return new WireMessage(fields);
  }

  has(field: number): boolean {
    return this.fields.has(field);
  }

  private last(field: number): FieldValue | undefined {
    return this.fields.get(field)?.at(-1);
  }

  private bytesOf(field: number): Buffer | undefined {
    const value = this.last(field);
    return Buffer.isBuffer(value) ? value : undefined;
  }

  messages(field: number): WireMessage[] {
    return (this.fields.get(field) ?? []).flatMap((value) =>
      Buffer.isBuffer(value) ? [WireMessage.decode(value)] : [],
    );
  }

  message(field: number): WireMessage | undefined {
    return this.messages(field).at(-1);
  }

  string(field: number): string {
    return this.bytesOf(field)?.toString('utf8') ?? '';
  }

  /** A repeated string field (pprof's string table). */
  strings(field: number): string[] {
    return (this.fields.get(field) ?? []).map((value) =>
      Buffer.isBuffer(value) ? value.toString('utf8') : '',
    );
  }

  hex(field: number): string {
    return this.bytesOf(field)?.toString('hex') ?? '';
  }

  /** varint (int32/int64/uint/enum/bool). */
  int(field: number): number {
    const value = this.last(field);
    return typeof value === 'bigint' ? Number(BigInt.asIntN(64, value)) : 0;
  }

  double(field: number): number {
    return this.bytesOf(field)?.readDoubleLE(0) ?? 0;
  }

  /** fixed64 / sfixed64. */
  fixed64(field: number): bigint {
    return this.bytesOf(field)?.readBigInt64LE(0) ?? 0n;
  }

  /** A packed repeated fixed64 or double field. */
  packed64(field: number, as: 'fixed64' | 'double'): number[] {
    const values: number[] = [];
    for (const chunk of this.fields.get(field) ?? []) {
      if (!Buffer.isBuffer(chunk)) continue;
      for (let at = 0; at + 8 <= chunk.length; at += 8) {
        values.push(as === 'double' ? chunk.readDoubleLE(at) : Number(chunk.readBigUInt64LE(at)));
      }
    }
    return values;
  }
}
