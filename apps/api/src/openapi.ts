import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from './bootstrap/create-app';
import { loadConfig } from './config/app-config';
import { buildOpenApiDocument } from './http/docs/swagger';

/** Writes the OpenAPI document without listening on a port: `node openapi.js <file>`. */
async function writeOpenApi(target: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'primetrade-openapi-'));
  const app = await createApp(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, WEB_DIST_DIR: join(dataDir, 'none') }), { quiet: true });
  await app.init();
  const document = buildOpenApiDocument(app);
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}

writeOpenApi(process.argv[2] ?? 'apps/api/openapi.json').catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
