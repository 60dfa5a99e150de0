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
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
