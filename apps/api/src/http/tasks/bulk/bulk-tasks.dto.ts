import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsObject, IsOptional } from 'class-validator';
import { BULK_TASK_LIMIT, BULK_TASK_OPERATIONS, type BulkTaskOperationKind } from '@primetrade/domain';
import { ProblemDetailsDto } from '../../problem/problem-details';
import { CreateTaskRequestDto, TaskResponseDto, UpdateTaskRequestDto } from '../task.dto';

/** Documents one operation; each is validated on its own (bulk-operation.parser.ts), so one bad operation fails alone. */
export class BulkTaskOperationDto {
  @ApiProperty({
    enum: BULK_TASK_OPERATIONS,
    example: 'complete',
    description:
      'create = POST /tasks, update = PATCH /tasks/{id}, complete = PUT /tasks/{id}/complete, reopen = PATCH with status todo, delete = DELETE',
  })
  op!: BulkTaskOperationKind;

  @ApiPropertyOptional({ description: 'The task; every operation but create', example: '01936b1e-7c1a-7d3e-9f2b-2a4c6e8f0a1b' })
  id?: string;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { type: 'integer', minimum: 0 }],
    example: '"3"',
    description: 'What the single route takes as If-Match: the ETag (`"3"`, `W/"3"`, `*`) or the version number; a stale one answers 412',
  })
  ifMatch?: string | number;

  @ApiPropertyOptional({ type: CreateTaskRequestDto, description: 'create: the new task, as POST /tasks takes it' })
  task?: CreateTaskRequestDto;

  @ApiPropertyOptional({ type: UpdateTaskRequestDto, description: 'update: the changes, as PATCH /tasks/{id} takes them' })
  changes?: UpdateTaskRequestDto;
}

export class BulkTasksRequestDto {
  @ApiPropertyOptional({
    default: false,
    description:
      'true: all operations are written in one transaction, or none is (the first failing operation is the answer, as a problem)',
  })
  @IsOptional()
  @IsBoolean()
  atomic?: boolean;

  @ApiProperty({
    type: [BulkTaskOperationDto],
    minItems: 1,
    maxItems: BULK_TASK_LIMIT,
    description: `1 to ${BULK_TASK_LIMIT} operations, run in order; a later one sees what an earlier one did`,
    example: [
      { op: 'create', task: { title: 'Prepare the quarterly report', priority: 'high', tags: ['work'] } },
      { op: 'complete', id: '01936b1e-7c1a-7d3e-9f2b-2a4c6e8f0a1b', ifMatch: '"3"' },
      { op: 'update', id: '01936b1e-7c1a-7d3e-9f2b-2a4c6e8f0a1c', changes: { priority: 'urgent' } },
      { op: 'delete', id: '01936b1e-7c1a-7d3e-9f2b-2a4c6e8f0a1d' },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_TASK_LIMIT)
  @IsObject({ each: true, message: 'each operation must be an object' })
  operations!: Record<string, unknown>[];
}

export class BulkTaskResultDto {
  @ApiProperty({
    example: 200,
    description: 'What the single route would have answered: 201 created, 200 changed, 204 deleted, or the status of `problem`',
  })
  status!: number;

  @ApiPropertyOptional({ type: TaskResponseDto, description: 'The task after the operation (not for a deletion or a failure)' })
  task?: TaskResponseDto;

  @ApiPropertyOptional({ type: ProblemDetailsDto, description: 'Why the operation failed: the single route’s problem+json' })
  problem?: ProblemDetailsDto;
}

export class BulkTasksResponseDto {
  @ApiProperty({ example: false }) atomic!: boolean;
  @ApiProperty({ example: 3, description: 'Operations that succeeded' }) succeeded!: number;
  @ApiProperty({ example: 1, description: 'Operations that failed (none when atomic: then the whole answer is a problem)' })
  failed!: number;
  @ApiProperty({ type: [BulkTaskResultDto], description: 'One result per operation, in the order sent' })
  results!: BulkTaskResultDto[];
}
