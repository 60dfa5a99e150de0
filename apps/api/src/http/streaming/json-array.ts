import { Readable } from 'node:stream';

/** A JSON array written one item at a time, so a long list never sits in memory whole. */
export function jsonArray<T>(items: AsyncIterable<T>, toJson: (item: T) => unknown): Readable {
  return Readable.from(
    (async function* json() {
      let first = true;
      yield '[';
      for await (const item of items) {
        yield `${first ? '\n' : ',\n'}${JSON.stringify(toJson(item))}`;
        first = false;
      }
      yield '\n]\n';
    })(),
    // Bytes, not objects: an HTTP reply and a ZIP entry both take it as it is.
    { objectMode: false },
  );
}
