import { BOT_SERVICE } from './bot-series.js';

/**
 * Label selectors shared by the bot dashboards. `$environment` and `$instance` are the
 * dashboard variables (variables.ts); their "All" value is `.*`.
 */
export const botSelector = (...extra: string[]): string =>
  `{${[
    `job="${BOT_SERVICE}"`,
    'deployment_environment_name=~"$environment"',
    'instance=~"$instance"',
    ...extra,
  ].join(', ')}}`;

/** Loki stream selector for the bot's OTLP logs (Loki's default OTLP index labels). */
export const botStreamSelector = `{service_name="${BOT_SERVICE}", deployment_environment_name=~"$environment", service_instance_id=~"$instance"}`;

/** Pyroscope label selector for the bot's profiles (profile-labels.ts names the labels). */
export const botProfileSelector = `{service_name="${BOT_SERVICE}", deployment_environment_name=~"$environment", service_instance_id=~"$instance"}`;

/** TraceQL conditions that select the bot's spans in the chosen environment. */
export const botSpanConditions = `resource.service.name = "${BOT_SERVICE}" && resource.deployment.environment.name =~ "$environment"`;

/** Span-metric series of the bot's interaction spans (one SERVER span per interaction). */
export const botSpanMetricSelector = (...extra: string[]): string =>
  `{${[`service="${BOT_SERVICE}"`, 'span_kind="SPAN_KIND_SERVER"', ...extra].join(', ')}}`;
