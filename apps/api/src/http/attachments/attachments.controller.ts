import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ALLOWED_CONTENT_TYPES,
  AttachmentLimits,
  DeleteAttachmentCommand,
  GetAttachmentQuery,
  ListAttachmentsQuery,
  UploadAttachmentCommand,
} from '@primetrade/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { HttpProblemException } from '../problem/http-problem.exception';
import { AttachmentListDto, AttachmentResponseDto, toAttachmentResponse, UPLOAD_BODY_SCHEMA } from './attachment.dto';
import { attachmentDisposition } from './content-disposition';

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } };
const ApiTooLarge = () =>
  ApiResponse({ status: 413, description: 'The file is larger than ATTACHMENT_MAX_BYTES (the upload is cut off there)', content: PROBLEM });
const ApiUnsupportedType = () =>
  ApiResponse({ status: 415, description: 'Not multipart, or the content is not of an accepted type', content: PROBLEM });

@ApiTags('attachments')
@ApiBearerAuth()
@Controller({ path: 'tasks/:id/attachments', version: '1' })
export class AttachmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly limits: AttachmentLimits,
  ) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Attach a file to one of your tasks (multipart/form-data, one file in the part `file`)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA })
  @ApiCreatedResponse({ type: AttachmentResponseDto })
  @ApiProblems(400, 401, 404, 409, 429)
  @ApiTooLarge()
  @ApiUnsupportedType()
  async uploadAttachment(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') taskId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttachmentResponseDto> {
    if (!request.isMultipart())
      throw new HttpProblemException(415, 'ATTACHMENT.MULTIPART_REQUIRED', 'Send the file as multipart/form-data, in a part named "file".');
    try {
      // One byte over the limit is enough for the handler to see it is too large.
      const part = await request.file({ limits: { fileSize: this.limits.maxBytes + 1, files: 1 } });
      if (!part)
        throw new HttpProblemException(400, 'ATTACHMENT.FILE_REQUIRED', 'The multipart body has no file part.', [
          { field: 'file', message: 'is required' },
        ]);
      const view = await this.commands.execute(new UploadAttachmentCommand(user.id, taskId, part.filename ?? '', part.file));
      void reply.status(201).header('Location', `/api/v1/tasks/${taskId}/attachments/${view.id}`);
      return toAttachmentResponse(view);
    } catch (error) {
      // Refused before the body was read to its end: answer and close the connection rather
      // than read the rest of a possibly huge upload.
      if (!request.raw.complete) void reply.header('Connection', 'close');
      throw error;
    }
  }

  @Get()
  @ApiOperation({ summary: 'The attachments of one of your tasks, oldest first' })
  @ApiOkResponse({ type: AttachmentListDto })
  @ApiProblems(401, 404, 429)
  async listAttachments(@CurrentUser() user: AuthenticatedUser, @Param('id') taskId: string): Promise<AttachmentListDto> {
    const items = await this.queries.execute(new ListAttachmentsQuery(user.id, taskId));
    return { items: items.map(toAttachmentResponse) };
  }

  @Get(':attachmentId')
  @ApiOperation({
    summary: 'Download an attachment (always as a download, with the type recognised at upload)',
    description:
      "One operation for every file type: the body is the file's bytes and `Content-Type` is the type recognised at upload " +
      `(one of ${ALLOWED_CONTENT_TYPES.join(', ')}). Documented as one binary media range so clients get one download function.`,
  })
  @ApiOkResponse({
    description: 'The file; `Content-Type` is the recognised type',
    content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
    headers: {
      'Content-Type': { description: ALLOWED_CONTENT_TYPES.join(' | '), schema: { type: 'string', enum: [...ALLOWED_CONTENT_TYPES] } },
      'Content-Disposition': { description: 'attachment; filename="…"; filename*=UTF-8\'\'…', schema: { type: 'string' } },
      'X-Content-Type-Options': { description: 'nosniff', schema: { type: 'string' } },
    },
  })
  @ApiProblems(401, 404, 409, 429)
  async downloadAttachment(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') taskId: string,
    @Param('attachmentId') attachmentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { attachment, content } = await this.queries.execute(new GetAttachmentQuery(user.id, taskId, attachmentId));
    void reply
      .header('Content-Type', attachment.contentType)
      .header('Content-Disposition', attachmentDisposition(attachment.fileName))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store');
    return new StreamableFile(content instanceof Readable ? content : Readable.from(content), { length: attachment.size });
  }

  @Delete(':attachmentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an attachment' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 404, 429)
  async deleteAttachment(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') taskId: string,
    @Param('attachmentId') attachmentId: string,
  ): Promise<void> {
    await this.commands.execute(new DeleteAttachmentCommand(user.id, taskId, attachmentId));
  }
}
