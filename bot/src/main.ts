import { type Config, loadBotConfig } from './config/bot-config.js';
import { loadOrExit } from './config/exit-on-config-error.js';
import { describeError } from './discord/discord-error.js';
import { startBot } from './runtime/bot.js';
import { createDiscordClient } from './runtime/client.js';
import { startHealthServer } from './runtime/health-server.js';
import { onShutdown } from './runtime/shutdown.js';
import { shutdownTelemetry } from './telemetry/lifecycle.js';
import { logger } from './telemetry/logger.js';

/** Left of the shutdown budget for the process to exit cleanly before the budget's hard stop. */
const SHUTDOWN_MARGIN_MS = 250;

/** Where the bot connects, and what else has to stop with it. */
interface DiscordEndpoint {
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
  });
  logger.info(`demo mode: Discord double at ${double.baseUrl}`);
  let traffic: { stop(): Promise<void> } | undefined;
  return {
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
  logger.info({ apiUrl: config.apiUrl }, 'connecting to Discord');
  return {
    apiUrl: config.apiUrl,
    token: config.token.reveal(),
    afterReady() {},
    async quiesce() {},
    async close() {},
  };
}

// The environment is read here, once; what follows gets its settings from `config`.
const config = loadOrExit(() => loadBotConfig(process.env));
logger.level = config.logLevel;
logger.info(
  { mode: config.mode },
  config.mode === 'demo'
    ? 'RoboShpee starting in DEMO mode (no Discord account used)'
    : 'RoboShpee starting',
);

try {
  const endpoint = config.mode === 'demo' ? await connectDemo(config) : connectDiscord(config);
  const client = createDiscordClient(endpoint.apiUrl, config.shardsAssigned);
  let stopping = false;
  // Up before the login, so that a probe sees "not ready" rather than nothing while connecting.
  const health = await startHealthServer(config.health, {
    gatewayConnected: () => client.isReady(),
    stopping: () => stopping,
  }).catch((error: unknown) => {
    throw new Error(
      `the health endpoint cannot listen on ${config.health.host}:${config.health.port} (${describeError(error).message}); set ROBOSHPEE_HEALTH_HOST or ROBOSHPEE_HEALTH_PORT (0 picks a free port)`,
    );
  });
  logger.info(`health endpoint at ${health.url}/readyz`);
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
    const telemetry = await shutdownTelemetry(Math.max(left - SHUTDOWN_MARGIN_MS, 0));
    if (telemetry !== 'flushed' && telemetry !== 'not-running') {
      logger.warn({ telemetry }, 'telemetry was not flushed');
    }
  });
} catch (error) {
  logger.fatal({ error: describeError(error) }, 'could not start');
  process.exit(1);
}
