import 'reflect-metadata';
import './observability/register-tracing';
import { Logger } from '@nestjs/common';
import { installLeanAsyncResourceBind } from './bootstrap/async-resource-bind';
import { createApp } from './bootstrap/create-app';
import { boundShutdown } from './bootstrap/shutdown-deadline';
import { ConfigValidationError, loadConfig } from './config/app-config';

installLeanAsyncResourceBind();

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv.slice(2));
  boundShutdown(config);
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  const url = await app.getUrl();
  new Logger('Bootstrap').log(`Primetrade ${config.role} role listening on ${url} (API ${url}/api/v1, docs ${url}/api/docs)`);
}

main().catch((error: unknown) => {
  // Config errors are for humans: print them plainly, no stack.
  console.error(error instanceof ConfigValidationError ? error.message : error);
  process.exit(1);
});
