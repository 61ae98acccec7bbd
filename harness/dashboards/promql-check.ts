import type { SyntaxNode } from '../backends/query-grammars.js';
import { parseQuery } from './parsed-query.js';

/** What the check needs of a series catalogue: the labels of each metric family, by name. */
export type SeriesLabels = ReadonlyMap<string, { readonly labels: ReadonlySet<string> }>;

const childrenNamed = (node: SyntaxNode, name: string): SyntaxNode[] => node.getChildren(name);

function descendants(node: SyntaxNode, name: string): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const cursor = node.cursor();
  const end = node.to;
  while (cursor.next() && cursor.from < end) {
    if (cursor.name === name) found.push(cursor.node);
  }
  return found;
}

interface Selector {
  readonly name: string | undefined;
  readonly labels: readonly string[];
}

function selectorOf(node: SyntaxNode, text: string): Selector {
  const identifier = node.getChild('Identifier');
  const labels = descendants(node, 'LabelName').map((label) => text.slice(label.from, label.to));
  return {
    name: identifier === null ? undefined : text.slice(identifier.from, identifier.to),
    labels,
  };
}

/**
 * What in a PromQL expression would make a panel show "No data" against the system:
 * syntax errors, metric names no component produces, label matchers and `by`/`on`
 * labels that the selected series do not carry.
 */
export function promqlProblems(query: string, catalogue: SeriesLabels): string[] {
  const { text, tree, errors } = parseQuery('promql', query);
  if (errors.length > 0) return [...errors];

  const problems: string[] = [];
  const labelsOf = (selector: Selector): ReadonlySet<string> | undefined => {
    if (selector.name !== undefined) return catalogue.get(selector.name)?.labels;
    // A selector without a metric name matches every family carrying all its labels.
    const matching = [...catalogue.values()].filter((family) =>
      selector.labels.every((label) => family.labels.has(label)),
    );
    return matching.length > 0
      ? new Set(matching.flatMap((family) => [...family.labels]))
      : undefined;
  };

  const root = tree.topNode;
  for (const node of descendants(root, 'VectorSelector')) {
    const selector = selectorOf(node, text);
    const labels = labelsOf(selector);
    if (labels === undefined) {
      problems.push(
        selector.name === undefined
          ? `no series carries all of the labels ${selector.labels.join(', ')}`
          : `metric "${selector.name}" is not produced by the system`,
      );
      continue;
    }
    for (const label of selector.labels) {
      if (!labels.has(label))
        problems.push(`label "${label}" does not exist on "${selector.name}"`);
    }
  }

  // `by (...)` and `on (...)` labels must exist on every series the clause applies to.
  const groupings = [
    ...descendants(root, 'AggregateModifier').filter((m) => m.getChild('By') !== null),
    ...descendants(root, 'MatchingModifierClause').filter((m) => m.getChild('On') !== null),
  ];
  for (const modifier of groupings) {
    const scope = modifier.parent;
    if (scope === null) continue;
    const grouped = childrenNamed(modifier, 'GroupingLabels').flatMap((g) =>
      g.getChildren('LabelName').map((label) => text.slice(label.from, label.to)),
    );
    for (const node of descendants(scope, 'VectorSelector')) {
      const selector = selectorOf(node, text);
      const labels = labelsOf(selector);
      if (labels === undefined) continue;
      for (const label of grouped) {
        if (!labels.has(label)) {
          problems.push(
            `grouping label "${label}" does not exist on "${selector.name ?? text.slice(node.from, node.to)}"`,
          );
        }
      }
    }
  }
  return [...new Set(problems)];
}

/** Grafana's `label_values(selector, label)` variable query: the selector and the label it lists. */
export function labelValuesProblems(query: string, catalogue: SeriesLabels): string[] {
  const match = /^label_values\((.+),\s*(\w+)\)$/.exec(query.trim());
  if (match === null) return [`not a label_values(selector, label) query: ${query}`];
  const [, selector = '', label = ''] = match;
  // Counting by the label checks both the selector and that its series carry the label.
  return promqlProblems(`count by (${label}) (${selector})`, catalogue);
}
