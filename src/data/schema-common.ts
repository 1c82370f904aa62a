/**
 * Building blocks shared by every part of the bundle schema.
 * Amounts are decimal strings exactly as printed; a figure always carries its source line.
 */
import * as z from 'zod/mini';
import type { AmountUnit } from '../domain/money';

/** Plain decimal string, e.g. "42683.67", "-0.84", "0". Never a JS number. */
export const decimalString = z
  .string()
  .check(z.regex(/^-?\d+(\.\d+)?$/, { error: '必须是十进制数字字符串（如 "42683.67"）' }));

/** 1-based line number in the source text. */
export const lineNo = z.int().check(z.minimum(1));

/** A printed figure: its value and the line it was read from. */
export const fig = z.strictObject({
  v: decimalString,
  line: lineNo,
});
export type Fig = z.infer<typeof fig>;

/**
 * A derived figure (e.g. prior year = current − stated change): not printed anywhere,
 * so it names the lines and the formula it was computed from.
 */
export const derivedFig = z.strictObject({
  v: decimalString,
  derived: z.strictObject({
    formula: z.string().check(z.minLength(1)),
    lines: z.array(lineNo).check(z.minLength(1)),
  }),
});
export type DerivedFig = z.infer<typeof derivedFig>;

/** The validator of the one money-unit type (src/domain/money.ts). */
export const amountUnit = z.enum(['万元', '元'] as const satisfies readonly AmountUnit[]);
export type { AmountUnit };

/**
 * A bundle id: lowercase ASCII words joined by hyphens, the first starting with a letter,
 * 3–80 characters in all (datong-city-dept-2024-final, doc-1a2b3c4d5e). At least two words, so no
 * id is ever a JavaScript property name (constructor, toString, __proto__) or a bare word a view
 * keys its own data by. The one definition: the schema, the loader and the docs use it.
 */
export const BUNDLE_ID_PATTERN = /^(?=.{3,80}$)[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;

/** How BUNDLE_ID_PATTERN reads in a message. */
export const BUNDLE_ID_RULE =
  '只能由小写英文字母、数字和连字符组成，以字母开头，用连字符分成至少两段，共 3–80 个字符（如 datong-city-dept-2024-final）';

export const bundleId = z.string().check(
  z.regex(BUNDLE_ID_PATTERN, {
    error: (iss) =>
      `编号${BUNDLE_ID_RULE}，实际为 ${JSON.stringify(typeof iss.input === 'string' && iss.input.length > 40 ? `${iss.input.slice(0, 40)}…` : iss.input)}`,
  }),
);
