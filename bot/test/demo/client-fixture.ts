import { test as doubleTest } from '../../../packages/discord-double/test/client-fixture.js';
import { demoGuild } from '../../src/demo/index.js';

/** The double's client fixture, serving RoboShpee's demo guild. */
export const test = doubleTest.extend({ guild: [demoGuild(), { injected: true }] });
