import { resourceFromAttributes } from '@opentelemetry/resources';
import { describe, expect, test } from 'vitest';
import { applicationName } from '../../src/telemetry-sdk/profiling/profile-labels.js';

describe('applicationName', () => {
  test('GIVEN the resource THEN the service name carries version, environment and instance', () => {
    const resource = resourceFromAttributes({
      'service.name': 'roboshpee',
      'service.version': '0.1.0',
      'deployment.environment.name': 'prod',
      'service.instance.id': 'b3c1',
      'host.name': 'left-out',
    });
    expect(applicationName(resource)).toBe(
      'roboshpee{service_version=0.1.0,deployment_environment_name=prod,service_instance_id=b3c1}',
    );
  });
  test('GIVEN values with the characters of the name syntax THEN they are replaced, not sent', () => {
    const resource = resourceFromAttributes({
      'service.name': 'bot{x}',
      'deployment.environment.name': 'a=b,c',
    });
    expect(applicationName(resource)).toBe('bot_x_{deployment_environment_name=a_b_c}');
  });
});
