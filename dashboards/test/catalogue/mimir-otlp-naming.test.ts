import { describe, expect, it } from 'vitest';
import { otlpSeries } from './mimir-otlp-naming.js';
import type { OtelInstrument } from './types.js';

// Expected names follow the OTLP-to-Prometheus rules of the Prometheus otlptranslator,
// which Mimir applies: https://prometheus.io/docs/guides/opentelemetry/ (name translation).
const names = (instrument: OtelInstrument, suffixes: boolean): string[] =>
  otlpSeries(instrument, { suffixes, promotedResourceAttributes: [] }, 'test').map((s) => s.name);

describe('OTLP metric names in Mimir', () => {
  it.each([
    [
      { name: 'roboshpee.commands', kind: 'counter', unit: '{command}', attributes: [] },
      false,
      ['roboshpee_commands'],
    ],
    [
      { name: 'roboshpee.commands', kind: 'counter', unit: '{command}', attributes: [] },
      true,
      ['roboshpee_commands_total'],
    ],
    [
      { name: 'roboshpee.command.duration', kind: 'histogram', unit: 's', attributes: [] },
      false,
      [
        'roboshpee_command_duration_bucket',
        'roboshpee_command_duration_sum',
        'roboshpee_command_duration_count',
      ],
    ],
    [
      { name: 'roboshpee.command.duration', kind: 'histogram', unit: 's', attributes: [] },
      true,
      [
        'roboshpee_command_duration_seconds_bucket',
        'roboshpee_command_duration_seconds_sum',
        'roboshpee_command_duration_seconds_count',
      ],
    ],
    [
      { name: 'process.memory.usage', kind: 'gauge', unit: 'By', attributes: [] },
      true,
      ['process_memory_usage_bytes'],
    ],
    [
      { name: 'nodejs.eventloop.utilization', kind: 'gauge', unit: '1', attributes: [] },
      true,
      ['nodejs_eventloop_utilization_ratio'],
    ],
    [
      { name: 'roboshpee.discord.rate_limits', kind: 'counter', unit: '{event}', attributes: [] },
      false,
      ['roboshpee_discord_rate_limits'],
    ],
  ] as const)('%o with suffixes %s', (instrument, suffixes, expected) => {
    expect(names(instrument, suffixes)).toEqual(expected);
  });

  it('labels series with job, instance, promoted resource attributes and attributes, dots as underscores', () => {
    const [series] = otlpSeries(
      {
        name: 'roboshpee.commands',
        kind: 'counter',
        unit: '{command}',
        attributes: ['command.name'],
      },
      { suffixes: false, promotedResourceAttributes: ['deployment.environment.name'] },
      'test',
    );
    expect([...(series?.labels ?? [])].sort()).toEqual([
      'command_name',
      'deployment_environment_name',
      'instance',
      'job',
    ]);
  });
});
