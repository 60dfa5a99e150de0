// Side-effect entry imported first by main.ts: tracing must patch modules before they are loaded.
import { startTracing } from './tracing';

startTracing({ env: process.env, argv: process.argv.slice(2) });
