import { type WebhookMessage, WebhookSender, type WebhookSendResult } from '@primetrade/domain';

/** Answers each send with the next scripted result (the last one repeats) and keeps the messages. */
export class ScriptedWebhookSender extends WebhookSender {
  readonly sent: WebhookMessage[] = [];
  private script: WebhookSendResult[];

  constructor(...script: WebhookSendResult[]) {
    super();
    this.script = script.length > 0 ? script : [{ kind: 'response', statusCode: 200, durationMs: 1 }];
  }

  answer(...script: WebhookSendResult[]): void {
    this.script = script;
  }

  async send(message: WebhookMessage): Promise<WebhookSendResult> {
    this.sent.push(message);
    return (this.script.length > 1 ? this.script.shift() : this.script[0]) as WebhookSendResult;
  }
}
