import { matching } from './pattern.js';

/** Where a server listens; loopback unless asked, so nothing is reachable from outside by default. */
export const interfaceAddress = (name: string) =>
  matching(name, /^[\w.:-]+$/, 'an interface address such as 127.0.0.1 or 0.0.0.0').default(
    '127.0.0.1',
  );
