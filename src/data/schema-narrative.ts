/** Figures stated in the narrative (第三部分 情况说明 / 预算情况说明). Filled in by src/ingest/narrative.ts. */
import { z } from 'zod';

export const narrativeSchema = z.strictObject({});
export type Narrative = z.infer<typeof narrativeSchema>;
