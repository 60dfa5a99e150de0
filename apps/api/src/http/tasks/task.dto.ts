import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  TASK_LIMITS,
  TASK_PAGE_LIMIT,
  TASK_PRIORITIES,
  TASK_STATUSES,
  TASK_TIMELINE_DAYS,
  TASK_FILTER_LIMITS,
  type TaskFilterExpression,
  TaskFilterInvalidError,
  type TaskPriority,
  type TaskStatus,
} from '@primetrade/domain';
import { FAST_PARSE } from '../problem/fast-parse';
import { parseTaskFilter } from './filter/task-filter.parser';
import { RecurrenceRequestDto, RecurrenceResponseDto } from './recurrence.dto';
import { parseCreateTaskBody } from './task-body.parser';
import { ORDERS, parseListTasksQuery, parseTaskTimelineQuery, SORTS, toDate, toList } from './task-query.parser';

export class CreateTaskRequestDto {
  @ApiProperty({ minLength: 1, maxLength: TASK_LIMITS.titleMax, example: 'Prepare the quarterly report' })
  @IsString()
  @MinLength(1)
  @MaxLength(TASK_LIMITS.titleMax)
  title!: string;

  @ApiPropertyOptional({ maxLength: TASK_LIMITS.descriptionMax, example: 'Numbers from finance first.' })
  @IsOptional()
  @IsString()
  @MaxLength(TASK_LIMITS.descriptionMax)
  description?: string;

  @ApiPropertyOptional({ enum: ['todo', 'in_progress'], default: 'todo' })
  @IsOptional()
  @IsIn(['todo', 'in_progress'])
  status?: TaskStatus;

  @ApiPropertyOptional({ enum: TASK_PRIORITIES, default: 'medium' })
  @IsOptional()
  @IsIn(TASK_PRIORITIES)
  priority?: TaskPriority;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: '2026-12-01T09:00:00.000Z' })
  @IsOptional()
  @Transform(toDate)
  @IsDate({ message: 'dueDate must be an ISO 8601 date-time' })
  dueDate?: Date | null;

  @ApiPropertyOptional({ type: [String], maxItems: TASK_LIMITS.tagsMax, example: ['work', 'finance'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TASK_LIMITS.tagsMax)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(TASK_LIMITS.tagMax, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ type: RecurrenceRequestDto, nullable: true, description: 'Makes the task repeat; it then needs a dueDate' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @ValidateNested()
  @Type(() => RecurrenceRequestDto)
  recurrence?: RecurrenceRequestDto | null;

  /** A create's body without class-transformer and class-validator when it is plainly valid. */
  static [FAST_PARSE](value: unknown): CreateTaskRequestDto | undefined {
    const fields = parseCreateTaskBody(value);
    return fields && Object.assign(new CreateTaskRequestDto(), fields);
  }
}

export class UpdateTaskRequestDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: TASK_LIMITS.titleMax })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(TASK_LIMITS.titleMax)
  title?: string;

  @ApiPropertyOptional({ maxLength: TASK_LIMITS.descriptionMax })
  @IsOptional()
  @IsString()
  @MaxLength(TASK_LIMITS.descriptionMax)
  description?: string;

  @ApiPropertyOptional({ enum: TASK_STATUSES, description: 'Moving a completed or cancelled task back to todo reopens it' })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: TaskStatus;

  @ApiPropertyOptional({ enum: TASK_PRIORITIES })
  @IsOptional()
  @IsIn(TASK_PRIORITIES)
  priority?: TaskPriority;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'null removes the due date' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @Transform(toDate)
  @IsDate({ message: 'dueDate must be an ISO 8601 date-time or null' })
  dueDate?: Date | null;

  @ApiPropertyOptional({ type: [String], maxItems: TASK_LIMITS.tagsMax })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TASK_LIMITS.tagsMax)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(TASK_LIMITS.tagMax, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ type: RecurrenceRequestDto, nullable: true, description: 'Starts or changes the repeating; null stops it' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @ValidateNested()
  @Type(() => RecurrenceRequestDto)
  recurrence?: RecurrenceRequestDto | null;
}

