import { afterEach, describe, expect, test } from 'vitest';
import { type DiscordDouble, RecordingOff, startDiscordDouble } from '../src/index.js';

describe('the call record', () => {
  let double: DiscordDouble | undefined;
  afterEach(async () => {
    await double?.close();
  });

  const getGateway = (d: DiscordDouble) =>
    fetch(`${d.apiUrl}/v10/gateway/bot`, { headers: { authorization: `Bot ${d.token}` } });

  test('GIVEN a double started without recordCalls THEN it keeps no calls and says how to get them', async () => {
    double = await startDiscordDouble({ failures: false });
    expect((await getGateway(double)).status).toBe(200);
    expect(() => double?.calls).toThrow(RecordingOff);
    expect(() => double?.calls).toThrow(/recordCalls: true/);
    expect(() => double?.clearCalls()).toThrow(RecordingOff);
  });

  test('GIVEN recordCalls THEN each REST call is kept, and clearCalls forgets them', async () => {
    double = await startDiscordDouble({ failures: false, recordCalls: true });
    expect((await getGateway(double)).status).toBe(200);
    expect(double.calls).toMatchObject([
      { method: 'GET', path: '/api/v10/gateway/bot', status: 200 },
    ]);
    double.clearCalls();
    expect(double.calls).toEqual([]);
  });
});
