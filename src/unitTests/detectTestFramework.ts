// Finds the project's unit-test framework from its manifest files (package.json, pyproject.toml, go.mod,
// Cargo.toml, pom.xml, …), nearest to the source file first, so tests come out in the style the project runs.
import { frameworkById, frameworksFor, type TestFramework } from './testFrameworks';

/** The manifest files the host reads, by file name. */
export const MANIFEST_FILES = [
  'package.json',
  'pyproject.toml',
  'setup.cfg',
  'pytest.ini',
  'tox.ini',
  'requirements.txt',
  'requirements-dev.txt',
  'go.mod',
  'Cargo.toml',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'Gemfile',
  'composer.json',
] as const;

export interface ProjectFile {
  /** The file's name, one of MANIFEST_FILES. */
  readonly name: string;
  readonly text: string;
}

export type Detection =
  | { readonly kind: 'found'; readonly framework: TestFramework }
  /** Nothing or more than one framework found: the user is asked, these offered first. */
  | { readonly kind: 'unsure'; readonly candidates: readonly TestFramework[] };

/**
 * `files` nearest first (the source's folder, then each parent). The first file naming a framework for the
 * source's language decides; a file naming several leaves the choice to the user.
 */
export function detectTestFramework(languageId: string, files: readonly ProjectFile[]): Detection {
  const usable = new Set(frameworksFor(languageId).map((f) => f.id));
  for (const file of files) {
    const found = frameworksIn(file).filter((id) => usable.has(id));
    const unique = [...new Set(found)].flatMap((id) => frameworkById(id) ?? []);
    if (unique.length === 1) return { kind: 'found', framework: unique[0] };
    if (unique.length > 1) return { kind: 'unsure', candidates: unique };
  }
  return { kind: 'unsure', candidates: frameworksFor(languageId) };
}

function frameworksIn(file: ProjectFile): string[] {
  switch (file.name) {
    case 'package.json':
      return fromPackageJson(file.text);
    case 'pyproject.toml':
    case 'setup.cfg':
    case 'tox.ini':
    case 'requirements.txt':
    case 'requirements-dev.txt':
      return /\bpytest\b/.test(file.text) ? ['pytest'] : /\bunittest\b/.test(file.text) ? ['unittest'] : [];
    case 'pytest.ini':
      return ['pytest'];
    case 'go.mod':
      return ['go-testing'];
    case 'Cargo.toml':
      return ['rust-test'];
    case 'pom.xml':
    case 'build.gradle':
    case 'build.gradle.kts':
      return /junit-jupiter|useJUnitPlatform/.test(file.text) ? ['junit5'] : /\bjunit\b/i.test(file.text) ? ['junit4'] : [];
    case 'Gemfile':
      return [...(/['"]rspec(-rails)?['"]/.test(file.text) ? ['rspec'] : []), ...(/['"]minitest['"]/.test(file.text) ? ['minitest'] : [])];
    case 'composer.json':
      return /phpunit\/phpunit/.test(file.text) ? ['phpunit'] : [];
    default:
      return [];
  }
}

const JS_PACKAGES: readonly (readonly [string, string])[] = [
  ['vitest', 'vitest'],
  ['jest', 'jest'],
  ['ts-jest', 'jest'],
  ['@jest/globals', 'jest'],
  ['mocha', 'mocha'],
  ['ava', 'ava'],
];

/** Test runners among the dependencies, and those the scripts run (`node --test` has no dependency). */
function fromPackageJson(text: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof json !== 'object' || json === null) return [];
  const pkg = json as Record<string, unknown>;
  const names = new Set(['dependencies', 'devDependencies', 'peerDependencies'].flatMap((k) => keysOf(pkg[k])));
  const scripts = Object.values(objectOr(pkg.scripts)).filter((v): v is string => typeof v === 'string').join('\n');
  const found = JS_PACKAGES.filter(([name]) => names.has(name)).map(([, id]) => id);
  for (const id of ['vitest', 'jest', 'mocha', 'ava']) if (new RegExp(`(^|[\\s;&|/])${id}(\\s|$)`, 'm').test(scripts)) found.push(id);
  if (/\b(node|tsx)\s+(\S+\s+)*--test\b/.test(scripts)) found.push('node-test');
  return found;
}

function objectOr(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function keysOf(value: unknown): string[] {
  return Object.keys(objectOr(value));
}
