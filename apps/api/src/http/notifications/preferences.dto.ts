import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DUE_SOON_LEADS, type DueSoonLead, type UserPreferencesView } from '@primetrade/domain';

const LEAD_DESCRIPTION = 'How long before the due time the "due soon" reminder comes; `none` sends none (overdue reminders still come)';

export class NotificationChannelsDto {
  @ApiProperty({ example: true, description: 'Notices in the app (off: still kept, already read, so the bell stays quiet)' })
  inApp!: boolean;
  @ApiProperty({ example: true, description: 'Reminder mail (sent only to a confirmed address)' })
  email!: boolean;
}

export class DailyDigestDto {
  @ApiProperty({ example: true, description: 'A mail each day listing the open tasks due that local day and the overdue ones' })
  enabled!: boolean;
  @ApiProperty({ example: 7, minimum: 0, maximum: 23, description: 'The local hour (in `timeZone`) it goes out' })
  hour!: number;
}

export class PreferencesResponseDto {
  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone: reminders and the digest use its local time' })
  timeZone!: string;
  @ApiProperty({ enum: DUE_SOON_LEADS, example: '1h', description: LEAD_DESCRIPTION })
  dueSoonLead!: DueSoonLead;
  @ApiProperty({ type: NotificationChannelsDto })
  channels!: NotificationChannelsDto;
  @ApiProperty({ type: DailyDigestDto })
  digest!: DailyDigestDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null until you first save (the defaults apply)' })
  updatedAt!: string | null;
}

export class UpdateChannelsDto {
  @ApiPropertyOptional({ example: false }) @IsOptional() @IsBoolean() inApp?: boolean;
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() email?: boolean;
}

export class UpdateDigestDto {
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ example: 7, minimum: 0, maximum: 23 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  hour?: number;
}

/** Every field optional: what is left out keeps its value. */
export class UpdatePreferencesRequestDto {
  @ApiPropertyOptional({ example: 'America/New_York', maxLength: 64, description: 'IANA time zone name; 400 for an unknown one' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ enum: DUE_SOON_LEADS, example: '15m', description: LEAD_DESCRIPTION })
  @IsOptional()
  @IsIn(DUE_SOON_LEADS)
  dueSoonLead?: DueSoonLead;

  @ApiPropertyOptional({ type: UpdateChannelsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UpdateChannelsDto)
  channels?: UpdateChannelsDto;

  @ApiPropertyOptional({ type: UpdateDigestDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UpdateDigestDto)
  digest?: UpdateDigestDto;
}

export function toPreferencesResponse(view: UserPreferencesView): PreferencesResponseDto {
  return {
    timeZone: view.timeZone,
    dueSoonLead: view.dueSoonLead,
    channels: { inApp: view.channels.inApp, email: view.channels.email },
    digest: { enabled: view.digest.enabled, hour: view.digest.hour },
    updatedAt: view.updatedAt?.toISOString() ?? null,
  };
}
