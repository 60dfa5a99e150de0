import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { NOTIFICATION_PAGE_LIMIT, NOTIFICATION_TYPES, type NotificationType } from '@primetrade/domain';

export class ListNotificationsQueryDto {
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: NOTIFICATION_PAGE_LIMIT.max, default: NOTIFICATION_PAGE_LIMIT.default })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(NOTIFICATION_PAGE_LIMIT.max)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page’s nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export class NotificationResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: NOTIFICATION_TYPES,
    description:
      'task-due: due within your chosen lead time (preferences; 1 day by default); task-overdue: past its due date and still open; webhook-disabled: a webhook failed for 24 hours and was disabled',
  })
  type!: NotificationType;
  @ApiProperty({ format: 'uuid', description: 'The task (for webhook-disabled: the webhook)' }) taskId!: string;
  @ApiProperty({ description: 'The task title when the notification was made (for webhook-disabled: the endpoint URL)' })
  taskTitle!: string;
  @ApiProperty({ format: 'date-time', description: 'The due date (for webhook-disabled: when it was disabled)' }) dueDate!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while unread' }) readAt!: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationResponseDto], description: 'Newest first' }) items!: NotificationResponseDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' }) nextCursor!:
    string | null;
  @ApiProperty({ description: 'Unread notifications in total (all pages)' }) unreadCount!: number;
}
