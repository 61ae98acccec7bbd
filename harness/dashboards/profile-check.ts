import { PROFILE_LABELS } from '../../bot/src/telemetry-sdk/profiling/profile-labels.js';
import { PROFILE_TYPES } from '../../bot/src/telemetry-sdk/profiling/profile-types.js';
import { BOT_SERVICE } from '../../dashboards/src/bot-series.js';

/** Labels a bot profile carries in Pyroscope: service_name (the application name) and these. */
const PROFILE_LABEL_NAMES = new Set(['service_name', ...Object.keys(PROFILE_LABELS)]);
const PRODUCED_TYPES = new Set<string>(Object.values(PROFILE_TYPES));

/**
 * Why a Pyroscope query finds none of the bot's profiles: a profile type the bot does not
 * upload, or a label its uploads do not carry.
 */
export function profileProblems(profileTypeId: string | undefined, selector: string): string[] {
  const matchers = [...selector.matchAll(/(\w+)\s*(=~|!~|!=|=)\s*"([^"]*)"/g)];
  return [
    ...(PRODUCED_TYPES.has(profileTypeId ?? '')
      ? []
      : [
          `profile type "${profileTypeId}" is not one the bot uploads (${[...PRODUCED_TYPES].join(', ')})`,
        ]),
    ...matchers
      .filter(([, label]) => !PROFILE_LABEL_NAMES.has(label ?? ''))
      .map(([, label]) => `label "${label}" is not on the bot's profiles`),
    ...matchers
      .filter(
        ([, label, op, value]) => label === 'service_name' && op === '=' && value !== BOT_SERVICE,
      )
      .map(([, , , value]) => `service_name "${value}" is not the bot's "${BOT_SERVICE}"`),
  ];
}
