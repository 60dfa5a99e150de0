/**
 * OpenTelemetry tracing, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set. Imported first by main.ts:
 * instrumentations patch http, fastify, @nestjs/core, mongoose, ioredis and pino as they are
 * required, so this must run before any of them loads — before the validated AppConfig exists,
 * which is why it reads the standard OTEL_* variables itself.
 */

import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { MongooseInstrumentation } from '@opentelemetry/instrumentation-mongoose';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { FastifyOtelInstrumentation } from '@fastify/otel';
import { onTracingShutdown } from './tracing-lifecycle';

let provider: NodeTracerProvider | undefined;

export interface TracingOptions {
  env: Record<string, string | undefined>;
  argv: readonly string[];
  /** Tests pass an in-memory processor instead of the OTLP exporter. */
  spanProcessor?: SpanProcessor;
}

const isProbe = (url: string | undefined): boolean => (url ?? '').startsWith('/api/health/');

/** The service name tells the roles apart: primetrade-api, primetrade-worker, primetrade-all. */
export function serviceName(env: TracingOptions['env'], argv: readonly string[]): string {
  if (env['OTEL_SERVICE_NAME']) return env['OTEL_SERVICE_NAME'];
  const role = argv.find((a) => a.startsWith('--role='))?.slice('--role='.length) ?? env['ROLE'] ?? 'all';
  return `primetrade-${role}`;
}

/** Starts tracing when an OTLP endpoint is configured (or a processor is given); returns whether it did. */
export function startTracing({ env, argv, spanProcessor }: TracingOptions): boolean {
  if (provider) return true;
  if (!spanProcessor && !env['OTEL_EXPORTER_OTLP_ENDPOINT']) return false;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: serviceName(env, argv),
      [ATTR_SERVICE_VERSION]: env['npm_package_version'] ?? '0.1.0',
    }),
    // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and _HEADERS, _TIMEOUT) and posts to /v1/traces.
    spanProcessors: [spanProcessor ?? new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  onTracingShutdown(shutdownTracing);
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // Probes and scrapes every few seconds would drown the real traffic.
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => isProbe(req.url) || req.url === '/metrics' }),
      new FastifyOtelInstrumentation({ registerOnInitialization: true, ignorePaths: (route) => isProbe(route.url) }),
      new NestInstrumentation(),
      new MongooseInstrumentation(),
      new IORedisInstrumentation({ requireParentSpan: true }),
      // Adds trace_id and span_id to every pino log line written inside a span.
      new PinoInstrumentation(),
    ],
  });
  return true;
}

/** Flushes buffered spans; called when the app shuts down. */
export async function shutdownTracing(): Promise<void> {
  const current = provider;
  provider = undefined;
  await current?.shutdown();
}
