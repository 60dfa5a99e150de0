import { ApiProperty } from '@nestjs/swagger';

export class CalendarFeedResponseDto {
  @ApiProperty({
    description: 'The private address calendar applications subscribe to. Shown once: it is the credential; regenerate it if it leaks.',
    example: 'https://tasks.example.com/api/v1/calendar/3q2-7wEjCzY6pPNV0n5kVuTTk9P1M1cI5QmMyXEdbrw.ics',
  })
  url!: string;

  @ApiProperty({ description: 'The same address with the webcal scheme, which most calendar applications open directly.' })
  webcalUrl!: string;
}
