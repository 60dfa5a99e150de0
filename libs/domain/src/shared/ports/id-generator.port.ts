/** New identifiers for aggregates and sessions (time-ordered in the default adapter). */
export abstract class IdGenerator {
  abstract next(): string;
}
