import { createHash } from 'node:crypto';

// Nix archive (NAR) serialisation, as `nix-store --dump` writes it, of a directory that holds
// only regular, non-executable files: enough to predict the output hash of a fixed-output
// derivation whose result is such a directory (nix/npm-deps.nix) without running Nix.

function narString(value: string | Uint8Array): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(bytes.length));
  const padding = Buffer.alloc((8 - (bytes.length % 8)) % 8);
  return Buffer.concat([length, bytes, padding]);
}

export function narOfFlatDirectory(files: ReadonlyMap<string, Uint8Array>): Buffer {
  // NAR orders entries by the bytes of their names.
  const names = [...files.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const parts = ['nix-archive-1', '(', 'type', 'directory'].map(narString);
  for (const name of names) {
    const contents = files.get(name) ?? new Uint8Array();
    parts.push(
      ...['entry', '(', 'name', name, 'node', '(', 'type', 'regular', 'contents'].map(narString),
      narString(contents),
      ...[')', ')'].map(narString),
    );
  }
  parts.push(narString(')'));
  return Buffer.concat(parts);
}

/** The SRI sha256 of the NAR, as Nix expects in `outputHash` with `outputHashMode = "recursive"`. */
export function narHashOfFlatDirectory(files: ReadonlyMap<string, Uint8Array>): string {
  return `sha256-${createHash('sha256').update(narOfFlatDirectory(files)).digest('base64')}`;
}
