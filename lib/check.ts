/**
 * Schema checks for data from outside: messages from a content script, backup files, stored rows of older versions.
 * A check returns null when the value passes, else the problem as a path suffix and words (".body must be text"),
 * built only on failure, so a large valid value costs no strings. `problemAt` puts the value's name in front.
 */
export type Check = (value: unknown) => string | null;

export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const str: Check = (v) => (typeof v === 'string' ? null : ' must be text');
export const num: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : ' must be a number');
export const bool: Check = (v) => (typeof v === 'boolean' ? null : ' must be true or false');
export const arr: Check = (v) => (Array.isArray(v) ? null : ' must be a list');
export const any: Check = () => null;

/** Passes null, or what `check` passes. */
export const nullable = (check: Check): Check => (v) => (v === null ? null : check(v));
/** Passes undefined (an absent field), or what `check` passes. */
export const optional = (check: Check): Check => (v) => (v === undefined ? null : check(v));
/** One of these strings. */
export const oneOf = (...values: readonly string[]): Check => (v) => (typeof v === 'string' && values.includes(v) ? null : ` is not one of ${values.join(', ')}`);
/** `check`, then `test` on a value that passed it, with `words` as the problem. */
export const where = (check: Check, test: (v: never) => boolean, words: string): Check => (v) => check(v) ?? (test(v as never) ? null : ` ${words}`);
/** A list whose every item passes `item`; the problem names the first item that does not. */
export const listOf = (item: Check): Check => (v) => {
  if (!Array.isArray(v)) return ' must be a list';
  for (let i = 0; i < v.length; i++) {
    const problem = item(v[i]);
    if (problem) return `[${i}]${problem}`;
  }
  return null;
};
export const strArray: Check = (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : ' must be a list of text');
/** An object whose fields pass their checks (other fields are allowed); the problem names the first field that fails. */
export const shape = (spec: Record<string, Check>): Check => {
  const entries = Object.entries(spec);
  return (v) => {
    if (!isObj(v)) return ' must be an object';
    for (const [key, check] of entries) {
      const problem = check(v[key]);
      if (problem) return `.${key}${problem}`;
    }
    return null;
  };
};
/** An object told apart by its `kind` (or other) field, each kind with its own shape. */
export const variant = (field: string, kinds: Record<string, Check>, words: string): Check => (v) => {
  if (!isObj(v)) return ' must be an object';
  const kind = v[field];
  const check = typeof kind === 'string' && Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;
  return check ? check(v) : `.${field} ${words}`;
};

/** The problem with `value` named from `name` ("notes[3].body must be text"), or null. */
export function problemAt(check: Check, value: unknown, name: string): string | null {
  const problem = check(value);
  return problem === null ? null : `${name}${problem}`;
}

/** A type guard from a check. */
export const guard = <T>(check: Check) => (v: unknown): v is T => check(v) === null;
