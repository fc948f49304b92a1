// Generates a TypeScript workspace of definition-finding tasks: library files too large to send whole
// (≥ 8K tokens each), task files whose focus function uses one kind of definition each (plain, aliased,
// namespace, barrel, default, class member, returned object's member, types, unions, enums, const objects,
// generics, same-named methods of two receivers, plain JavaScript with JSDoc, ES imports and require), and
// same-named decoys in files nothing imports. Every definition body carries a marker
// (DEF_…) and every decoy another (DECOY_…), so a prompt shows which of them it holds.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface DefinitionTask {
  readonly id: string;
  /** What the task covers, for failure messages. */
  readonly kind: string;
  /** Path of the task file inside the generated folder. */
  readonly file: string;
  /** 0-based, inclusive: the focus function's lines. */
  readonly startLine: number;
  readonly endLine: number;
  /** Markers that must reach the prompt. */
  readonly expect: readonly string[];
}

/** A library file's own filler functions: enough code that the file cannot fit the window whole. */
function filler(prefix: string, count = 160): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`export function ${prefix}Helper${i}(input: readonly number[], factor: number): number[] {`);
    out.push(`  const scaled = input.map((value, index) => (value * factor + index) % ${97 + i});`);
    out.push(`  return scaled.filter((value) => value > ${i % 7}).sort((a, b) => a - b);`);
    out.push('}', '');
  }
  return out.join('\n');
}

/** The same filler in plain JavaScript. */
function jsFiller(prefix: string, count = 160): string {
  return filler(prefix, count).replace(/\(input: readonly number\[\], factor: number\): number\[\]/g, '(input, factor)');
}

/** Methods enough to make a class too long to send whole (its header and the members used are sent). */
function methodPadding(field: string): string {
  const out: string[] = [];
  for (let i = 0; i < 30; i++) out.push(`  check${i}(): number {`, `    return this.${field}.length * ${i + 2};`, '  }');
  return out.join('\n');
}

function inventoryPadding(): string {
  const out: string[] = [];
  for (let i = 0; i < 30; i++) out.push(`  audit${i}(): number {`, `    return this.stock * ${i + 2};`, '  }');
  return out.join('\n');
}

