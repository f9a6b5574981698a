/** Bytes shown at most in the hex view: 4,096 lines of 16 are plenty to read, and stay fast. */
export const HEX_VIEW_MAX_BYTES = 64 * 1024;

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');

/**
 * The classic dump, 16 bytes a line: offset, the bytes in hex (a gap after eight), and the
 * printable ASCII ones as text (others as "."), as `xxd` and `hexdump -C` show them.
 */
export function hexDump(bytes: Uint8Array, maxBytes = HEX_VIEW_MAX_BYTES): string {
  const length = Math.min(bytes.length, maxBytes);
  const lines: string[] = [];
  for (let offset = 0; offset < length; offset += 16) {
    const row = bytes.subarray(offset, Math.min(offset + 16, length));
    let hexPart = '';
    let text = '';
    for (let i = 0; i < 16; i++) {
      const byte = row[i];
      hexPart += byte === undefined ? '   ' : `${hex(byte, 2)} `;
      if (i === 7) hexPart += ' ';
      if (byte !== undefined) text += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
    }
    lines.push(`${hex(offset, 8)}  ${hexPart} |${text}|`);
  }
  return lines.join('\n');
}
