/**
 * Where a person reads what to do about an alert: a section of the project's README, named
 * by its heading's anchor. The README is read where the repository is published: set
 * OWNER/REPO to that place (as in the README's flake example) and regenerate.
 */
export const README_URL = 'https://github.com/OWNER/REPO/blob/main/README.md';

export const runbookUrl = (anchor: string): string => `${README_URL}#${anchor}`;