const LIB: Record<string, string> = {
  'src/lib/pricing.ts': `// Prices, taxes and discounts.
export function priceWithTax(amount: number, rate: number): number {
  const marker = 'DEF_priceWithTax';
  return Math.round(amount * (1 + rate) * 100) / 100 + marker.length * 0;
}

export function applyDiscount(amount: number, percent: number): number {
  const marker = 'DEF_applyDiscount';
  return amount - (amount * percent) / 100 + marker.length * 0;
}

export const TAX_RATES = {
  standard: 0.2, // DEF_TAX_RATES
  reduced: 0.05,
  zero: 0,
} as const;

export const clamp = (value: number, low: number, high: number): number => {
  // DEF_clamp
  return Math.min(high, Math.max(low, value));
};

export class Money {
  constructor(readonly cents: number) {}
  static zero(): Money {
    // DEF_Money_zero
    return new Money(0);
  }
}

${filler('pricing')}`,
  'src/lib/generic.ts': `// Generic helpers.
export function firstOf<T>(items: readonly T[]): T | undefined {
  // DEF_firstOf
  return items[0];
}

export function mapValues<K, V>(input: Map<K, number>, map: (value: number) => V): Map<K, V> {
  // DEF_mapValues
  const out = new Map<K, V>();
  for (const [key, value] of input) out.set(key, map(value));
  return out;
}

export class Cache<T> {
  private readonly entries = new Map<string, T>();
  set(key: string, value: T): this {
    // DEF_Cache_set
    this.entries.set(key, value);
    return this;
  }
}

export type Handler = (event: string, payload: unknown) => void; // DEF_Handler

${filler('generic')}`,
  'src/lib/format.ts': `// Text formatting.
export default function formatMoney(cents: number): string {
  // DEF_formatMoney
  return \`$\${(cents / 100).toFixed(2)}\`;
}

export function padLeft(text: string, width: number): string {
  // DEF_padLeft
  return text.padStart(width, ' ');
}

export function slugify(text: string): string {
  // DEF_slugify
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

${filler('format')}`,
  'src/lib/models.ts': `// Data models.
export interface User {
  id: string; // DEF_User
  name: string;
  email?: string;
}

export interface Admin extends User {
  permissions: string[]; // DEF_Admin
}

export type UserId = string & { readonly brand: 'UserId' }; // DEF_UserId

export enum OrderStatus {
  Pending, // DEF_OrderStatus
  Shipped,
  Delivered,
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'; // DEF_LogLevel

export interface Repository {
  findById(id: string): User | undefined; // DEF_Repository
  save(user: User): void;
}

export interface AppConfig {
  retries: number; // DEF_AppConfig
  endpoint: string;
}

export function loadConfig(): AppConfig {
  // DEF_loadConfig
  return { retries: 3, endpoint: 'http://localhost' };
}

${filler('models')}`,
  'src/lib/shapes.ts': `// Geometric shapes.
export interface Circle {
  kind: 'circle'; // DEF_Circle
  radius: number;
}

export interface Square {
  kind: 'square'; // DEF_Square
  side: number;
}

export interface Triangle {
  kind: 'triangle';
  base: number;
  height: number;
}

export type Shape = Circle | Square | Triangle; // DEF_Shape

${filler('shapes')}`,
  'src/lib/store.ts': `// In-memory stores.
export function createStore<T>() {
  const items = new Map<string, T>();
  return {
    get(id: string): T | undefined {
      // DEF_store_get
      return items.get(id);
    },
    put(id: string, value: T): void {
      // DEF_store_put
      items.set(id, value);
    },
  };
}

export class Inventory {
  readonly capacity: number; // DEF_Inventory_capacity
  private stock = 0;
  constructor(capacity: number) {
    this.capacity = capacity;
  }
  count(): number {
    // DEF_Inventory_count
    return this.stock;
  }
${inventoryPadding()}
  restock(amount: number): void {
    // DEF_Inventory_restock
    this.stock = Math.min(this.capacity, this.stock + amount);
  }
}

${filler('store')}`,
  'src/lib/tables.ts': `// Two tables whose lookups share a name.
export class UserTable {
  constructor(readonly owner: string) {}
${methodPadding('owner')}
  find(id: string): string | undefined {
    // DEF_UserTable_find
    return id === this.owner ? id : undefined;
  }
}

export class OrderTable {
  constructor(readonly prefix: string) {}
${methodPadding('prefix')}
  find(id: string): number | undefined {
    // DEF_OrderTable_find
    return id.startsWith(this.prefix) ? id.length : undefined;
  }
}

${filler('tables')}`,
  'src/lib/cart.js': `// Shopping cart helpers: plain JavaScript, types in JSDoc.
/**
 * @typedef {{ sku: string, price: number, quantity: number }} CartLine
 */

/**
 * The cart's total in cents.
 * @param {CartLine[]} lines
 * @returns {number}
 */
export function cartTotal(lines) {
  // DEF_cartTotal
  return lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
}

${jsFiller('cart')}`,
  'src/lib/legacy.js': `// Older helpers, a CommonJS module.
function roundCents(value) {
  // DEF_roundCents
  return Math.round(value * 100) / 100;
}

${jsFiller('legacy').replace(/^export /gm, '')}
module.exports = { roundCents };
`,
  'src/lib/util/strings.ts': `// String helpers, reached through two barrels.
export function capitalize(text: string): string {
  // DEF_capitalize
  return text.charAt(0).toUpperCase() + text.slice(1);
}

${filler('strings')}`,
  'src/lib/util/index.ts': `export { capitalize } from './strings';\n`,
  'src/lib/index.ts': [
    `export { priceWithTax, applyDiscount } from './pricing';`,
    `export { createStore, Inventory } from './store';`,
    `export * from './shapes';`,
    `export * from './util';`,
    `export { default as money } from './format';`,
    '',
  ].join('\n'),
};

