import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/**
 * Graceful shutdown, first step: readiness turns 503 so the load balancer stops sending new
 * requests, and we wait SHUTDOWN_DRAIN_MS for it to notice. Nest then closes the HTTP server,
 * which lets in-flight requests finish, and only after that are stores closed.
 */
@Injectable()
export class ShutdownState implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private draining = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get isDraining(): boolean {
    return this.draining;
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.draining = true;
    this.logger.log(`${signal ?? 'shutdown'}: readiness now fails; draining for ${this.config.shutdownDrainMs} ms`);
    if (this.config.shutdownDrainMs > 0) await new Promise((resolve) => setTimeout(resolve, this.config.shutdownDrainMs));
  }
}
