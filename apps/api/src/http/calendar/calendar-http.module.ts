import { Module } from '@nestjs/common';
import { calendarHandlers } from '@primetrade/domain';
import { CalendarController } from './calendar.controller';

/** Calendar context at the HTTP edge: the private iCalendar feed. */
@Module({
  controllers: [CalendarController],
  providers: [...calendarHandlers],
})
export class CalendarHttpModule {}
