import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CompleteTaskCommand,
  CreateTaskCommand,
  DeleteTaskCommand,
  GetTaskQuery,
  GetTaskStatsQuery,
  GetTaskTimelineQuery,
  TASK_TIMELINE_DAYS,
  ListTasksQuery,
  RestoreTaskCommand,
  type TaskView,
  UpdateTaskCommand,
} from '@primetrade/domain';
import { RouteSchema } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { responseSchemaOf } from '../docs/response-schema';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { serializeOnce } from '../serialization/serialize-once';
import { ApiProblems } from '../problem/api-problems.decorator';
import { TaskCreateThrottle } from '../throttling/throttle-scopes';
import { etagOf, parseIfMatch } from './etag';
import { DeleteTaskQueryDto } from './recurrence.dto';
import {
  CompletedTaskResponseDto,
  CreateTaskRequestDto,
  ListTasksQueryDto,
  TaskPageDto,
  TaskResponseDto,
  TaskStatsResponseDto,
  TaskTimelineQueryDto,
  TaskTimelineResponseDto,
  UpdateTaskRequestDto,
} from './task.dto';
import { toCompletedTaskResponse, toTaskPageResponse, toTaskResponse, toTaskStatsResponse, toTaskTimelineResponse } from './task.response';

// Responses serialised by fast-json-stringify from the schema of the DTO Swagger documents.
const TASK_SCHEMA = responseSchemaOf(TaskResponseDto);
const serialised = (status: 200 | 201, schema: Record<string, unknown>) => RouteSchema({ response: { [status]: schema } });

const IF_MATCH = { name: 'If-Match', required: false, description: 'ETag of the version you edited; 412 when it is stale' } as const;

@ApiTags('tasks')
@ApiBearerAuth()
@Controller({ path: 'tasks', version: '1' })
export class TasksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @serialised(201, TASK_SCHEMA)
  @TaskCreateThrottle()
  @ApiOperation({ summary: 'Create a task' })
  @ApiCreatedResponse({ type: TaskResponseDto, headers: { ETag: { description: 'Version of the task', schema: { type: 'string' } } } })
  @ApiProblems(400, 401, 413, 429)
  async createTask(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateTaskRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TaskResponseDto> {
    const task = await this.commands.execute(new CreateTaskCommand(user.id, body));
    void reply.header('Location', `/api/v1/tasks/${task.id}`);
    return this.withEtag(reply, task);
  }

  @Get()
  @serialised(200, responseSchemaOf(TaskPageDto))
  @ApiOperation({ summary: 'List, filter, search and page through your tasks' })
  @ApiOkResponse({ type: TaskPageDto })
  @ApiProblems(400, 401, 429)
  async listTasks(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListTasksQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TaskPageDto> {
    const { sort, order, limit, cursor, ...criteria } = query;
    const page = await this.queries.execute(new ListTasksQuery(user.id, criteria, sort, order, limit, cursor));
    return serializeOnce(reply, toTaskPageResponse(page));
  }

  @Get('stats/overview')
  @serialised(200, responseSchemaOf(TaskStatsResponseDto))
  @ApiOperation({ summary: 'Statistics of your tasks' })
  @ApiOkResponse({ type: TaskStatsResponseDto })
  @ApiProblems(401, 429)
  async getTaskStats(@CurrentUser() user: AuthenticatedUser): Promise<TaskStatsResponseDto> {
    return toTaskStatsResponse(await this.queries.execute(new GetTaskStatsQuery(user.id)));
  }

  @Get('stats/timeline')
  @serialised(200, responseSchemaOf(TaskTimelineResponseDto))
  @ApiOperation({
    summary: 'Tasks created and completed per day, and the completion streak',
    description: 'Calendar days of the `tz` zone, oldest first, ending today; the streak may reach back before the first day shown.',
  })
  @ApiOkResponse({ type: TaskTimelineResponseDto })
  @ApiProblems(400, 401, 429)
  async getTaskTimeline(@CurrentUser() user: AuthenticatedUser, @Query() query: TaskTimelineQueryDto): Promise<TaskTimelineResponseDto> {
    const timeline = await this.queries.execute(
      new GetTaskTimelineQuery(user.id, query.days ?? TASK_TIMELINE_DAYS.default, query.tz ?? 'UTC'),
    );
    return toTaskTimelineResponse(timeline);
  }

  @Get(':id')
  @serialised(200, TASK_SCHEMA)
  @ApiOperation({ summary: 'One task' })
  @ApiOkResponse({ type: TaskResponseDto })
  @ApiProblems(401, 404, 429)
  async getTask(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TaskResponseDto> {
    return this.withEtag(reply, await this.queries.execute(new GetTaskQuery(user.id, id)));
  }

  @Patch(':id')
  @serialised(200, TASK_SCHEMA)
  @ApiOperation({ summary: 'Change fields or status (status todo reopens a completed task)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: TaskResponseDto })
  @ApiProblems(400, 401, 404, 409, 412, 429)
  async updateTask(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: UpdateTaskRequestDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TaskResponseDto> {
    return this.withEtag(reply, await this.commands.execute(new UpdateTaskCommand(user.id, id, body, parseIfMatch(ifMatch))));
  }

  @Put(':id/complete')
  @serialised(200, responseSchemaOf(CompletedTaskResponseDto))
  @ApiOperation({
    summary: 'Mark a task completed',
    description:
      'A recurring task’s completion also creates its next occurrence (returned as `nextOccurrence`) in the same transaction, once: ' +
      'a retried or concurrent completion is a 409 (or 412 with a stale If-Match) and creates nothing.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: CompletedTaskResponseDto })
  @ApiProblems(401, 404, 409, 412, 429)
  async completeTask(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CompletedTaskResponseDto> {
    const task = await this.commands.execute(new CompleteTaskCommand(user.id, id, parseIfMatch(ifMatch)));
    void reply.header('ETag', etagOf(task.version));
    return toCompletedTaskResponse(task);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @serialised(200, TASK_SCHEMA)
  @ApiOperation({
    summary: 'Bring an archived task back',
    description:
      'Moves the task from the archive (GET /tasks?archived=true) back among your current tasks, as a new version changed now, ' +
      'so the next archive run leaves it there for another ARCHIVE_AFTER. 404 when it is not in your archive.',
  })
  @ApiOkResponse({ type: TaskResponseDto })
  @ApiProblems(401, 404, 409, 429)
  async restoreTask(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TaskResponseDto> {
    return this.withEtag(reply, await this.commands.execute(new RestoreTaskCommand(user.id, id)));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a task, one occurrence of a recurring task, or its series (series=true)' })
  @ApiHeader(IF_MATCH)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 404, 409, 412, 429)
  async deleteTask(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Query() query: DeleteTaskQueryDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.commands.execute(new DeleteTaskCommand(user.id, id, parseIfMatch(ifMatch), query.series === 'true'));
  }

  private withEtag(reply: FastifyReply, task: TaskView): TaskResponseDto {
    void reply.header('ETag', etagOf(task.version));
    return toTaskResponse(task);
  }
}
