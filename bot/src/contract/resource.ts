/** The `service.name` the bot reports; Mimir maps it to `job`, Tempo to `service`, Loki to `service_name`. */
export const BOT_SERVICE = 'roboshpee';

/**
 * Resource attributes a query may select the bot's telemetry by (on every span, metric and
 * log record; host, process and container attributes come with them).
 */
export const RESOURCE_ATTRIBUTES = {
  'service.name': '`roboshpee`',
  'service.version': 'package.json',
  'deployment.environment.name': '`demo` in demo mode, else `production`',
  'service.instance.id': 'a UUID per start',
} as const satisfies Record<string, string>;

/**
 * Labels Mimir gives every series of the bot: `service.name` -> `job`,
 * `service.instance.id` -> `instance`, and the resource attributes infra/mimir/mimir.yaml
 * promotes (`promote_otel_resource_attributes`), dots as underscores.
 */
export const MIMIR_RESOURCE_LABELS = ['job', 'instance', 'deployment_environment_name'] as const;
