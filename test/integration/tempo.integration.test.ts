import { ATTR_HTTP_REQUEST_METHOD } from '@opentelemetry/semantic-conventions';
import { Network, type StartedNetwork, type StartedTestContainer, Wait } from 'testcontainers';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { messages } from '../../bot/src/core/messages.js';
import { GAME_ROLE_NAMES } from '../../bot/src/demo/fixture/names.js';
import { SERVICE_NAME } from '../../bot/src/telemetry/resource.js';
import { ATTR, SPANS } from '../../bot/src/telemetry/semconv.js';
import { containerFromCompose } from './support/compose-container.js';
import { imageOf } from './support/compose-service.js';
import { containerSuite } from './support/container-suite.js';
import { type DemoBot, startDemoBot } from './support/demo-bot-process.js';
import { type InteractionAnswer, sendInteraction, waitForDemo } from './support/demo-control.js';
import { notYet, pollUntil } from './support/poll.js';
import { outline, spanTree } from './support/span-tree.js';
import { stackFacts } from './support/stack-facts.js';
import { searchTraces, waitForTrace } from './support/tempo-client.js';
import { reportTiming, since } from './support/timings.js';
import { spansetFilter } from './support/traceql.js';

const SUITE = 'Tempo alone';
const ROLE = GAME_ROLE_NAMES[0];
/** Bounds the search for an interaction that Discord (the double's fault injection) refuses. */
const MAX_FAILURE_ATTEMPTS = 150;

