import { stripComments } from '../../../harness/configs/alloy-config.js';
import { readRepoFile } from '../../../harness/repo/repo.js';
import { ALLOY_CONFIG } from '../../../harness/repo/stack-files.js';
import { STACK_COMPONENTS, type StackComponent } from '../../src/stack-series.js';

/** The Alloy config without its comments, so a commented-out scrape does not count. */
const alloyConfig = (): string => stripComments(readRepoFile(ALLOY_CONFIG));

/** Whether the stack's Alloy config scrapes this component's metrics into Mimir. */
const isScraped = (component: StackComponent): boolean => {
  const config = alloyConfig();
  return component.scrapedVia.includes(':')
    ? config.includes(`"${component.scrapedVia}"`)
    : config.includes(component.scrapedVia);
};

/** The contract's components whose self-metrics the stack's Alloy config does not scrape. */
export const unscrapedComponents = (): string[] =>
  Object.entries(STACK_COMPONENTS)
    .filter(([, component]) => !isScraped(component))
    .map(([name]) => name);