const FILTER_DESCRIPTION = [
  'A filter expression, AND-ed with the other parameters. Fields: `title`, `description` (`= != ~ !~`, `~` contains,',
  'case-insensitive), `status`, `tag` (`= !=`), `priority` (`= != < <= > >=`, low < medium < high < urgent), `due`,',
  '`created`, `updated`, `completed` (`= != < <= > >=` with `YYYY-MM-DD` = that UTC day, an ISO instant, `now`, `today`,',
  '`now + 3d`, `today - 2w`; units h, d, w); `due`, `completed`, `tag` also `is null` / `is not null`. Combine with',
  '`and`, `or`, `not` and parentheses; quote text with spaces or keywords: `title ~ "weekly report"`. A bad expression',
  'is a 400 `TASK.FILTER_INVALID` with `position` (0-based), `line`, `column` and `expected`.',
].join(' ');

const FILTER_EXAMPLES = {
  combined: {
    summary: 'Urgent work that is not done',
    value: 'priority >= high and (tag = work or due < 2026-12-01) and status != completed and title ~ "report"',
  },
  relative: { summary: 'Due within three days', value: 'due >= now and due < now + 3d' },
  missing: { summary: 'Open tasks without a due date', value: 'due is null and not (status = completed or status = cancelled)' },
};

/** Blank means no filter; anything else is parsed here, so a bad one is a 400 naming its position. */
const toFilter = ({ value }: { value: unknown }): TaskFilterExpression | undefined => {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
  if (typeof value !== 'string') throw TaskFilterInvalidError.at('', 0, [], 'Give one filter parameter; combine conditions with and/or.');
  return parseTaskFilter(value);
};

export class ListTasksQueryDto {
  @ApiPropertyOptional({ enum: TASK_STATUSES, isArray: true, description: 'Repeat or comma-separate for several' })
  @IsOptional()
  @Transform(toList)
  @IsIn(TASK_STATUSES, { each: true })
  status?: TaskStatus[];

  @ApiPropertyOptional({ enum: TASK_PRIORITIES, isArray: true, description: 'Repeat or comma-separate for several' })
  @IsOptional()
  @Transform(toList)
  @IsIn(TASK_PRIORITIES, { each: true })
  priority?: TaskPriority[];

  @ApiPropertyOptional({ maxLength: TASK_LIMITS.tagMax })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(TASK_LIMITS.tagMax)
  tag?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Due strictly before' })
  @IsOptional()
  @Transform(toDate)
  @IsDate({ message: 'dueBefore must be an ISO 8601 date-time' })
  dueBefore?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Due strictly after' })
  @IsOptional()
  @Transform(toDate)
  @IsDate({ message: 'dueAfter must be an ISO 8601 date-time' })
  dueAfter?: Date;

  @ApiPropertyOptional({ type: Boolean, description: 'Only open tasks past their due date' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'The archive instead of the current tasks: completed tasks unchanged for ARCHIVE_AFTER (90 days by default), ' +
      'with the same filters, search, sorts and cursors; POST /tasks/{id}/restore brings one back',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  archived?: boolean;

  @ApiPropertyOptional({ maxLength: 200, description: 'Text in title or description (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: TASK_FILTER_LIMITS.maxLength,
    description: FILTER_DESCRIPTION,
    examples: FILTER_EXAMPLES,
  })
  @IsOptional()
  @Transform(toFilter)
  filter?: TaskFilterExpression;

  @ApiPropertyOptional({ enum: SORTS, default: 'createdAt' })
  @IsOptional()
  @IsIn(SORTS)
  sort?: (typeof SORTS)[number];

  @ApiPropertyOptional({ enum: ORDERS, default: 'desc' })
  @IsOptional()
  @IsIn(ORDERS)
  order?: (typeof ORDERS)[number];

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: TASK_PAGE_LIMIT.max, default: TASK_PAGE_LIMIT.default })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(TASK_PAGE_LIMIT.max)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page’s nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  /** The list's query string without class-transformer and class-validator when it is plainly valid. */
  static [FAST_PARSE](value: unknown): ListTasksQueryDto | undefined {
    const fields = parseListTasksQuery(value);
    return fields && Object.assign(new ListTasksQueryDto(), fields);
  }
}

