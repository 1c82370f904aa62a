/**
 * Building blocks shared by every part of the bundle schema.
 * Amounts are decimal strings exactly as printed; a figure always carries its source line.
 */
import { z } from 'zod';

/** Plain decimal string, e.g. "42683.67", "-0.84", "0". Never a JS number. */
export const decimalString = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, { message: '必须是十进制数字字符串（如 "42683.67"）' });

/** 1-based line number in the source text. */
export const lineNo = z.number().int().min(1);

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
    formula: z.string().min(1),
    lines: z.array(lineNo).min(1),
  }),
});
export type DerivedFig = z.infer<typeof derivedFig>;

export const amountUnit = z.enum(['万元', '元']);
export type AmountUnit = z.infer<typeof amountUnit>;
