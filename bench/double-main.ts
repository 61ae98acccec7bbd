/**
 * The Discord double in a process of its own (started by double-process.ts), so that the
 * bot's process does only the bot's work: the bench measures that process's CPU. The load
 * runs here too, sending interactions straight from the double (no control-API request
 * per interaction), so that the double and the bench are not what limits the bot. Prints
 * `{"baseUrl", "token"}` as one JSON line once it listens; runs the loads the bench asks
 * for over IPC; stops on SIGTERM.
 */
import { type InteractionRequest, startDiscordDouble } from '@roboshpee/discord-double';
import { demoGuild } from '../bot/src/demo/index.js';
import type { LoadRequest } from './double-process.js';
import { closedLoop, openLoop, type Send } from './load.js';

/**
 * `/role list` answers with the interaction callback only: no rate-limited REST route
 * (the double allows 10 per 2 s per route) sits between the load and the bot's own work.
 */
const LIST_ROLES: InteractionRequest = { command: 'role', subcommand: 'list' };

// No injected failures or latency: the bench measures the bot, and every call must succeed.
const double = await startDiscordDouble({ ...demoGuild(), failures: false });
const send: Send = () =>
  double.sendInteraction(LIST_ROLES).then(({ traceId, callbackMs }) => ({ traceId, callbackMs }));

process.on('message', (request: LoadRequest) => {
  const load =
    request.kind === 'closed'
      ? closedLoop(send, request.total, request.concurrency)
      : openLoop(send, request.perSecond, request.seconds);
  load.then(
    (answers) => process.send?.({ answers }),
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
process.stdout.write(`${JSON.stringify({ baseUrl: double.baseUrl, token: double.token })}\n`);
process.once('SIGTERM', () => {
  void double.close().then(() => process.exit(0));
});