export class TaskResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Empty string when there is none' }) description!: string;
  @ApiProperty({ enum: TASK_STATUSES }) status!: TaskStatus;
  @ApiProperty({ enum: TASK_PRIORITIES }) priority!: TaskPriority;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueDate!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ description: 'Increases with every change; also sent as the ETag' }) version!: number;
  // Not `required` in the schema only so that clients (and their fixtures) written before recurring
  // tasks keep compiling; the API always sends it.
  @ApiPropertyOptional({
    type: RecurrenceResponseDto,
    nullable: true,
    description: 'How the task repeats; always sent, null for a one-off task',
  })
  recurrence?: RecurrenceResponseDto | null;
}

export class CompletedTaskResponseDto extends TaskResponseDto {
  @ApiProperty({
    type: TaskResponseDto,
    nullable: true,
    description: 'The occurrence this completion created; null for a one-off task or the last of a series',
  })
  nextOccurrence!: TaskResponseDto | null;
}

export class TaskPageDto {
  @ApiProperty({ type: [TaskResponseDto] }) items!: TaskResponseDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' }) nextCursor!:
    string | null;
}

export class StatusCountsDto {
  @ApiProperty() todo!: number;
  @ApiProperty() in_progress!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() cancelled!: number;
}

export class PriorityCountsDto {
  @ApiProperty() low!: number;
  @ApiProperty() medium!: number;
  @ApiProperty() high!: number;
  @ApiProperty() urgent!: number;
}

export class TaskStatsResponseDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: StatusCountsDto }) byStatus!: StatusCountsDto;
  @ApiProperty({ type: PriorityCountsDto }) byPriority!: PriorityCountsDto;
  @ApiProperty({ description: 'Open tasks past their due date' }) overdue!: number;
  @ApiProperty({ description: 'Open tasks due in the next 24 hours' }) dueSoon!: number;
  @ApiProperty({ description: 'Completed share of all tasks, 0 to 1' }) completionRate!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean seconds from creation to completion' }) averageCompletionSeconds!:
    number | null;
  @ApiProperty({ description: 'Tasks in the archive (GET /tasks?archived=true), counted in none of the figures above' })
  archived!: number;
}

export class TaskTimelineQueryDto {
  @ApiPropertyOptional({
    type: Number,
    minimum: TASK_TIMELINE_DAYS.min,
    maximum: TASK_TIMELINE_DAYS.max,
    default: TASK_TIMELINE_DAYS.default,
    description: 'How many calendar days, ending today',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(TASK_TIMELINE_DAYS.min)
  @Max(TASK_TIMELINE_DAYS.max)
  days?: number;

  @ApiPropertyOptional({ default: 'UTC', example: 'Europe/Paris', description: 'IANA time zone whose calendar days are counted' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsTimeZone({ message: 'tz must be an IANA time zone such as Europe/Paris' })
  tz?: string;

  static [FAST_PARSE](value: unknown): TaskTimelineQueryDto | undefined {
    const fields = parseTaskTimelineQuery(value);
    return fields && Object.assign(new TaskTimelineQueryDto(), fields);
  }
}

export class TaskTimelineDayDto {
  @ApiProperty({ format: 'date', example: '2026-03-29', description: 'Calendar day in the requested zone' }) date!: string;
  @ApiProperty({ description: 'Tasks created that day' }) created!: number;
  @ApiProperty({ description: 'Tasks completed that day (and still completed)' }) completed!: number;
}

export class TaskTimelineResponseDto {
  @ApiProperty({ example: 'Europe/Paris', description: 'The zone of the days (canonical IANA name)' }) timeZone!: string;
  @ApiProperty({ type: [TaskTimelineDayDto], description: 'One entry per day, oldest first, the last being today' })
  days!: TaskTimelineDayDto[];
  @ApiProperty({
    description: 'Consecutive days with at least one completion up to today; a today without completion yet does not break it',
  })
  currentStreak!: number;
}
