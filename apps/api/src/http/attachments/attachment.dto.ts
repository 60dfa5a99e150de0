import { ApiProperty } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ALLOWED_CONTENT_TYPES, type AttachmentContentType, type AttachmentView } from '@primetrade/domain';

export class AttachmentResponseDto {
  @ApiProperty({ example: '0190f1e2-7c3a-7d4b-9a8e-1f2e3d4c5b6a' })
  id!: string;

  @ApiProperty()
  taskId!: string;

  @ApiProperty({ description: 'The uploaded name, sanitised (no path, no control characters, no leading dots)', example: 'receipt.pdf' })
  fileName!: string;

  @ApiProperty({ enum: ALLOWED_CONTENT_TYPES, description: 'Recognised from the content, not from the name or the client' })
  contentType!: AttachmentContentType;

  @ApiProperty({ description: 'Bytes', example: 48213 })
  size!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
}

export class AttachmentListDto {
  @ApiProperty({ type: [AttachmentResponseDto] })
  items!: AttachmentResponseDto[];
}

/** The multipart body: one file, in a part named `file`. */
export const UPLOAD_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['file'],
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      description:
        'PNG, JPEG, GIF, WebP, PDF or UTF-8 text (the type is read from the content). One file per request: the first file part is stored, later parts are ignored.',
    },
  },
};

/** Built from an allow-list of fields. */
export function toAttachmentResponse(view: AttachmentView): AttachmentResponseDto {
  return {
    id: view.id,
    taskId: view.taskId,
    fileName: view.fileName,
    contentType: view.contentType,
    size: view.size,
    createdAt: view.createdAt.toISOString(),
  };
}
