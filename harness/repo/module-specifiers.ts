import ts from 'typescript';

/**
 * Every module specifier a source imports or re-exports, static or dynamic, as the
 * TypeScript compiler reads them (comments and strings that look like imports are not).
 */
export function moduleSpecifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((imported) => imported.fileName);
}
