import { type Config, loadBotConfig } from './config/bot-config.js';
import { withDemoDefault } from './config/demo-default.js';
import { loadOrExit } from './config/exit-on-config-error.js';
import { describeError } from './discord/discord-error.js';
import { startBot } from './runtime/bot.js';
import { createDiscordClient } from './runtime/client.js';
import { startHealthServer } from './runtime/health-server.js';
import { onShutdown } from './runtime/shutdown.js';
import { StartFailure, startFailureLine } from './runtime/start-failure.js';
import { runningTelemetry, shutdownTelemetry } from './telemetry/lifecycle.js';
import { logger, useLogFormat } from './telemetry/logger.js';

/** Left of the shutdown budget for the process to exit cleanly before the budget's hard stop. */
const SHUTDOWN_MARGIN_MS = 250;

/** Where the bot connects, and what else has to stop with it. */
interface DiscordEndpoint {
  /** What the start line says the bot talks to, and the same as fields for machines. */
  readonly description: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly apiUrl: string;
  readonly token: string;
  /** Starts what needs the bot connected first (the demo's traffic). */
  afterReady(): void;
  /** Stops making new interactions (the demo's traffic). */
  quiesce(): Promise<void>;
  /** Stops what the bot talked to (the demo's double), once the bot is done with it. */
  close(): Promise<void>;
}

async function connectDemo(config: Extract<Config, { mode: 'demo' }>): Promise<DiscordEndpoint> {
  // Loaded here, not at the top: a bot talking to the real Discord never loads the double.
  const [{ startDiscordDouble }, { demoGuild, startDemoTraffic }] = await Promise.all([
    import('@roboshpee/discord-double'),
    import('./demo/index.js'),
  ]);
  const double = await startDiscordDouble({
    ...demoGuild(),
    host: config.demo.host,
    port: config.demo.port,
    logger: logger.child({ component: 'demo' }),
  }).catch((error: unknown) => {
    throw new StartFailure(
      `the demo's Discord double cannot listen on ${config.demo.host}:${config.demo.port} (${describeError(error).message}); set ROBOSHPEE_DEMO_PORT to a free port (0 picks one)`,
    );
  });
  let traffic: { stop(): Promise<void> } | undefined;
  return {
    description: `demo mode (a simulated Discord, no account used), demo control API ${double.baseUrl}/_demo`,
    fields: { demoControlApi: `${double.baseUrl}/_demo` },
    apiUrl: double.apiUrl,
    token: double.token,
    afterReady() {
      traffic = startDemoTraffic(double, {
        ratePerSecond: config.demo.rate,
        logger: logger.child({ component: 'demo-traffic' }),
      });
    },
    async quiesce() {
      await traffic?.stop();
    },
    close: () => double.close(),
  };
}

function connectDiscord(config: Extract<Config, { mode: 'discord' }>): DiscordEndpoint {
  return {
    description: `Discord mode, Discord API ${config.apiUrl}`,
    fields: { discordApi: config.apiUrl },
    apiUrl: config.apiUrl,
    token: config.token.reveal(),
    afterReady() {},
    async quiesce() {},
    async close() {},
  };
}

// The environment is read here, once; what follows gets its settings from `config`.
const config = loadOrExit(() => loadBotConfig(withDemoDefault(process.env, process.argv.slice(2))));
useLogFormat(config.logFormat);
logger.level = config.logLevel;

try {
  const endpoint = config.mode === 'demo' ? await connectDemo(config) : connectDiscord(config);
  const client = createDiscordClient(endpoint.apiUrl, config.shardsAssigned);
  let stopping = false;
  // Up before the login, so that a probe sees "not ready" rather than nothing while connecting.
  const health = await startHealthServer(config.health, {
    gatewayConnected: () => client.isReady(),
    stopping: () => stopping,
  }).catch((error: unknown) => {
    throw new StartFailure(
      `the health endpoint cannot listen on ${config.health.host}:${config.health.port} (${describeError(error).message}); set ROBOSHPEE_HEALTH_HOST or ROBOSHPEE_HEALTH_PORT (0 picks a free port)`,
    );
  });
  const telemetry = runningTelemetry();
  // The one line that says what runs where.
  logger.info(
    { mode: config.mode, health: `${health.url}/readyz`, ...endpoint.fields },
    `RoboShpee starting in ${endpoint.description}; health ${health.url}/readyz; ` +
      (telemetry === undefined
        ? 'telemetry off (OTEL_SDK_DISABLED=true)'
        : `telemetry to OTLP ${telemetry.endpoint}`),
  );
  const bot = await startBot({ client, roleColor: config.roleColor, logger }, endpoint.token);
  endpoint.afterReady();

  onShutdown({ timeoutMs: config.shutdownTimeoutMs, logger }, async ({ signal }) => {
    const started = performance.now();
    stopping = true;
    logger.info({ signal, inFlight: bot.inFlight() }, 'shutting down');
    await endpoint.quiesce();
    await bot.stop();
    await endpoint.close();
    await health.close();
    logger.info('stopped serving; flushing telemetry');
    // Telemetry flush: last, so the last interactions' spans and logs are included, and
    // bounded by what is left of the shutdown budget.
    const left = config.shutdownTimeoutMs - (performance.now() - started);
    const flush = await shutdownTelemetry(Math.max(left - SHUTDOWN_MARGIN_MS, 0));
    if (telemetry === undefined) return;
    const lost = telemetry.undelivered();
    logger.info(
      { undelivered: lost, flush },
      `stopped; telemetry not delivered: spans ${lost.spans}, metric exports ` +
        `${lost.metricExports}, log records ${lost.logRecords}` +
        (flush === 'timed-out' ? ' (and what the final flush still held: it timed out)' : ''),
    );
  });
} catch (error) {
  // The details for whoever asks (LOG_LEVEL=debug); the user gets one line on stderr.
  logger.debug({ error: describeError(error) }, 'could not start');
  logger.flush();
  process.stderr.write(`roboshpee: could not start: ${startFailureLine(error)}\n`);
  process.exit(1);
}
