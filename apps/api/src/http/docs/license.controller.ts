import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { LICENSE_TEXT } from './license';

/** The license the OpenAPI document points to, served by the API itself. */
@ApiTags('docs')
@Public()
@Controller({ path: 'license' })
export class LicenseController {
  @Get()
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'The terms the API and its software are offered under' })
  @ApiOkResponse({ description: 'The license text', content: { 'text/plain': { schema: { type: 'string' }, example: LICENSE_TEXT } } })
  @ApiProblems(429)
  license(): string {
    return LICENSE_TEXT;
  }
}
