/**
 * `npm start` and `npm run demo` run this before their build, straight from the sources
 * (scripts/start/typescript-sources.mjs), so that a bad variable is named within a second
 * rather than after a compile: the very checks main.ts and the preload make, nothing else.
 * Silent and exit 0 when every variable is good.
 */
import { existsSync } from 'node:fs';
import { loadBotConfig } from './config/bot-config.js';
import { withDemoDefault } from './config/demo-default.js';
import { loadAll, loadOrExit } from './config/exit-on-config-error.js';
import { loadTelemetryConfig } from './config/telemetry-config.js';

// `.env` as the bot itself reads it (`node --env-file-if-exists=.env`: what is already set
// wins); loaded here rather than with that flag so that its "not found" notice is printed
// once per start, by the bot.
if (existsSync('.env')) process.loadEnvFile('.env');
const env = withDemoDefault(process.env, process.argv.slice(2));
loadOrExit(() => loadAll([() => loadTelemetryConfig(env), () => loadBotConfig(env)]));
