import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

/**
 * What the packaged desktop app loads from node_modules at run time, worked out from the sources: the bare
 * imports reachable from an entry file (following relative imports and the `@shared`/`@sync`/`@renderer`
 * aliases), then every package those need in turn. Used by electron-builder-config.test.ts to check that
 * build/electron-builder.yml packages exactly what the main process runs.
 */

const ALIASES: Record<string, string> = {
  '@shared': 'shared',
  '@sync': 'sync',
  '@renderer': 'renderer/src',
};
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.js'];

/** Module specifiers a file loads at run time (type-only imports and exports left out). */
export function runtimeSpecifiers(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isImportDeclaration(node) &&
      !node.importClause?.isTypeOnly &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      found.push(node.moduleSpecifier.text);
    else if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      found.push(node.moduleSpecifier.text);
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments.length === 1 &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function resolveSource(path: string): string | undefined {
  if (/\.(json|css)$/.test(path)) return existsSync(path) ? path : undefined;
  for (const candidate of [path, ...SOURCE_EXTENSIONS.map((ext) => path + ext)])
    if (existsSync(candidate) && /\.(m?[jt]sx?)$/.test(candidate)) return candidate;
  return undefined;
}

/** The package a bare specifier names ('@scope/pkg/sub' → '@scope/pkg'), or undefined for built-ins. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]))
    return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Packages (not built-ins) imported at run time by `entry` and every source file it reaches. */
export function bareImportsFrom(projectDir: string, entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = [resolve(projectDir, entry)];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.json') || file.endsWith('.css')) continue;
    for (const specifier of runtimeSpecifiers(file, readFileSync(file, 'utf8'))) {
      const alias = Object.keys(ALIASES).find(
        (name) => specifier === name || specifier.startsWith(`${name}/`),
      );
      const local = specifier.startsWith('.')
        ? resolve(dirname(file), specifier)
        : alias
          ? join(projectDir, ALIASES[alias], specifier.slice(alias.length))
          : undefined;
      if (local) {
        const resolved = resolveSource(local);
        if (!resolved) throw new Error(`${file}: cannot resolve ${specifier}`);
        queue.push(resolved);
        continue;
      }
      const name = packageOf(specifier);
      if (name) packages.add(name);
    }
  }
  return packages;
}

/** Where Node would find `name` from `fromDir` (walking up node_modules folders). */
function packageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** An installed package: its name and its folder relative to the project ('node_modules/a/node_modules/b'). */
export interface InstalledPackage {
  name: string;
  path: string;
}

/**
 * The installed packages `roots` need at run time: each root and, recursively, its dependencies and
 * installed optional dependencies, resolved as Node resolves them (nested copies included).
 */
export function runtimeClosure(projectDir: string, roots: Iterable<string>): InstalledPackage[] {
  const found = new Map<string, InstalledPackage>();
  const visit = (name: string, fromDir: string, optional: boolean): void => {
    const dir = packageDir(name, fromDir);
    if (!dir) {
      if (optional) return;
      throw new Error(`${name} is not installed (needed from ${fromDir})`);
    }
    if (found.has(dir)) return;
    found.set(dir, { name, path: dir.slice(projectDir.length + 1).replaceAll('\\', '/') });
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  for (const root of roots) visit(root, projectDir, false);
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}
