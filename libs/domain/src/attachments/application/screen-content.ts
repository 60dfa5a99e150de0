import { AttachmentTooLargeError, EmptyAttachmentError, UnsupportedAttachmentTypeError } from '../model/attachment.errors';
import { type AttachmentContentType, SNIFF_BYTES, sniffContentType, TEXT_PLAIN, TextContentCheck } from '../model/content-type';
import type { FileContent } from '../ports/file-storage.port';

export interface ScreenedContent {
  readonly contentType: AttachmentContentType;
  /** The whole content, checked as it streams: throws AttachmentTooLargeError past the limit (and UnsupportedAttachmentTypeError when "text" turns binary). */
  readonly body: FileContent;
  /** Bytes that went through `body` so far. */
  size(): number;
}

/**
 * Reads just enough of an upload to sniff its type (refusing what is not allow-listed before a
 * byte is stored), then hands back the whole stream with the size limit enforced while it flows,
 * so an oversized upload is cut off at the limit instead of being buffered.
 */
export async function screenContent(source: FileContent, maxBytes: number): Promise<ScreenedContent> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
    if (headLength > maxBytes) throw new AttachmentTooLargeError(maxBytes);
  }
  if (headLength === 0) throw new EmptyAttachmentError();
  const contentType = sniffContentType(concat(head).subarray(0, SNIFF_BYTES));
  if (!contentType) throw new UnsupportedAttachmentTypeError();

  let size = 0;
  const text = contentType === TEXT_PLAIN ? new TextContentCheck() : null;
  const pass = (chunk: Uint8Array): Uint8Array => {
    size += chunk.length;
    if (size > maxBytes) throw new AttachmentTooLargeError(maxBytes);
    if (text && !text.push(chunk)) throw new UnsupportedAttachmentTypeError();
    return chunk;
  };
  async function* body(): AsyncGenerator<Uint8Array> {
    try {
      for (const chunk of head) yield pass(chunk);
      while (!done) {
        const next = await iterator.next();
        if (next.done) break;
        yield pass(next.value);
      }
      if (text && !text.end()) throw new UnsupportedAttachmentTypeError();
    } finally {
      // Stop the source (the request) when the consumer stops early or a limit was hit.
      if (!done) await iterator.return?.();
    }
  }
  return { contentType, body: body(), size: () => size };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
