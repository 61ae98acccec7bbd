/**
 * The Discord double in a process of its own (started by double-process.ts), so that the
 * bot's process does only the bot's work: the bench measures that process's CPU. Prints
 * `{"baseUrl", "token"}` as one JSON line once it listens; stops on SIGTERM.
 */
import { startDiscordDouble } from '../bot/src/demo/index.js';

// No injected failures or latency: the bench measures the bot, and every call must succeed.
const double = await startDiscordDouble({ failures: false, maxRecordedCalls: 0 });
process.stdout.write(`${JSON.stringify({ baseUrl: double.baseUrl, token: double.token })}\n`);
process.once('SIGTERM', () => {
  void double.close().then(() => process.exit(0));
});
