import { expect, test } from 'vitest';
import { InFlight } from '../../src/runtime/in-flight.js';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

test('GIVEN work in flight THEN drain waits for all of it, failures included', async () => {
  const inFlight = new InFlight();
  const first = deferred();
  const second = deferred();
  inFlight.track(first.promise);
  inFlight.track(second.promise);
  expect(inFlight.size).toBe(2);

  let drained = false;
  const draining = inFlight.drain().then(() => {
    drained = true;
  });
  first.resolve();
  await first.promise;
  await Promise.resolve();
  expect(drained).toBe(false);
  second.reject(new Error('handled elsewhere'));
  await draining;
  expect(drained).toBe(true);
  expect(inFlight.size).toBe(0);
});

test('GIVEN work added while draining THEN drain waits for it too', async () => {
  const inFlight = new InFlight();
  const first = deferred();
  const late = deferred();
  inFlight.track(first.promise);
  const draining = inFlight.drain();
  inFlight.track(late.promise);
  first.resolve();
  let drained = false;
  void draining.then(() => {
    drained = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(drained).toBe(false);
  late.resolve();
  await draining;
  expect(inFlight.size).toBe(0);
});

test('GIVEN nothing in flight THEN drain resolves at once', async () => {
  await expect(new InFlight().drain()).resolves.toBeUndefined();
});