describe(`${SUITE}: the bot exports its spans over OTLP gRPC to Tempo with the project's config`, () => {
  const gate = containerSuite(() => [imageOf(stackFacts().tempo.service)]);
  let network: StartedNetwork | undefined;
  let tempo: StartedTestContainer | undefined;
  let bot: DemoBot | undefined;
  let tempoUrl = '';
  let added: InteractionAnswer & { readonly sentAt: number } = { sentAt: 0 };

  beforeAll(async () => {
    if (!gate.shouldRun()) return;
    network = await new Network().start();
    const started = performance.now();
    const container = await containerFromCompose(stackFacts().tempo.service, {
      network,
      ports: [stackFacts().tempo.httpPort, stackFacts().tempo.otlpGrpcPort],
      ready: Wait.forHttp('/ready', stackFacts().tempo.httpPort),
    });
    tempo = await container.start();
    reportTiming(SUITE, 'Tempo from start to /ready', since(started));
    tempoUrl = `http://${tempo.getHost()}:${tempo.getMappedPort(stackFacts().tempo.httpPort)}`;
    bot = await startDemoBot({
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://${tempo.getHost()}:${tempo.getMappedPort(stackFacts().tempo.otlpGrpcPort)}`,
      ROBOSHPEE_DEMO_RATE: '0',
      // Tempo takes spans only: metrics and logs would be refused and only add noise.
      OTEL_METRICS_EXPORTER: 'none',
      ROBOSHPEE_OTLP_LOGS: 'false',
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
    await waitForDemo(bot.doubleUrl, 30_000);
  });

  afterAll(async () => {
    await bot?.stop();
    await tempo?.stop();
    await network?.stop();
  });

  test('a /role add becomes one trace: the interaction span, its role lookup and its Discord calls', async () => {
    const doubleUrl = bot?.doubleUrl ?? '';
    // The demo member may hold the role already; removing it first makes the add a real change.
    await sendInteraction(doubleUrl, {
      command: 'role',
      subcommand: 'remove',
      options: { name: ROLE },
    });
    const sentAt = performance.now();
    added = {
      ...(await sendInteraction(doubleUrl, {
        command: 'role',
        subcommand: 'add',
        options: { name: ROLE },
      })),
      sentAt,
    };
    expect(added.content).toBe(messages.added(ROLE));
    expect(added.traceId, 'the callback carried a traceparent').toMatch(/^[0-9a-f]{32}$/);

    const { value: spans } = await waitForTrace(tempoUrl, added.traceId ?? '', 60_000);
    reportTiming(SUITE, 'interaction to its whole trace in Tempo', since(sentAt));
    const tree = spanTree(spans);
    const [root, ...otherRoots] = tree.roots;
    if (root === undefined) throw new Error(`no root span:\n${outline(spans)}`);
    expect(otherRoots, outline(spans)).toEqual([]);
    expect(root).toMatchObject({
      name: '/role add',
      kind: 'server',
      resource: { 'service.name': SERVICE_NAME },
    });
    expect(root.status, outline(spans)).not.toBe('error');
    expect(root.attributes).toMatchObject({
      [ATTR.command]: '/role add',
      [ATTR.outcome]: 'ok',
      [ATTR.role]: ROLE,
    });

    const children = tree.childrenOf(root);
    expect(
      children.map((s) => s.name),
      outline(spans),
    ).toContain(SPANS.roleLookup);
    // The role PUT and the interaction callback POST, as undici client spans under the interaction.
    const calls = tree.descendantsOf(root).filter((s) => s.kind === 'client');
    expect(
      calls.map((s) => s.attributes[ATTR_HTTP_REQUEST_METHOD]),
      outline(spans),
    ).toEqual(expect.arrayContaining(['PUT', 'POST']));
    for (const call of calls) expect(call.traceId).toBe(root.traceId);
  });

  test('a command Discord refuses: error status, its outcome and the exception on the span', async () => {
    const doubleUrl = bot?.doubleUrl ?? '';
    const refusals: readonly string[] = [messages.missingPermissions, messages.failed];
    // The double refuses a few percent of role changes (a role just moved above the bot, or
    // a 5xx that outlives discord.js's retries), drawn from a seeded sequence.
    let attempt = 0;
    const { value: failed } = await pollUntil(
      async () => {
        attempt += 1;
        // Add then remove each game role in turn, so every call is a real role change.
        const role = GAME_ROLE_NAMES[Math.floor(attempt / 2) % GAME_ROLE_NAMES.length] ?? ROLE;
        const subcommand = attempt % 2 === 1 ? 'add' : 'remove';
        const answer = await sendInteraction(doubleUrl, {
          command: 'role',
          subcommand,
          options: { name: role },
        });
        return refusals.includes(answer.content ?? '')
          ? { ...answer, command: `/role ${subcommand}` }
          : notYet(`"${answer.content}"`);
      },
      {
        description: 'an interaction the Discord double refuses',
        timeoutMs: 240_000,
        intervalMs: 0,
        maxAttempts: MAX_FAILURE_ATTEMPTS,
      },
    );
    const { value: spans } = await waitForTrace(tempoUrl, failed.traceId ?? '', 60_000);
    const root = spanTree(spans).roots[0];
    expect(root, outline(spans)).toMatchObject({ name: failed.command, status: 'error' });
    expect(['forbidden', 'error']).toContain(root?.attributes[ATTR.outcome]);
    expect(
      root?.events.map((e) => e.name),
      outline(spans),
    ).toContain('exception');
  });

  test('TraceQL finds the trace again by service name and command', async () => {
    expect(added.traceId, 'the /role add test ran first').toBeDefined();
    const traceql = spansetFilter({
      attributes: [
        { scope: 'resource', attribute: 'service.name', value: SERVICE_NAME },
        { scope: 'span', attribute: ATTR.command, value: '/role add' },
      ],
    });
    const now = Date.now() / 1000;
    const { elapsedMs } = await pollUntil(
      async () => {
        const found = await searchTraces(tempoUrl, traceql, now - 600, now + 60);
        return found.some((t) => t.traceId === added.traceId)
          ? found
          : notYet(`${found.length} traces, not ${added.traceId}`);
      },
      { description: `${added.traceId} in the results of ${traceql}`, timeoutMs: 60_000 },
    );
    reportTiming(SUITE, 'trace found by TraceQL search after (from first search)', elapsedMs);
  });
});
