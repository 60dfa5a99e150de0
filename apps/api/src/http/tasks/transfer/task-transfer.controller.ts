import { Controller, Get, HttpCode, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExportTasksQuery, ImportTasksCommand } from '@primetrade/domain';
import type { FastifyRequest } from 'fastify';
import { type AuthenticatedUser, CurrentUser } from '../../auth/authenticated-user';
import { Idempotent } from '../../idempotency/idempotent.decorator';
import { ApiProblems } from '../../problem/api-problems.decorator';
import { HttpProblemException } from '../../problem/http-problem.exception';
import { csvExport, jsonExport } from './task-export';
import { ImportFileError, readCsvImport, readJsonImport } from './task-import';
import { ExportTasksQueryDto, ImportReportDto, ImportTasksQueryDto } from './task-transfer.dto';

/** Largest import file. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

@ApiTags('tasks')
@ApiBearerAuth()
@Controller({ path: 'tasks', version: '1' })
export class TaskTransferController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('export')
  @ApiOperation({
    summary: 'Export your tasks (CSV or JSON), with the same filters as the list',
    description:
      'Streamed, oldest first unless `sort`/`order` say otherwise. In CSV, cells a spreadsheet would run as a formula are prefixed with an apostrophe.',
  })
  @ApiOkResponse({
    // One media range, so clients get one download operation; Content-Type says which format came.
    description: 'The file: `text/csv` or `application/json` as `format` asked',
    content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400, 401, 429)
  async exportTasks(@CurrentUser() user: AuthenticatedUser, @Query() query: ExportTasksQueryDto): Promise<StreamableFile> {
    const { sort, order, format = 'csv', ...criteria } = query;
    const tasks = await this.queries.execute(new ExportTasksQuery(user.id, criteria, sort ?? 'createdAt', order ?? 'asc'));
    const json = format === 'json';
    return new StreamableFile(json ? jsonExport(tasks) : csvExport(tasks), {
      type: json ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
      disposition: `attachment; filename="tasks.${format}"`,
    });
  }

  @Post('import')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary: 'Import tasks from a CSV or JSON file (multipart, one file in the part `file`)',
    description:
      'The columns of an export (`title` required; `description`, `status`, `priority`, `dueDate`, `tags` separated by `;`); others are ignored. ' +
      'Rows that fail are reported with their row number, field and problem; the rest are imported. `dryRun=true` only checks.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: 'A CSV or JSON export (the file name or content type says which)',
          example: 'title,priority,dueDate,tags\r\nPay rent,high,2026-12-01T09:00:00.000Z,home\r\n',
        },
      },
    },
  })
  @ApiOkResponse({ type: ImportReportDto })
  @ApiProblems(400, 401, 413, 429)
  async importTasks(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ImportTasksQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<ImportReportDto> {
    if (!request.isMultipart()) {
      throw new HttpProblemException(415, 'IMPORT.MULTIPART_REQUIRED', 'Send the file as multipart/form-data, in a part named "file".');
    }
    const part = await request.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } });
    if (!part) throw new HttpProblemException(400, 'IMPORT.FILE_REQUIRED', 'The multipart body has no file part.');
    let content: Buffer;
    try {
      content = await part.toBuffer();
    } catch {
      throw new HttpProblemException(413, 'IMPORT.TOO_LARGE', `An import file is at most ${IMPORT_MAX_BYTES} bytes.`);
    }
    const json = part.mimetype.includes('json') || part.filename.toLowerCase().endsWith('.json');
    let rows;
    try {
      rows = json ? readJsonImport(content) : readCsvImport(content);
    } catch (error) {
      if (error instanceof ImportFileError) throw new HttpProblemException(400, 'IMPORT.UNREADABLE_FILE', error.message);
      throw error;
    }
    return this.commands.execute(new ImportTasksCommand(user.id, rows, query.dryRun ?? false));
  }
}
