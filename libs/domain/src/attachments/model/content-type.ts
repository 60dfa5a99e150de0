/** The content types an attachment may have: each recognised from its bytes, never from the client. */
export const ALLOWED_CONTENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain; charset=utf-8',
] as const;
export type AttachmentContentType = (typeof ALLOWED_CONTENT_TYPES)[number];
export const TEXT_PLAIN: AttachmentContentType = 'text/plain; charset=utf-8';

/** How many leading bytes the sniffer wants before it decides (fewer only when the file is shorter). */
export const SNIFF_BYTES = 512;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

const MAGIC: readonly { type: AttachmentContentType; test(bytes: Uint8Array): boolean }[] = [
  { type: 'image/png', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { type: 'image/gif', test: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { type: 'image/webp', test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { type: 'application/pdf', test: (b) => startsWith(b, ascii('%PDF-')) },
];

/**
 * The allow-listed type of a file from its first bytes, or null when it is none of them.
 * `head` is the first SNIFF_BYTES bytes (or the whole file when shorter). Binary formats are
 * matched by their magic numbers; anything else is text only when it is UTF-8 without control
 * characters other than tab, line feed, form feed and carriage return — and TextContentCheck
 * must then confirm that for the rest of the file.
 */
export function sniffContentType(head: Uint8Array): AttachmentContentType | null {
  if (head.length === 0) return null;
  const binary = MAGIC.find((m) => m.test(head));
  if (binary) return binary.type;
  const check = new TextContentCheck();
  return check.push(head) ? TEXT_PLAIN : null;
}

// eslint-disable-next-line no-control-regex
const DISALLOWED_TEXT_CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

/**
 * Streaming check that bytes are UTF-8 text: a multi-byte character split across chunks is
 * fine; an invalid sequence or a control character (NUL, ESC, DEL …) is not.
 */
export class TextContentCheck {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

  /** False as soon as the bytes are not text. */
  push(chunk: Uint8Array): boolean {
    try {
      return !DISALLOWED_TEXT_CONTROLS.test(this.decoder.decode(chunk, { stream: true }));
    } catch {
      return false;
    }
  }

  /** False when the file ends inside a multi-byte character. */
  end(): boolean {
    try {
      this.decoder.decode();
      return true;
    } catch {
      return false;
    }
  }
}
