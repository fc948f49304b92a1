// The unit-test frameworks Write Unit Tests knows: which languages each serves, and how to tell the model to
// use it (one line, because every token of the prompt counts).

export interface TestFramework {
  readonly id: string;
  readonly label: string;
  /** VS Code language ids whose code this framework tests. */
  readonly languages: readonly string[];
  readonly guidance: string;
}

/* eslint-disable phi4/no-raw-ui-string -- the labels are framework names, the same in every language */
const JS = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact'];

export const TEST_FRAMEWORKS: readonly TestFramework[] = [
  { id: 'vitest', label: 'Vitest', languages: JS, guidance: "Use Vitest: import { describe, it, expect, vi } from 'vitest'." },
  { id: 'jest', label: 'Jest', languages: JS, guidance: 'Use Jest: describe, it and expect are globals; mock with jest.fn().' },
  { id: 'mocha', label: 'Mocha', languages: JS, guidance: "Use Mocha (describe and it are globals) with assertions from 'node:assert/strict'." },
  { id: 'node-test', label: 'node:test', languages: JS, guidance: "Use Node's built-in runner: import { describe, it } from 'node:test' and assert from 'node:assert/strict'." },
  { id: 'ava', label: 'AVA', languages: JS, guidance: "Use AVA: import test from 'ava'; assert with t.is, t.deepEqual and t.throws." },
  { id: 'pytest', label: 'pytest', languages: ['python'], guidance: 'Use pytest: plain test_* functions, plain assert, pytest.raises and pytest.mark.parametrize.' },
  { id: 'unittest', label: 'unittest', languages: ['python'], guidance: 'Use unittest: a unittest.TestCase subclass with test_* methods and self.assert* checks.' },
  { id: 'go-testing', label: 'Go testing', languages: ['go'], guidance: "Use Go's testing package: func TestXxx(t *testing.T) in the same package, table-driven cases, t.Errorf." },
  { id: 'rust-test', label: 'Rust #[test]', languages: ['rust'], guidance: 'Use a #[cfg(test)] mod tests { use super::*; } with #[test] functions and assert_eq!.' },
  { id: 'junit5', label: 'JUnit 5', languages: ['java', 'kotlin'], guidance: 'Use JUnit 5: org.junit.jupiter.api.Test, Assertions.assertEquals and assertThrows.' },
  { id: 'junit4', label: 'JUnit 4', languages: ['java', 'kotlin'], guidance: 'Use JUnit 4: org.junit.Test and the static methods of org.junit.Assert.' },
  { id: 'rspec', label: 'RSpec', languages: ['ruby'], guidance: 'Use RSpec: describe and it blocks with expect(...).to eq(...).' },
  { id: 'minitest', label: 'Minitest', languages: ['ruby'], guidance: 'Use Minitest: a class inheriting Minitest::Test with test_* methods and assert_equal.' },
  { id: 'phpunit', label: 'PHPUnit', languages: ['php'], guidance: 'Use PHPUnit: a class extending PHPUnit\\Framework\\TestCase with test* methods.' },
  { id: 'xunit', label: 'xUnit', languages: ['csharp'], guidance: 'Use xUnit: [Fact] and [Theory] methods with Assert.Equal and Assert.Throws.' },
  { id: 'nunit', label: 'NUnit', languages: ['csharp'], guidance: 'Use NUnit: [TestFixture] classes with [Test] methods and Assert.That.' },
];

export function frameworkById(id: string): TestFramework | undefined {
  return TEST_FRAMEWORKS.find((f) => f.id === id);
}

export function frameworksFor(languageId: string): TestFramework[] {
  return TEST_FRAMEWORKS.filter((f) => f.languages.includes(languageId));
}
