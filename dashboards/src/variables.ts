import {
  QueryVariableBuilder,
  VariableRefresh,
  VariableSort,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { BOT_LABEL, BOT_METRIC, BOT_SERVICE } from './bot-series.js';
import { MIMIR } from './datasources.js';

function botLabelVariable(name: string, label: string, query: string): QueryVariableBuilder {
  return new QueryVariableBuilder(name)
    .label(label)
    .datasource(MIMIR)
    .query(query)
    .definition(query)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(true)
    .includeAll(true)
    .allValue('.*')
    .current({ selected: true, text: 'All', value: '$__all' });
}

/** `deployment.environment.name`, promoted to a label by Mimir's OTLP ingestion. */
export const environmentVariable = botLabelVariable(
  'environment',
  'Environment',
  `label_values({job="${BOT_SERVICE}"}, deployment_environment_name)`,
);

/** `service.instance.id`, which Mimir maps to `instance`. */
export const instanceVariable = botLabelVariable(
  'instance',
  'Instance',
  `label_values({job="${BOT_SERVICE}", deployment_environment_name=~"$environment"}, instance)`,
);

/**
 * The gateway shard (`discord.shard.id`). Only the gateway ping carries it as a label: one
 * process holds all shards under internal sharding, so the other series cannot be split.
 */
export const shardVariable = botLabelVariable(
  'shard',
  'Shard',
  `label_values(${BOT_METRIC.gatewayPing}{job="${BOT_SERVICE}", deployment_environment_name=~"$environment", instance=~"$instance"}, ${BOT_LABEL.shard})`,
);
