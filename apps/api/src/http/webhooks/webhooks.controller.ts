import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreateWebhookCommand,
  DeleteWebhookCommand,
  GetWebhookQuery,
  ListWebhookDeliveriesQuery,
  ListWebhooksQuery,
  PingWebhookCommand,
  UpdateWebhookCommand,
} from '@primetrade/domain';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { ApiProblems } from '../problem/api-problems.decorator';
import {
  CreatedWebhookResponseDto,
  CreateWebhookRequestDto,
  ListWebhookDeliveriesQueryDto,
  UpdateWebhookRequestDto,
  WebhookDeliveryListDto,
  WebhookDeliveryResponseDto,
  WebhookListDto,
  WebhookResponseDto,
} from './webhook.dto';
import { toDeliveryResponse, toWebhookResponse } from './webhook.response';

const ID = { name: 'id', description: 'The webhook id', example: '0192f0c4-7a51-7cc2-9d1e-5b0c6f1f2a10' };

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller({ path: 'webhooks', version: '1' })
export class WebhooksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Add a webhook endpoint; the signing secret is in this answer only',
    description:
      'Deliveries follow the Standard Webhooks specification: POST with `webhook-id`, `webhook-timestamp` and `webhook-signature` (v1, HMAC-SHA256 over `id.timestamp.body` with the secret).',
  })
  @ApiCreatedResponse({ type: CreatedWebhookResponseDto })
  @ApiProblems(400, 401, 429)
  async createWebhook(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateWebhookRequestDto): Promise<CreatedWebhookResponseDto> {
    const { webhook, secret } = await this.commands.execute(new CreateWebhookCommand(user.id, body));
    return { ...toWebhookResponse(webhook), secret };
  }

  @Get()
  @ApiOperation({ summary: 'Your webhook endpoints (without their secrets)' })
  @ApiOkResponse({ type: WebhookListDto })
  @ApiProblems(401, 429)
  async listWebhooks(@CurrentUser() user: AuthenticatedUser): Promise<WebhookListDto> {
    return { items: (await this.queries.execute(new ListWebhooksQuery(user.id))).map(toWebhookResponse) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your webhook endpoints' })
  @ApiParam(ID)
  @ApiOkResponse({ type: WebhookResponseDto })
  @ApiProblems(401, 404, 429)
  async getWebhook(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<WebhookResponseDto> {
    return toWebhookResponse(await this.queries.execute(new GetWebhookQuery(user.id, id)));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the URL, the events, or enable/disable a webhook' })
  @ApiParam(ID)
  @ApiOkResponse({ type: WebhookResponseDto })
  @ApiProblems(400, 401, 404, 429)
  async updateWebhook(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: UpdateWebhookRequestDto,
  ): Promise<WebhookResponseDto> {
    return toWebhookResponse(await this.commands.execute(new UpdateWebhookCommand(user.id, id, body)));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook and its deliveries (pending ones are not sent)' })
  @ApiParam(ID)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 404, 429)
  async deleteWebhook(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<void> {
    await this.commands.execute(new DeleteWebhookCommand(user.id, id));
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: "A webhook's latest deliveries with every attempt: status codes, durations, next attempt" })
  @ApiParam(ID)
  @ApiOkResponse({ type: WebhookDeliveryListDto })
  @ApiProblems(400, 401, 404, 429)
  async listWebhookDeliveries(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Query() query: ListWebhookDeliveriesQueryDto,
  ): Promise<WebhookDeliveryListDto> {
    return { items: (await this.queries.execute(new ListWebhookDeliveriesQuery(user.id, id, query.limit))).map(toDeliveryResponse) };
  }

  @Post(':id/ping')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a signed `ping` delivery to the endpoint now (also while it is disabled)' })
  @ApiParam(ID)
  @ApiAcceptedResponse({ type: WebhookDeliveryResponseDto, description: 'Queued; follow it in the deliveries list' })
  @ApiProblems(401, 404, 429)
  async pingWebhook(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<WebhookDeliveryResponseDto> {
    return toDeliveryResponse(await this.commands.execute(new PingWebhookCommand(user.id, id)));
  }
}
