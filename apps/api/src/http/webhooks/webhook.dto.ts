import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  WEBHOOK_DELIVERY_PAGE,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_URL_MAX_LENGTH,
  type WebhookDeliveryStatus,
  type WebhookEventType,
} from '@primetrade/domain';

const EVENTS_EXAMPLE: WebhookEventType[] = ['task.created', 'task.completed'];

export class CreateWebhookRequestDto {
  @ApiProperty({
    example: 'https://hooks.example.com/primetrade',
    maxLength: WEBHOOK_URL_MAX_LENGTH,
    description:
      'Where deliveries are POSTed: https in production; a host resolving to a private, loopback or link-local address is refused',
  })
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: EVENTS_EXAMPLE, description: 'The events to deliver (at least one)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events!: WebhookEventType[];

  @ApiPropertyOptional({ default: true, example: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateWebhookRequestDto {
  @ApiPropertyOptional({ example: 'https://hooks.example.com/primetrade/v2', maxLength: WEBHOOK_URL_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['task.deleted'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events?: WebhookEventType[];

  @ApiPropertyOptional({ example: false, description: 'Enabling again restarts the 24-hour failure clock' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class ListWebhookDeliveriesQueryDto {
  @ApiPropertyOptional({
    type: Number,
    minimum: 1,
    maximum: WEBHOOK_DELIVERY_PAGE.max,
    default: WEBHOOK_DELIVERY_PAGE.default,
    example: 20,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(WEBHOOK_DELIVERY_PAGE.max)
  limit?: number;
}

export class WebhookResponseDto {
  @ApiProperty({ format: 'uuid', example: '0192f0c4-7a51-7cc2-9d1e-5b0c6f1f2a10' }) id!: string;
  @ApiProperty({ example: 'https://hooks.example.com/primetrade' }) url!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: EVENTS_EXAMPLE }) events!: WebhookEventType[];
  @ApiProperty({ example: true }) enabled!: boolean;
  @ApiProperty({ format: 'date-time', example: '2026-06-15T12:00:00.000Z' }) createdAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: null,
    description: 'Since when every attempt failed; null while it answers',
  })
  failingSince!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: null,
    description: 'When the server disabled it after 24 hours of failures',
  })
  disabledAt!: string | null;
}

export class CreatedWebhookResponseDto extends WebhookResponseDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw1HNcGdRo3Dw=',
    description: 'The signing secret (Standard Webhooks). Shown this once: keep it; it cannot be read again.',
  })
  secret!: string;
}

export class WebhookListDto {
  @ApiProperty({ type: [WebhookResponseDto], description: 'Oldest first' }) items!: WebhookResponseDto[];
}

export class WebhookAttemptDto {
  @ApiProperty({ format: 'date-time', example: '2026-06-15T12:00:01.000Z' }) at!: string;
  @ApiProperty({ type: Number, nullable: true, example: 503, description: "The endpoint's status; null when none came" }) statusCode!:
    number | null;
  @ApiProperty({ example: 84, description: 'Milliseconds until the answer (or the failure)' }) durationMs!: number;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'timeout, connection error or refused address' }) error!:
    string | null;
}

export class WebhookDeliveryResponseDto {
  @ApiProperty({
    example: 'msg_0192f0c5-1d2e-7a4b-8c3d-2e1f0a9b8c7d_0192f0c4-7a51-7cc2-9d1e-5b0c6f1f2a10',
    description: 'The `webhook-id` header: the same on every attempt, for de-duplication',
  })
  id!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, example: 'task.created' }) eventType!: WebhookEventType;
  @ApiProperty({
    enum: WEBHOOK_DELIVERY_STATUSES,
    example: 'pending',
    description: 'pending (due, or waiting to retry), delivered, or failed (given up)',
  })
  status!: WebhookDeliveryStatus;
  @ApiProperty({ type: [WebhookAttemptDto] }) attempts!: WebhookAttemptDto[];
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-06-15T12:00:06.000Z',
    description: 'null once delivered or given up',
  })
  nextAttemptAt!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-06-15T12:00:00.000Z' }) createdAt!: string;
}

export class WebhookDeliveryListDto {
  @ApiProperty({ type: [WebhookDeliveryResponseDto], description: 'Newest first' }) items!: WebhookDeliveryResponseDto[];
}
