import { type DynamicModule, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { MONITORED_QUEUES } from '@primetrade/infrastructure';
import type { AppConfig } from '../config/app-config';
import { AppMetrics } from './app-metrics';
import { instrumentHttp } from './http-metrics';
import { MetricsServer } from './metrics-server';
import { registerQueueDepth } from './queue-metrics';
import { TaskMetricsHandler } from './task-metrics.handler';
import { shutdownTracing } from './tracing-lifecycle';

const OBSERVABILITY_OPTIONS = Symbol('OBSERVABILITY_OPTIONS');

interface ObservabilityOptions {
  metricsPort?: number;
  host: string;
}

const eventHandlers = [TaskMetricsHandler];

/** Prometheus metrics (HTTP, tasks, Node) on a private listener; tracing is set up in ./tracing. */
@Module({})
export class ObservabilityModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly metrics: AppMetrics,
    private readonly server: MetricsServer,
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
  ) {}

  static forRoot(config: Pick<AppConfig, 'metricsPort' | 'host'>): DynamicModule {
    const metrics = new AppMetrics();
    return {
      module: ObservabilityModule,
      providers: [
        { provide: OBSERVABILITY_OPTIONS, useValue: { metricsPort: config.metricsPort, host: config.host } },
        { provide: AppMetrics, useValue: metrics },
        { provide: MetricsServer, useValue: new MetricsServer(metrics) },
        ...eventHandlers,
      ],
      exports: [AppMetrics, MetricsServer],
    };
  }

  async onModuleInit(): Promise<void> {
    // Hooks added before the server starts apply to every route, including ones already declared.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify) instrumentHttp(fastify, this.metrics);
    const queues = this.bullQueues();
    if (queues.length > 0) registerQueueDepth(this.metrics, queues);
    if (this.options.metricsPort !== undefined) await this.server.listen(this.options.metricsPort, this.options.host);
  }

  /** BullMQ queues exist only in the redis profile; the in-process queue has no depth to export. */
  private bullQueues(): Queue[] {
    try {
      return this.moduleRef.get<Queue[]>(MONITORED_QUEUES, { strict: false });
    } catch {
      return [];
    }
  }

  // After the readiness drain and the HTTP server's close: the last scrape still sees the shutdown.
  async onApplicationShutdown(): Promise<void> {
    await this.server.close();
    await shutdownTracing();
  }
}
