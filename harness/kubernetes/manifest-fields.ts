import ts from 'typescript';
import { REPO_ROOT } from '../repo/repo.js';
import type { Manifest } from './manifests.js';

/**
 * Unknown fields, the mistake the OpenAPI schemas let through (the API server rejects them
 * under kubectl's strict field validation). Each object is type-checked as an object
 * literal of its kubernetes-models interface, so TypeScript's excess-property check names
 * every field the API does not have, and wrong types too.
 */
const TYPES: Readonly<Record<string, { readonly module: string; readonly name: string }>> = {
  'v1/Namespace': { module: 'kubernetes-models/v1', name: 'INamespace' },
  'v1/ServiceAccount': { module: 'kubernetes-models/v1', name: 'IServiceAccount' },
  'v1/ConfigMap': { module: 'kubernetes-models/v1', name: 'IConfigMap' },
  'apps/v1/Deployment': { module: 'kubernetes-models/apps/v1', name: 'IDeployment' },
};

/** Inside the repository, so that `kubernetes-models` resolves from its node_modules. */
const VIRTUAL_FILE = `${REPO_ROOT}harness/kubernetes/virtual-manifests.ts`;

export function unknownFieldErrors(manifests: readonly Manifest[]): string[] {
  const lines: string[] = [];
  const problems: string[] = [];
  manifests.forEach((manifest, index) => {
    const key = `${String(manifest.object.apiVersion)}/${String(manifest.object.kind)}`;
    const type = TYPES[key];
    if (type === undefined) {
      problems.push(`${manifest.where}: no type known here for ${key}`);
      return;
    }
    lines.push(`import type { ${type.name} as T${index} } from '${type.module}';`);
    lines.push(`// ${manifest.where}`);
    lines.push(`export const m${index}: T${index} = ${JSON.stringify(manifest.object)};`);
  });
  const source = lines.join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, ...rest) =>
    fileName === VIRTUAL_FILE
      ? ts.createSourceFile(fileName, source, language)
      : getSourceFile(fileName, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => fileName === VIRTUAL_FILE || fileExists(fileName);
  const program = ts.createProgram([VIRTUAL_FILE], options, host);
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const at =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line
        : -1;
    const where = at > 0 ? source.split('\n')[at - 1]?.replace('// ', '') : undefined;
    problems.push(`${where ?? 'manifests'}: ${message}`);
  }
  return problems;
}
