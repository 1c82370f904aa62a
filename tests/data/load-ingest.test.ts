/** The on-demand loader of dist/ingest.js: one script for many imports, a Chinese error when absent. */
import { describe, expect, it } from 'vitest';
import type { IngestHost } from '@/data/load-ingest';
import { loadIngest } from '@/data/load-ingest';
import { ingestText } from '@/ingest/browser';

function host(script: 'works' | 'missing' | 'empty') {
  const loaded: string[] = [];
  const h: IngestHost & { loaded: string[] } = {
    loaded,
    globals: {},
    loadScript(src) {
      loaded.push(src);
      if (script === 'missing') return Promise.reject(new Error(`无法加载 ${src}`));
      if (script === 'works')
        (h.globals as { __BUDGET_INGEST__?: unknown }).__BUDGET_INGEST__ = { ingestText };
      return Promise.resolve();
    },
  };
  return h;
}

describe('loadIngest', () => {
  it('inserts ./ingest.js once and resolves with the ingest it defines', async () => {
    const h = host('works');
    const [a, b] = await Promise.all([loadIngest(h), loadIngest(h)]);
    expect(a.ingestText).toBe(ingestText);
    expect(b).toBe(a);
    await loadIngest(h);
    expect(h.loaded).toEqual(['./ingest.js']);
  });

  it.each(['missing', 'empty'] as const)(
    'a %s script is a Chinese message naming ingest.js, and the next import tries again',
    async (kind) => {
      const h = host(kind);
      await expect(loadIngest(h)).rejects.toThrow(
        /无法加载文本导入程序 ingest\.js.*\.txt 文件未导入/,
      );
      await expect(loadIngest(h)).rejects.toThrow(/ingest\.js/);
      expect(h.loaded).toEqual(['./ingest.js', './ingest.js']);
    },
  );
});
