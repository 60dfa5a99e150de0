/**
 * What a client gives to make a task repeat: an RFC 5545 RRULE (without DTSTART: the task's due
 * date is the start) and the IANA zone its local times are in. Until users have a preferred
 * zone, the zone comes with the rule; the preference will become its default.
 */
export interface RecurrenceInput {
  rule: string;
  timeZone: string;
}

/** A task's place in a series: the rule it repeats by and the series all its occurrences share. */
export interface TaskRecurrence extends RecurrenceInput {
  /** The id of the series' first task; with an occurrence's due date it identifies the occurrence. */
  seriesId: string;
}

export const sameRecurrence = (a: RecurrenceInput | null, b: RecurrenceInput | null): boolean =>
  a === b || (a !== null && b !== null && a.rule === b.rule && a.timeZone === b.timeZone);
