import { z } from 'zod';
import { integerBetween } from '../fields/integer.js';
import { interfaceAddress } from '../fields/interface-address.js';
import { defineSection } from '../section.js';

/** Where /livez and /readyz are served (compose healthcheck, Kubernetes probes). */
export const healthSection = defineSection(
  z.object({
    // Loopback by default: only the machine's own checks ask; Kubernetes probes need 0.0.0.0.
    ROBOSHPEE_HEALTH_HOST: interfaceAddress('ROBOSHPEE_HEALTH_HOST'),
    // A fixed port, so that a healthcheck or probe written once finds it; 0 picks a free one.
    ROBOSHPEE_HEALTH_PORT: integerBetween('ROBOSHPEE_HEALTH_PORT', 0, 65535, 8081),
  }),
  (values) => ({ host: values.ROBOSHPEE_HEALTH_HOST, port: values.ROBOSHPEE_HEALTH_PORT }),
);
