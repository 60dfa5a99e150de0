import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type BulkTaskOperation, type BulkTaskResult, BulkTasksCommand } from '@primetrade/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AuthenticatedUser, CurrentUser } from '../../auth/authenticated-user';
import { Idempotent } from '../../idempotency/idempotent.decorator';
import { ApiProblems } from '../../problem/api-problems.decorator';
import { HttpProblemException } from '../../problem/http-problem.exception';
import { problemBody, problemOf } from '../../problem/problem-details.filter';
import type { ProblemDetailsDto } from '../../problem/problem-details';
import { TaskCreationQuota } from '../../throttling/task-creation-quota';
import { toTaskResponse } from '../task.response';
import { type ParsedOperation, parseBulkOperation } from './bulk-operation.parser';
import { BulkTasksRequestDto, type BulkTaskResultDto, BulkTasksResponseDto } from './bulk-tasks.dto';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller({ path: 'tasks', version: '1' })
export class TaskBulkController {
  constructor(
    private readonly commands: CommandBus,
    private readonly quota: TaskCreationQuota,
  ) {}

  @Post('bulk')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary: 'Create, change, complete, reopen or delete up to 100 tasks in one request',
    description:
      'Each operation behaves as its single route: the same validation, If-Match (`ifMatch`), 404 for a task that is not yours, events, ' +
      'statistics, and each `create` takes one task from your task-creation rate limit. ' +
      'Not atomic (default): every operation stands alone; the answer lists one result per operation, in order, each the task or the ' +
      'single route’s problem. `atomic: true`: all are written in one transaction or none is; if one fails (invalid, missing, stale, ' +
      'over the rate limit) the whole request is answered with that operation’s problem (its status, `errors` under `operations[i]`), ' +
      'nothing is written and no event is sent.',
  })
  @ApiOkResponse({ type: BulkTasksResponseDto })
  @ApiProblems(400, 401, 404, 409, 412, 413, 429)
  async bulkTasks(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: BulkTasksRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BulkTasksResponseDto> {
    const atomic = body.atomic ?? false;
    // The creation budget first, one task per create, as the guard counts a single POST before validation.
    const quota = await this.spendCreationQuota(user.id, body.operations);
    const parsed = await Promise.all(
      body.operations.map((raw, index): Promise<ParsedOperation> | ParsedOperation => quota[index] ?? parseBulkOperation(raw)),
    );
    if (atomic) {
      const index = parsed.findIndex((p) => !p.ok);
      if (index >= 0) throw this.whole(parsed[index] as Extract<ParsedOperation, { ok: false }>, index, reply);
    }
    const runnable = parsed.flatMap((p, index) => (p.ok ? [{ index, operation: p.operation }] : []));
    const outcomes = await this.commands.execute(
      new BulkTasksCommand(
        user.id,
        runnable.map((r) => r.operation),
        atomic,
      ),
    );
    const byIndex = new Map(runnable.map((r, i) => [r.index, { operation: r.operation, outcome: outcomes[i] }]));
    const instance = request.url.split('?')[0];
    const results = parsed.map((p, index): BulkTaskResultDto => {
      const ran = byIndex.get(index);
      if (!ran) return this.failure((p as Extract<ParsedOperation, { ok: false }>).problem, instance, request.id);
      return this.result(ran.operation, ran.outcome, instance, request.id);
    });
    const failed = results.filter((r) => r.problem).length;
    return { atomic, succeeded: results.length - failed, failed, results };
  }

  /** Refusals of the operations over the creation limit, by index. */
  private async spendCreationQuota(userId: string, operations: Record<string, unknown>[]): Promise<Record<number, ParsedOperation>> {
    const refused: Record<number, ParsedOperation> = {};
    for (const [index, raw] of operations.entries()) {
      if (raw['op'] !== 'create') continue;
      const taken = await this.quota.take(userId);
      if (!taken.allowed) {
        refused[index] = {
          ok: false,
          problem: new RateLimitedOperation(taken.retryAfterSeconds),
        };
      }
    }
    return refused;
  }

  private whole(failed: Extract<ParsedOperation, { ok: false }>, index: number, reply: FastifyReply): HttpProblemException {
    const { problem } = failed;
    if (problem instanceof RateLimitedOperation) void reply.header('Retry-After', String(problem.retryAfterSeconds));
    const field = `operations[${index}]`;
    const violations = problem.violations.length
      ? problem.violations.map((v) => ({ field: `${field}.${v.field}`, message: v.message }))
      : [{ field, message: problem.message }];
    return new HttpProblemException(
      problem.getStatus(),
      problem.code,
      `Operation ${index} failed, so nothing was written: ${problem.message}`,
      violations,
    );
  }

  private result(operation: BulkTaskOperation, outcome: BulkTaskResult, instance: string, correlationId: string): BulkTaskResultDto {
    if (!outcome.ok) return this.failure(outcome.error, instance, correlationId);
    if (!outcome.task) return { status: 204 };
    return { status: operation.op === 'create' ? 201 : 200, task: toTaskResponse(outcome.task) };
  }

  private failure(error: unknown, instance: string, correlationId: string): BulkTaskResultDto {
    const problem: ProblemDetailsDto = { ...problemBody(problemOf(error)), instance, correlationId };
    return { status: problem.status, problem };
  }
}

/** A create over the task-creation limit: the 429 a single POST /tasks would get. */
class RateLimitedOperation extends HttpProblemException {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'RATE_LIMITED', `Too many tasks created; retry after ${retryAfterSeconds} s.`);
  }
}
