import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { ListTasksQueryDto } from '../task.dto';

export const EXPORT_FORMATS = ['csv', 'json'] as const;

export class ExportTasksQueryDto extends OmitType(ListTasksQueryDto, ['limit', 'cursor'] as const) {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv', description: 'CSV (RFC 4180, a header row) or a JSON array' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: (typeof EXPORT_FORMATS)[number];
}

export class ImportTasksQueryDto {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Check every row and report, import nothing' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

export class ImportProblemDto {
  @ApiProperty({ description: 'The row as a spreadsheet numbers it (the CSV header is row 1; JSON arrays count from 1)' })
  row!: number;

  @ApiProperty({ example: 'dueDate' })
  field!: string;

  @ApiProperty({ example: 'must be an ISO 8601 date-time' })
  problem!: string;
}

export class ImportReportDto {
  @ApiProperty()
  dryRun!: boolean;

  @ApiProperty({ description: 'Rows imported (in a dry run: rows that would be)' })
  imported!: number;

  @ApiProperty({ type: [ImportProblemDto], description: 'Rows refused; every other row was imported' })
  failed!: ImportProblemDto[];
}
