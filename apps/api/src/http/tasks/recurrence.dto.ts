import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export const RECURRENCE_RULE_MAX = 500;

const RULE_DESCRIPTION = [
  'An RFC 5545 RRULE without DTSTART (the due date is the first occurrence), e.g. `FREQ=DAILY`, `FREQ=WEEKLY;BYDAY=MO,WE`,',
  '`FREQ=MONTHLY;BYMONTHDAY=-1`, with `COUNT` or `UNTIL` to end the series. At most hourly: `FREQ=MINUTELY`/`SECONDLY` and',
  'several `BYMINUTE`/`BYSECOND` values are refused, as is anything that does not parse (a 400 naming the part).',
].join(' ');

const ZONE_DESCRIPTION =
  'The IANA time zone the rule runs in: a 09:00 daily task stays at 09:00 there across daylight-saving changes. ' +
  'Once users have a preferred time zone, it will be the default.';

/** How a task repeats, as a client sends it. */
export class RecurrenceRequestDto {
  @ApiProperty({ maxLength: RECURRENCE_RULE_MAX, description: RULE_DESCRIPTION, example: 'FREQ=WEEKLY;BYDAY=MO,WE' })
  @IsString()
  @MinLength(1)
  @MaxLength(RECURRENCE_RULE_MAX)
  rule!: string;

  @ApiProperty({ maxLength: 64, description: ZONE_DESCRIPTION, example: 'Europe/Berlin' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  timeZone!: string;
}

/** How a task repeats, as the API answers it. */
export class RecurrenceResponseDto {
  @ApiProperty({
    description: 'The RRULE in canonical form; COUNT counts down from one occurrence to the next',
    example: 'FREQ=WEEKLY;BYDAY=MO,WE',
  })
  rule!: string;

  @ApiProperty({ example: 'Europe/Berlin' }) timeZone!: string;

  @ApiProperty({ format: 'uuid', description: 'Shared by every occurrence of the series: the id of its first task' })
  seriesId!: string;
}

/** `DELETE /tasks/:id?series=true|false`. */
export class DeleteTaskQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description:
      'For an open occurrence of a recurring task: `false` (default) deletes this occurrence only and creates the next one in its place; ' +
      '`true` ends the series (no next occurrence; completed occurrences stay). Without effect on a one-off task.',
    example: 'true',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'series must be true or false' })
  series?: 'true' | 'false';
}
