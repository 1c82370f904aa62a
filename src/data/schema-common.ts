/**
 * Building blocks shared by every part of the bundle schema.
 * Amounts are decimal strings exactly as printed; a figure always carries its source line.
 */
import * as z from 'zod/mini';

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

export const amountUnit = z.enum(['万元', '元']);
export type AmountUnit = z.infer<typeof amountUnit>;
