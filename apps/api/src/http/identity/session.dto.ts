import { ApiProperty } from '@nestjs/swagger';
import type { SessionListItem } from '@primetrade/domain';

export class SessionResponseDto {
  @ApiProperty({ description: 'The session id (what revoking takes)' })
  id!: string;

  @ApiProperty({ description: 'When you signed in', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ description: 'The last sign-in or token refresh', format: 'date-time' })
  lastUsedAt!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The client (User-Agent) that last used it',
    example: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
  })
  userAgent!: string | null;

  @ApiProperty({ description: 'This is the session of the request itself' })
  current!: boolean;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionResponseDto] })
  items!: SessionResponseDto[];
}

export class RevokedSessionsDto {
  @ApiProperty({ description: 'How many sessions were signed out' })
  revoked!: number;
}

export const toSessionResponse = (s: SessionListItem): SessionResponseDto => ({
  id: s.id,
  createdAt: s.createdAt.toISOString(),
  lastUsedAt: s.lastUsedAt.toISOString(),
  userAgent: s.userAgent,
  current: s.current,
});
