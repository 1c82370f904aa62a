import type { ViewName } from '@/store/types';
import { FIRST_PAINT_NAV } from './first-paint';

/** Top navigation in display order (one list with the first paint's, in first-paint.ts). */
export const NAV_ITEMS: readonly { view: ViewName; label: string }[] = FIRST_PAINT_NAV.map(
  ([view, label]) => ({ view, label }),
);
