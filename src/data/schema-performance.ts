/** Project and department performance self-evaluations, and budget performance targets. Filled in by src/ingest/performance.ts. */
import { z } from 'zod';

export const performanceSchema = z.strictObject({});
export type Performance = z.infer<typeof performanceSchema>;
