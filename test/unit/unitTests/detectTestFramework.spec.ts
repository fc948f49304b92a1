// Write Unit Tests picks the framework the project runs, from its manifests; when unsure it asks.
import * as assert from 'node:assert/strict';
import { detectTestFramework, type Detection, type ProjectFile } from '../../../src/unitTests/detectTestFramework';

const pkg = (json: unknown): ProjectFile => ({ name: 'package.json', text: JSON.stringify(json) });
const found = (d: Detection): string => (d.kind === 'found' ? d.framework.id : `unsure:${d.candidates.map((c) => c.id).join(',')}`);

describe('detectTestFramework', () => {
  it('JavaScript and TypeScript: the runner among the dependencies or run by the scripts', () => {
    assert.equal(found(detectTestFramework('typescript', [pkg({ devDependencies: { vitest: '^3.0.0', typescript: '5' } })])), 'vitest');
    assert.equal(found(detectTestFramework('typescript', [pkg({ devDependencies: { 'ts-jest': '29' } })])), 'jest');
    assert.equal(found(detectTestFramework('javascript', [pkg({ scripts: { test: 'mocha --recursive' } })])), 'mocha');
    assert.equal(found(detectTestFramework('javascript', [pkg({ devDependencies: { ava: '6' } })])), 'ava');
    assert.equal(found(detectTestFramework('javascript', [pkg({ scripts: { test: 'node --test --experimental-test-coverage' } })])), 'node-test');
    assert.equal(found(detectTestFramework('typescriptreact', [pkg({ devDependencies: { '@testing-library/jest-dom': '6', vitest: '3' } })])), 'vitest', 'a jest-named helper is not Jest');
  });

  it('two runners in one package.json: unsure, and only those two are offered', () => {
    assert.equal(found(detectTestFramework('typescript', [pkg({ devDependencies: { jest: '29', mocha: '10' } })])), 'unsure:jest,mocha');
  });

  it('the manifest nearest the source decides; one without a runner defers to its parent', () => {
    const near = pkg({ name: 'web', dependencies: { react: '19' } });
    const root = pkg({ devDependencies: { vitest: '3' } });
    assert.equal(found(detectTestFramework('typescript', [near, root])), 'vitest');
    assert.equal(found(detectTestFramework('typescript', [pkg({ devDependencies: { jest: '29' } }), root])), 'jest');
  });

  it('other languages: pytest, unittest, Go, Rust, JUnit 4 and 5, RSpec, PHPUnit', () => {
    assert.equal(found(detectTestFramework('python', [{ name: 'pyproject.toml', text: '[project]\nname = "x"\n[project.optional-dependencies]\ntest = ["pytest>=8"]\n' }])), 'pytest');
    assert.equal(found(detectTestFramework('python', [{ name: 'setup.cfg', text: '[options]\ntest_suite = unittest\n' }])), 'unittest');
    assert.equal(found(detectTestFramework('python', [{ name: 'requirements-dev.txt', text: 'black\npytest==8.1\n' }])), 'pytest');
    assert.equal(found(detectTestFramework('go', [{ name: 'go.mod', text: 'module example.com/x\n\ngo 1.22\n' }])), 'go-testing');
    assert.equal(found(detectTestFramework('rust', [{ name: 'Cargo.toml', text: '[package]\nname = "x"\n' }])), 'rust-test');
    assert.equal(found(detectTestFramework('java', [{ name: 'pom.xml', text: '<artifactId>junit-jupiter</artifactId>' }])), 'junit5');
    assert.equal(found(detectTestFramework('java', [{ name: 'build.gradle', text: "testImplementation 'junit:junit:4.13.2'" }])), 'junit4');
    assert.equal(found(detectTestFramework('ruby', [{ name: 'Gemfile', text: "gem 'rspec'\n" }])), 'rspec');
    assert.equal(found(detectTestFramework('php', [{ name: 'composer.json', text: '{"require-dev":{"phpunit/phpunit":"^11"}}' }])), 'phpunit');
  });

  it("a manifest for another language is ignored: a Python file in a repository with package.json's Jest", () => {
    assert.equal(found(detectTestFramework('python', [pkg({ devDependencies: { jest: '29' } })])), 'unsure:pytest,unittest');
  });

  it('nothing found, a damaged package.json, or a language without known frameworks: unsure, never a crash', () => {
    assert.equal(found(detectTestFramework('typescript', [])), 'unsure:vitest,jest,mocha,node-test,ava');
    assert.equal(found(detectTestFramework('typescript', [{ name: 'package.json', text: '{ "devDependencies": ' }, { name: 'package.json', text: '[1,2]' }, pkg({ devDependencies: ['jest'] })])), 'unsure:vitest,jest,mocha,node-test,ava');
    assert.equal(found(detectTestFramework('plaintext', [pkg({ devDependencies: { jest: '29' } })])), 'unsure:');
  });
});
