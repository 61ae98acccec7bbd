import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import {
  type DashboardLink,
  type DashboardLinkBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
} from '@grafana/grafana-foundation-sdk/dashboard';
import * as pyroscope from '@grafana/grafana-foundation-sdk/grafanapyroscope';
import * as loki from '@grafana/grafana-foundation-sdk/loki';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as tempo from '@grafana/grafana-foundation-sdk/tempo';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';
import { type Datasource, LOKI, MIMIR, PYROSCOPE, TEMPO } from './datasources.js';
import { exploreLink } from './explore-link.js';

/** What every panel builder of the SDK offers; the helpers below decorate any of them. */
interface PanelBuilder {
  title(title: string): this;
  description(description: string): this;
  unit(unit: string): this;
  links(links: cog.Builder<DashboardLink>[]): this;
  height(h: number): this;
  span(w: number): this;
  datasource(datasource: DataSourceRef): this;
  withTarget(target: cog.Builder<cog.Dataquery>): this;
}

export interface PanelText {
  readonly title: string;
  readonly description: string;
  /** A Grafana unit id (`s`, `bytes`, `percentunit`, `reqps`, ...). */
  readonly unit: string;
  /** Grid width out of 24 (default 12). */
  readonly width?: number;
  readonly height?: number;
}

function describe<P extends PanelBuilder>(
  panel: P,
  text: PanelText,
  datasource: Datasource,
  ...links: DashboardLinkBuilder[]
): P {
  const described = panel
    .datasource(datasource)
    .title(text.title)
    .description(text.description)
    .unit(text.unit)
    .span(text.width ?? 12)
    .height(text.height ?? 8);
  return links.length === 0 ? described : described.links(links);
}

type Step = { readonly value: number; readonly color: string };

/** `base` colour up to the first step, then each step's colour from its value on. */
export function thresholdsFrom(base: string, ...steps: readonly Step[]): ThresholdsConfigBuilder {
  return new ThresholdsConfigBuilder()
    .mode(ThresholdsMode.Absolute)
    .steps([{ value: null, color: base }, ...steps]);
}

/** Green up to the first step (the usual "lower is better" panel). */
export const thresholds = (...steps: readonly Step[]): ThresholdsConfigBuilder =>
  thresholdsFrom('green', ...steps);

export interface PromTarget {
  readonly expr: string;
  readonly legend: string;
  readonly exemplar?: boolean;
}

function promQuery(target: PromTarget, index: number): prometheus.DataqueryBuilder {
  return new prometheus.DataqueryBuilder()
    .datasource(MIMIR)
    .refId(String.fromCharCode(65 + index))
    .expr(target.expr)
    .legendFormat(target.legend)
    .exemplar(target.exemplar ?? false)
    .range();
}

function firstOf(targets: readonly PromTarget[]): PromTarget {
  const first = targets[0];
  if (first === undefined) throw new Error('a metrics panel needs at least one query');
  return first;
}

/**
 * A time series panel of Mimir queries, linked to Explore with its first query (and to
 * `related` views after that link).
 */
export function metricsTimeseries(
  text: PanelText,
  targets: readonly PromTarget[],
  limits: ThresholdsConfigBuilder = thresholds(),
  ...related: DashboardLinkBuilder[]
): timeseries.PanelBuilder {
  const panel = describe(
    new timeseries.PanelBuilder()
      .thresholds(limits)
      .lineWidth(1)
      .fillOpacity(10)
      .showPoints(common.VisibilityMode.Never)
      .legend(
        new common.VizLegendOptionsBuilder()
          .showLegend(true)
          .displayMode(common.LegendDisplayMode.List)
          .placement(common.LegendPlacement.Bottom),
      )
      .tooltip(new common.VizTooltipOptionsBuilder().mode(common.TooltipDisplayMode.Multi)),
    text,
    MIMIR,
    exploreLink(MIMIR, { expr: firstOf(targets).expr }),
    ...related,
  );
  return targets.reduce(
    (built, target, index) => built.withTarget(promQuery(target, index)),
    panel,
  );
}

/** A single-value panel of one Mimir query, reduced to its last value. */
export function metricsStat(
  text: PanelText,
  target: PromTarget,
  limits: ThresholdsConfigBuilder,
): stat.PanelBuilder {
  return describe(
    new stat.PanelBuilder()
      .thresholds(limits)
      .colorMode(common.BigValueColorMode.Value)
      .graphMode(common.BigValueGraphMode.Area)
      .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']))
      .withTarget(promQuery(target, 0)),
    { width: 6, height: 6, ...text },
    MIMIR,
    exploreLink(MIMIR, { expr: target.expr }),
  );
}

/** Decorates a panel whose single query is LogQL. */
export function logsPanel<P extends PanelBuilder>(panel: P, text: PanelText, expr: string): P {
  return describe(panel, text, LOKI, exploreLink(LOKI, { expr })).withTarget(
    new loki.DataqueryBuilder().datasource(LOKI).refId('A').expr(expr),
  );
}

/** Decorates a panel whose single query is a TraceQL search. */
export function tracesPanel<P extends PanelBuilder>(
  panel: P,
  text: PanelText,
  query: string,
  limit: number,
): P {
  return describe(
    panel,
    text,
    TEMPO,
    exploreLink(TEMPO, { query, queryType: 'traceql' }),
  ).withTarget(
    new tempo.DataqueryBuilder()
      .datasource(TEMPO)
      .refId('A')
      .queryType('traceql')
      .query(query)
      .limit(limit)
      .tableType(tempo.SearchTableType.Traces),
  );
}

/** Decorates a panel that shows Tempo's service graph (queried from Mimir by the datasource). */
export function serviceMapPanel<P extends PanelBuilder>(panel: P, text: PanelText): P {
  return describe(panel, text, TEMPO).withTarget(
    new tempo.DataqueryBuilder().datasource(TEMPO).refId('A').queryType('serviceMap'),
  );
}

export interface ProfileTarget {
  readonly profileTypeId: string;
  readonly labelSelector: string;
}

/** Explore's flame graph of a Pyroscope query over the dashboard's time range. */
export const profileLink = (target: ProfileTarget, title: string): DashboardLinkBuilder =>
  exploreLink(PYROSCOPE, { ...target, queryType: 'profile' }, title);

/**
 * A flame graph of one Pyroscope profile type, merged over the dashboard's time range.
 * The SDK has no flame graph builder: the generic panel builder with its type.
 */
export function flameGraphPanel(text: PanelText, target: ProfileTarget): dashboard.PanelBuilder {
  return describe(
    new dashboard.PanelBuilder().type('flamegraph'),
    { width: 24, height: 12, ...text },
    PYROSCOPE,
    profileLink(target, 'Explore in pyroscope'),
  ).withTarget(
    new pyroscope.DataqueryBuilder()
      .datasource(PYROSCOPE)
      .refId('A')
      .queryType('profile')
      .profileTypeId(target.profileTypeId)
      .labelSelector(target.labelSelector)
      .groupBy([]),
  );
}
