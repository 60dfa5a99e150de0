import type { RecurrenceInput } from '../model/task-recurrence';

/** The occurrence after another: its due date and the rule it carries on with (COUNT counted down). */
export interface NextOccurrence {
  dueDate: Date;
  rule: string;
}

/**
 * RFC 5545 recurrence rules, interpreted in the rule's time zone: a 09:00 daily rule stays at
 * 09:00 local time across daylight-saving changes. A port because the arithmetic belongs to a
 * maintained library, not to the model.
 */
export abstract class RecurrenceRules {
  /**
   * The rule in its canonical form (upper case, no `RRULE:` prefix), or a DomainValidationError
   * naming `recurrence.rule` or `recurrence.timeZone` and the part that is wrong: a rule that does
   * not parse, names a DTSTART of its own, or fires more often than hourly; an unknown zone.
   */
  abstract check(input: RecurrenceInput): RecurrenceInput;

  /**
   * The first time the rule gives after `after`, with the rule anchored at `after` (the due date
   * of the occurrence being left behind); null when COUNT or UNTIL ends the series there.
   */
  abstract next(recurrence: RecurrenceInput, after: Date): NextOccurrence | null;
}
