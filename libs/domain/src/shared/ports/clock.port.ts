/** The current time, injectable so that handlers and tests agree on "now". */
export abstract class Clock {
  abstract now(): Date;
}
