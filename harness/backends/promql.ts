import { quoted } from './query-string-literal.js';

const METRIC_NAME = /^[A-Za-z_:][A-Za-z0-9_:]*$/;
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `roboshpee_commands{command_name="/role add", job="roboshpee"}`, names checked, values quoted. */
export function seriesSelector(
  metric: string,
  labels: Readonly<Record<string, string>> = {},
): string {
  if (!METRIC_NAME.test(metric))
    throw new Error(`"${metric}" is not a valid Prometheus metric name`);
  const matchers = Object.entries(labels).map(([name, value]) => {
    if (!LABEL_NAME.test(name)) throw new Error(`"${name}" is not a valid Prometheus label name`);
    return `${name}=${quoted(value)}`;
  });
  return matchers.length === 0 ? metric : `${metric}{${matchers.join(', ')}}`;
}

/** `sum(<selector>)`: one number whatever the instance and other labels. */
export function sumOf(selector: string): string {
  return `sum(${selector})`;
}

/** `<selector>[<seconds>s]`: a range selector, which an instant query answers with raw samples. */
export function rangeOf(selector: string, seconds: number): string {
  if (!Number.isInteger(seconds) || seconds <= 0) {
    throw new Error(`a range must be a positive whole number of seconds, got ${seconds}`);
  }
  return `${selector}[${seconds}s]`;
}
