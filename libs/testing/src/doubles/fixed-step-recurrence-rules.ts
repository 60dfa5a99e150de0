import { DomainValidationError, type NextOccurrence, type RecurrenceInput, RecurrenceRules } from '@primetrade/domain';

const STEP_MS = { DAILY: 86_400_000, WEEKLY: 7 * 86_400_000 } as const;

/**
 * A stand-in for the RRULE library in handler specs (the domain may not load it): understands
 * only `FREQ=DAILY|WEEKLY` with `INTERVAL` and `COUNT`, in fixed UTC steps. The real rules and
 * their daylight-saving behaviour are tested with the adapter in libs/infrastructure.
 */
export class FixedStepRecurrenceRules extends RecurrenceRules {
  check(input: RecurrenceInput): RecurrenceInput {
    this.parse(input.rule);
    return { rule: input.rule.toUpperCase(), timeZone: input.timeZone };
  }

  next(recurrence: RecurrenceInput, after: Date): NextOccurrence | null {
    const parts = this.parse(recurrence.rule);
    const count = parts.get('COUNT');
    if (count !== undefined && Number(count) <= 1) return null;
    const step = STEP_MS[parts.get('FREQ') as keyof typeof STEP_MS] * Number(parts.get('INTERVAL') ?? 1);
    if (count !== undefined) parts.set('COUNT', String(Number(count) - 1));
    return { dueDate: new Date(after.getTime() + step), rule: [...parts].map(([k, v]) => `${k}=${v}`).join(';') };
  }

  private parse(rule: string): Map<string, string> {
    const parts = new Map(
      rule
        .toUpperCase()
        .split(';')
        .map((p) => p.split('=') as [string, string]),
    );
    if (!((parts.get('FREQ') ?? '') in STEP_MS)) throw new DomainValidationError('recurrence.rule', `${rule}: not understood`);
    return parts;
  }
}