/** Same names as the real definitions, in files nothing imports. */
function decoys(): Record<string, string> {
  const names = ['priceWithTax', 'applyDiscount', 'padLeft', 'slugify', 'formatMoney', 'firstOf', 'mapValues', 'capitalize', 'loadConfig', 'createStore', 'clamp', 'cartTotal', 'roundCents'];
  const functions = names.map((n) => `export function ${n}(...args: any[]): any {\n  return 'DECOY_${n}';\n}\n`).join('\n');
  const types = [
    `export interface User { id: number; nickname: string } // DECOY_User`,
    `export interface Circle { kind: 'circle'; diameter: number } // DECOY_Circle`,
    `export type Shape = string; // DECOY_Shape`,
    `export enum OrderStatus { Pending = 'DECOY_OrderStatus' }`,
    `export const TAX_RATES = { standard: 'DECOY_TAX_RATES' };`,
    `export class Inventory { capacity = 0; count(): string { return 'DECOY_Inventory'; } restock(): void {} }`,
    `export class Money { static zero(): string { return 'DECOY_Money'; } }`,
    `export class Cache<T> { set(key: string, value: T): string { return 'DECOY_Cache'; } }`,
    `export type LogLevel = 'DECOY_LogLevel';`,
    `export interface Repository { findById(id: number): string } // DECOY_Repository`,
    `export interface AppConfig { retries: string } // DECOY_AppConfig`,
    `export class UserTable { find(id: string): string { return 'DECOY_UserTable'; } }`,
    `export class OrderTable { find(id: string): string { return 'DECOY_OrderTable'; } }`,
    '',
  ].join('\n');
  return { 'src/decoys/functions.ts': functions, 'src/decoys/types.ts': types, 'src/other/pricing.ts': functions.replace(/DECOY_/g, 'DECOY_other_') };
}

interface TaskSource {
  readonly kind: string;
  readonly imports: string;
  /** The focus function, whole. */
  readonly body: string;
  readonly expect: readonly string[];
  /** The task file's language: TypeScript unless said. */
  readonly js?: boolean;
}

