// Side-effect entry imported first by main.ts: tracing must patch modules before they are loaded.
// Loaded only when an endpoint is configured, so a start without tracing pays nothing for it.
if (process.env['OTEL_EXPORTER_OTLP_ENDPOINT']) {
  (require('./tracing') as typeof import('./tracing')).startTracing({ env: process.env, argv: process.argv.slice(2) });
}
