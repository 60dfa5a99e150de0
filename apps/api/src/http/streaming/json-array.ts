import { Readable } from 'node:stream';

/** Items are written in chunks of about this many characters: one write per item is slow to compress and send. */
const CHUNK = 64 * 1024;

/** A JSON array written a chunk of items at a time, so a long list never sits in memory whole. */
export function jsonArray<T>(items: AsyncIterable<T>, toJson: (item: T) => unknown): Readable {
  return Readable.from(
    (async function* json() {
      let chunk = '[';
      let first = true;
      for await (const item of items) {
        chunk += `${first ? '\n' : ',\n'}${JSON.stringify(toJson(item))}`;
        first = false;
        if (chunk.length >= CHUNK) {
          yield chunk;
          chunk = '';
        }
      }
      yield `${chunk}\n]\n`;
    })(),
    // Bytes, not objects: an HTTP reply and a ZIP entry both take it as it is.
    { objectMode: false },
  );
}
