import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'title' }) field!: string;
  @ApiProperty({ example: 'must be 1 to 200 characters' }) message!: string;
}

/** RFC 9457 problem details, as every error of this API is answered. */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:primetrade:problem:validation' }) type!: string;
  @ApiProperty({ example: 'Bad Request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'The request is not valid.' }) detail!: string;
  @ApiProperty({ example: '/api/v1/tasks' }) instance!: string;
  @ApiProperty({ example: 'b1f0c7e4-1d2c-4f35-9b0e-3c1c2a7c9d11' }) correlationId!: string;
  @ApiPropertyOptional({ example: 'TASK.NOT_FOUND' }) code?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
  // TASK.FILTER_INVALID: where the `filter` expression stops making sense and what would fit there.
  @ApiPropertyOptional({ example: 17, description: 'TASK.FILTER_INVALID: 0-based offset into the filter' }) position?: number;
  @ApiPropertyOptional({ example: 1, description: 'TASK.FILTER_INVALID: line of `position`, from 1' }) line?: number;
  @ApiPropertyOptional({ example: 18, description: 'TASK.FILTER_INVALID: column of `position`, from 1' }) column?: number;
  @ApiPropertyOptional({
    type: [String],
    example: ['an operator', '"is"'],
    description: 'TASK.FILTER_INVALID: what would fit at `position`',
  })
  expected?: string[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