const TASKS: readonly TaskSource[] = [
  { kind: 'plain function', imports: `import { priceWithTax } from '../lib/pricing';`, body: `export function task(): number {\n  return priceWithTax(10, 0.2);\n}`, expect: ['DEF_priceWithTax'] },
  { kind: 'function through a barrel', imports: `import { applyDiscount } from '../lib';`, body: `export function task(total: number): number {\n  return applyDiscount(total, 15);\n}`, expect: ['DEF_applyDiscount'] },
  { kind: 'aliased import', imports: `import { padLeft as pad } from '../lib/format';`, body: `export function task(label: string): string {\n  return pad(label, 12);\n}`, expect: ['DEF_padLeft'] },
  { kind: 'namespace import', imports: `import * as fmt from '../lib/format';`, body: `export function task(title: string): string {\n  return fmt.slugify(title);\n}`, expect: ['DEF_slugify'] },
  { kind: 'default export', imports: `import formatMoney from '../lib/format';`, body: `export function task(cents: number): string {\n  return formatMoney(cents);\n}`, expect: ['DEF_formatMoney'] },
  { kind: 'default export under another name', imports: `import money from '../lib/format';`, body: `export function task(cents: number): string {\n  const shown = money(cents);\n  return shown.trim();\n}`, expect: ['DEF_formatMoney'] },
  { kind: 'default export re-exported by a barrel', imports: `import { money } from '../lib';`, body: `export function task(cents: number): string {\n  return money(cents * 2);\n}`, expect: ['DEF_formatMoney'] },
  { kind: 'class method via new X().m()', imports: `import { Inventory } from '../lib/store';`, body: `export function task(): number {\n  return new Inventory(5).count();\n}`, expect: ['DEF_Inventory_count'] },
  { kind: 'class method via a variable', imports: `import { Inventory } from '../lib/store';`, body: `export function task(): void {\n  const inventory = new Inventory(10);\n  inventory.restock(3);\n}`, expect: ['DEF_Inventory_restock'] },
  { kind: 'class property', imports: `import { Inventory } from '../lib/store';`, body: `export function task(): number {\n  return new Inventory(7).capacity;\n}`, expect: ['DEF_Inventory_capacity'] },
  { kind: 'class through a barrel', imports: `import { Inventory } from '../lib';`, body: `export function task(): number {\n  return new Inventory(2).count() + 1;\n}`, expect: ['DEF_Inventory_count'] },
  { kind: 'static method', imports: `import { Money } from '../lib/pricing';`, body: `export function task(): number {\n  return Money.zero().cents;\n}`, expect: ['DEF_Money_zero'] },
  { kind: 'interface in an annotation', imports: `import type { User } from '../lib/models';`, body: `export function task(raw: string): string {\n  const user: User = JSON.parse(raw);\n  return user.name;\n}`, expect: ['DEF_User'] },
  { kind: 'interface in a cast', imports: `import type { Circle } from '../lib/shapes';`, body: `export function task(raw: string): number {\n  const circle = JSON.parse(raw) as Circle;\n  return circle.radius * 2;\n}`, expect: ['DEF_Circle'] },
  { kind: 'interface through export *', imports: `import type { Square } from '../lib';`, body: `export function task(raw: string): number {\n  const square = <Square>JSON.parse(raw);\n  return square.side ** 2;\n}`, expect: ['DEF_Square'] },
  { kind: 'type alias in an annotation', imports: `import type { UserId } from '../lib/models';`, body: `export function task(raw: string): string {\n  const id: UserId = raw as UserId;\n  return id.toUpperCase();\n}`, expect: ['DEF_UserId'] },
  { kind: 'interface that extends another', imports: `import type { Admin } from '../lib/models';`, body: `export function task(admin: Admin): number {\n  return admin.permissions.length;\n}`, expect: ['DEF_Admin'] },
  { kind: 'union a switch covers', imports: `import type { Shape } from '../lib/shapes';`, body: `export function task(shape: Shape): number {\n  switch (shape.kind) {\n    case 'circle':\n      return Math.PI * shape.radius ** 2;\n    case 'square':\n      return shape.side ** 2;\n    default:\n      return (shape.base * shape.height) / 2;\n  }\n}`, expect: ['DEF_Shape'] },
  { kind: 'string-literal union in a switch', imports: `import type { LogLevel } from '../lib/models';`, body: `export function task(level: LogLevel): number {\n  switch (level) {\n    case 'debug':\n      return 0;\n    case 'error':\n      return 3;\n    default:\n      return 1;\n  }\n}`, expect: ['DEF_LogLevel'] },
  { kind: 'enum', imports: `import { OrderStatus } from '../lib/models';`, body: `export function task(status: OrderStatus): boolean {\n  return status === OrderStatus.Shipped;\n}`, expect: ['DEF_OrderStatus'] },
  { kind: 'enum through a namespace import', imports: `import * as models from '../lib/models';`, body: `export function task(): number {\n  return models.OrderStatus.Delivered;\n}`, expect: ['DEF_OrderStatus'] },
  { kind: 'const object', imports: `import { TAX_RATES } from '../lib/pricing';`, body: `export function task(amount: number): number {\n  return amount * TAX_RATES.standard;\n}`, expect: ['DEF_TAX_RATES'] },
  { kind: 'const object in keyof typeof', imports: `import { TAX_RATES } from '../lib/pricing';`, body: `export function task(): string {\n  const key: keyof typeof TAX_RATES = 'reduced';\n  return key;\n}`, expect: ['DEF_TAX_RATES'] },
  { kind: 'arrow function const', imports: `import { clamp } from '../lib/pricing';`, body: `export function task(value: number): number {\n  return clamp(value, 0, 100);\n}`, expect: ['DEF_clamp'] },
  { kind: "member of an imported function's result", imports: `import { createStore } from '../lib/store';`, body: `export function task(): string | undefined {\n  const store = createStore<string>();\n  return store.get('a');\n}`, expect: ['DEF_store_get'] },
  { kind: 'chained member of a returned object', imports: `import { createStore } from '../lib';`, body: `export function task(): void {\n  createStore<number>().put('b', 2);\n}`, expect: ['DEF_store_put'] },
  { kind: 'generic helper', imports: `import { firstOf } from '../lib/generic';`, body: `export function task(): number | undefined {\n  return firstOf([3, 1, 2]);\n}`, expect: ['DEF_firstOf'] },
  { kind: 'generic call with type arguments', imports: `import { mapValues } from '../lib/generic';`, body: `export function task(input: Map<string, number>): Map<string, string> {\n  return mapValues<string, string>(input, (v) => String(v));\n}`, expect: ['DEF_mapValues'] },
  { kind: 'generic class method', imports: `import { Cache } from '../lib/generic';`, body: `export function task(): void {\n  new Cache<string>().set('k', 'v');\n}`, expect: ['DEF_Cache_set'] },
  { kind: 'function type alias', imports: `import type { Handler } from '../lib/generic';`, body: `export function task(): Handler {\n  const handler: Handler = (event) => console.log(event);\n  return handler;\n}`, expect: ['DEF_Handler'] },
  { kind: 'interface method through a parameter', imports: `import type { Repository } from '../lib/models';`, body: `export function task(repo: Repository): string | undefined {\n  return repo.findById('42')?.name;\n}`, expect: ['DEF_Repository'] },
  { kind: "a variable's type (type definition)", imports: `import { loadConfig } from '../lib/models';`, body: `export function task(): number {\n  const config = loadConfig();\n  return config.retries;\n}`, expect: ['DEF_loadConfig', 'DEF_AppConfig'] },
  { kind: 'function through two barrels', imports: `import { capitalize } from '../lib';`, body: `export function task(name: string): string {\n  return capitalize(name);\n}`, expect: ['DEF_capitalize'] },
  { kind: 'two functions in one focus', imports: `import { priceWithTax, applyDiscount } from '../lib/pricing';`, body: `export function task(amount: number): number {\n  return priceWithTax(applyDiscount(amount, 10), 0.2);\n}`, expect: ['DEF_priceWithTax', 'DEF_applyDiscount'] },
  { kind: 'same-named methods of two receivers', imports: `import type { UserTable, OrderTable } from '../lib/tables';`, body: `export function task(users: UserTable, orders: OrderTable): string {\n  const user = users.find('u1');\n  const order = orders.find('o1');\n  return \`\${user}:\${order}\`;\n}`, expect: ['DEF_UserTable_find', 'DEF_OrderTable_find'] },
  { kind: 'JavaScript: ES import of a JSDoc-typed function', imports: `import { cartTotal } from '../lib/cart';`, body: `export function task(lines) {\n  const total = cartTotal(lines);\n  return total / 100;\n}`, expect: ['DEF_cartTotal'], js: true },
  { kind: 'JavaScript: CommonJS require', imports: `const { roundCents } = require('../lib/legacy');`, body: `function task(amount) {\n  return roundCents(amount * 1.2);\n}`, expect: ['DEF_roundCents'], js: true },
];

/** Writes the workspace into `dir` (created) and returns its tasks. */
export function writeDefinitionWorkspace(dir: string): DefinitionTask[] {
  const files: Record<string, string> = {
    'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, noEmit: true, allowJs: true }, include: ['src'] }, null, 2),
    ...LIB,
    ...decoys(),
  };
  const tasks = definitionTasks();
  TASKS.forEach((task, i) => (files[tasks[i].file] = taskText(task)));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return tasks;
}

function taskText(task: TaskSource): string {
  return `${task.imports}\n\n${task.body}\n`;
}

/** The tasks, with the focus function's lines in each task file. */
export function definitionTasks(): DefinitionTask[] {
  return TASKS.map((task, i) => {
    const id = `task${String(i + 1).padStart(2, '0')}`;
    const startLine = task.imports.split('\n').length + 1;
    return { id, kind: task.kind, file: `src/tasks/${id}.${task.js ? 'js' : 'ts'}`, startLine, endLine: startLine + task.body.split('\n').length - 1, expect: task.expect };
  });
}

/** Library files, for checking they are too large to send whole. */
export const LIBRARY_FILES: Readonly<Record<string, string>> = LIB;
