import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import type { AppMetrics } from './app-metrics';

/**
 * GET /metrics on its own port (METRICS_PORT, 9464 by default): no ingress rule, Service port
 * or nginx location ever points at it, so metrics cannot leak to the internet by a routing slip.
 */
export class MetricsServer {
  private readonly logger = new Logger('Metrics');
  private server?: Server;

  constructor(private readonly metrics: AppMetrics) {}

  async listen(port: number, host: string): Promise<void> {
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
        return;
      }
      this.metrics.registry.metrics().then(
        (body) => res.writeHead(200, { 'content-type': this.metrics.registry.contentType }).end(body),
        (error: unknown) => {
          this.logger.error(`collecting metrics failed: ${String(error)}`);
          res.writeHead(500).end();
        },
      );
    });
    await new Promise<void>((resolve) => {
      // A taken port must not take the app down with it: serve without metrics and say so loudly
      // (Prometheus' `up` turns 0 for this target).
      server.once('error', (error) => {
        this.logger.error(`metrics listener on ${host}:${port} failed: ${error.message}`);
        resolve();
      });
      server.listen(port, host, () => {
        this.server = server;
        this.logger.log(`metrics on http://${host}:${this.port}/metrics`);
        resolve();
      });
    });
  }

  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
