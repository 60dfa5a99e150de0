/** New identifiers for aggregates and sessions (time-ordered in the default adapter). */
export abstract class IdGenerator {
  abstract next(): string;
  /**
   * The same identifier for the same name, every time (UUIDv5 in the default adapter): an
   * occurrence of a recurring series is named by its series and due time, so a second attempt to
   * create it collides on the primary key in every store, sharded or not.
   */
  abstract derived(name: string): string;
}
