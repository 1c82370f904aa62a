// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataFilesPage } from '@/features/data-files/data-files-page';
import { WindowFileDrop } from '@/features/data-files/window-file-drop';
import { SourcePage } from '@/features/sources/source-page';
import { ingestText } from '@/ingest/browser';
import { layoutText } from '@/ingest/pdf/pdf-text';
import { readPdfTextNode } from '@/ingest/pdf/pdf-text-node';
import { memoryStorage } from '../data/memory-storage';
import { resetAppStore, useAppStore } from '@/store/app-store';
import { IDS, loadRealData, realBundle } from './real-data';

afterEach(() => {
  cleanup();
  resetAppStore();
});

function jsonFile(name: string, json: unknown): File {
  return new File([typeof json === 'string' ? json : JSON.stringify(json)], name, {
    type: 'application/json',
  });
}

describe('数据文件 view', () => {
  it('lists the built-in documents and imports picked files, reporting each by name', async () => {
    loadRealData();
    render(<DataFilesPage />);
    expect(screen.getByRole('heading', { level: 2, name: '数据文件' })).toBeInTheDocument();
    const builtIn = screen.getByRole('list', { name: '内置数据' });
    expect(within(builtIn).getAllByRole('listitem')).toHaveLength(5);

    const b = realBundle(IDS.center);
    await userEvent.upload(
      screen.getByLabelText('选择数据包或公开文本（.json、.txt、.pdf，可多选）'),
      [
        jsonFile('good.json', { ...b, id: 'center-copy', unit: { ...b.unit, name: '副本单位' } }),
        jsonFile('bad.json', { ...b, id: 'bad-copy', kind: '草稿' }),
      ],
    );

    expect(await screen.findByText(/已导入文件 good\.json：副本单位 2024年单位决算/)).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('文件 bad.json：kind 必须是');
    const user = screen.getByRole('list', { name: '用户导入' });
    expect(within(user).getByText('用户导入')).toBeInTheDocument();
    expect(within(user).getByText(/good\.json · 编号 center-copy/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '移除 good.json' }));
    expect(screen.queryByRole('list', { name: '用户导入' })).not.toBeInTheDocument();
    expect(useAppStore.getState().bundles['center-copy']).toBeUndefined();
    expect(await screen.findByText('✓ 已移除文件 good.json（编号 center-copy）')).toBeVisible();
    expect(screen.queryByText(/已导入文件 good\.json/)).toBeNull();
    // The button went with its row: focus is on the file picker, not lost to the page.
    expect(document.activeElement).toBe(
      screen.getByLabelText('选择数据包或公开文本（.json、.txt、.pdf，可多选）'),
    );
  });

  it('移除 moves focus to the next file’s 移除', async () => {
    loadRealData();
    render(<DataFilesPage />);
    const b = realBundle(IDS.center);
    await userEvent.upload(
      screen.getByLabelText('选择数据包或公开文本（.json、.txt、.pdf，可多选）'),
      ['one', 'two'].map((n) =>
        jsonFile(`${n}.json`, { ...b, id: `copy-${n}`, unit: { ...b.unit, name: `单位${n}` } }),
      ),
    );
    await userEvent.click(await screen.findByRole('button', { name: '移除 one.json' }));
    await screen.findByText('✓ 已移除文件 one.json（编号 copy-one）');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '移除 two.json' }));
  });
});

describe('数据文件: a dropped disclosure text (.txt)', () => {
  // Seed 003 (大同市政务服务中心 2024 单位决算) as another unit's document.
  const seed = readFileSync('public/data/sources/datong-service-center-2024-final.txt', 'utf8');
  const other = seed.replaceAll('大同市政务服务中心', '测试市政务服务中心');

  beforeEach(() => {
    // What dist/ingest.js sets when the loader inserts it (no script can load in jsdom).
    window.__BUDGET_INGEST__ = { ingestText };
  });
  afterEach(() => {
    delete window.__BUDGET_INGEST__;
  });

  function drop(...files: File[]) {
    fireEvent.drop(window, { dataTransfer: { types: ['Files'], files } });
  }

  it('becomes a document with its findings and its source text; a clash names both documents', async () => {
    loadRealData();
    render(
      <>
        <WindowFileDrop />
        <DataFilesPage />
      </>,
    );
    drop(
      new File([other], '测试公开.txt', { type: 'text/plain' }),
      new File(['会议纪要\n第一条\n'], 'notes.txt', { type: 'text/plain' }),
      new File([seed], '政务服务中心.txt', { type: 'text/plain' }),
    );

    // Three texts go through the ingest one after another: a few hundred ms each.
    const ok = await screen.findByText(
      /已导入文件 测试公开\.txt：测试市政务服务中心 2024年单位决算/,
      undefined,
      { timeout: 15_000 },
    );
    expect(ok).toHaveTextContent(/（编号 center-unit-[0-9a-f]{8}-2024-final），\d+ 条校验结果/);
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual([
      expect.stringMatching(/^✗ 文件 notes\.txt 第 1–3 行：未识别的文档格式/),
      expect.stringMatching(
        /^✗ 文件 政务服务中心\.txt：这是“.*大同市政务服务中心.*”（编号 datong-service-center-2024-final），与内置数据包“大同市政务服务中心”.*是同一单位、年度和类型的文档，未导入/,
      ),
    ]);

    const user = screen.getByRole('list', { name: '用户导入' });
    const item = within(user).getByText(/测试公开\.txt · 编号 center-unit-/);
    const id = useAppStore.getState().userFiles[0]?.id ?? '';
    const findings = useAppStore.getState().bundles[id]?.findings.length ?? -1;
    expect(findings).toBeGreaterThan(0);
    expect(item).toHaveTextContent(`${findings} 条校验结果`);
    // Compared like a built-in document: its 本年收入合计 as printed on line 110 of the text.
    const t01 = useAppStore.getState().bundles[id]?.tables.find((t) => t.id === '公开01');
    expect(t01?.rows.find((r) => r.key === '本年收入合计')?.cells).toEqual({
      amount: { v: '1126.93', line: 110 },
    });

    // 原文 shows the dropped text, not "no source text".
    cleanup();
    useAppStore.setState({ view: 'source', source: { id, line: 110 } });
    render(<SourcePage />);
    const region = await screen.findByRole('region', { name: '原文文本' });
    expect(region.querySelector('[aria-current="location"]')).toHaveTextContent('110本年收入合计');
  });

  it('a table recognised but not read is said with the import, not only in 数据校验', async () => {
    loadRealData();
    render(
      <>
        <WindowFileDrop />
        <DataFilesPage />
      </>,
    );
    // 南通市国资委's 2016 三公 budget table as its web page prints it: items down the page.
    const nantong = readFileSync('tests/fixtures/nantong-sasac-2016-sangong-budget.txt', 'utf8');
    drop(new File([nantong], '南通三公.txt', { type: 'text/plain' }));
    const ok = await screen.findByText(/已导入文件 南通三公\.txt/, undefined, { timeout: 15_000 });
    expect(ok).toHaveTextContent(
      '注意：1 张标准表认出了标题但没有读出数字（预算10），详见“数据校验”',
    );
  });

  it('a table read only in part is said with the import too', async () => {
    loadRealData();
    render(
      <>
        <WindowFileDrop />
        <DataFilesPage />
      </>,
    );
    // 上海市普陀区财政局's 2024 决算, as the PDF import lays its text out, with its 基本支出 table's
    // 301 changed to 2,182.85: read over several lines, the table no longer adds up, so the reader
    // keeps only what each line gives, and most figures cannot be given a code.
    const bytes = new Uint8Array(
      readFileSync('tests/fixtures/national/putuo-finance-2024-final.pdf'),
    );
    const text = layoutText(await readPdfTextNode(bytes)).replace('2,082.85', '2,182.85');
    drop(new File([text], '普陀财政局.txt', { type: 'text/plain' }));
    const ok = await screen.findByText(/已导入文件 普陀财政局\.txt/, undefined, {
      timeout: 15_000,
    });
    expect(ok).toHaveTextContent('注意：1 张标准表有数字未能读入（公开06），详见“数据校验”');
  });

  // 江苏省人大常委会办公厅 2019 部门预算, published as two PDFs: its 公开表 (no year printed) and
  // its 情况说明 (cover, 说明, no table), as the PDF import lays their text out.
  const tables = readFileSync(
    'tests/fixtures/national/jiangsu-npc-office-2019-budget.tables.txt',
    'utf8',
  );
  const notes = readFileSync(
    'tests/fixtures/national/jiangsu-npc-office-2019-budget.notes.txt',
    'utf8',
  );

  it('reads a budget’s tables and its 情况说明 dropped together as one document', async () => {
    loadRealData();
    const outcomes = await useAppStore.getState().importUserFiles(
      [
        { name: '人大办公厅2019年部门预算公开表.txt', text: () => Promise.resolve(tables) },
        { name: '人大常委会2019年度部门预算公开.txt', text: () => Promise.resolve(notes) },
      ],
      memoryStorage(),
    );
    expect(outcomes.map((o) => [o.ok, o.message])).toEqual([
      [
        true,
        expect.stringMatching(
          /^已导入文件 人大办公厅2019年部门预算公开表\.txt（公开表）与 人大常委会2019年度部门预算公开\.txt（情况说明），两者合为一份文档（原文第 1–13 页为前者，第 14 页起为后者）：江苏省人大常委会办公厅 2019年部门预算/,
        ),
      ],
    ]);
    const id = useAppStore.getState().userFiles[0]?.id ?? '';
    const bundle = useAppStore.getState().bundles[id];
    expect([bundle?.unit.name, bundle?.fiscalYear, bundle?.kind]).toEqual([
      '江苏省人大常委会办公厅',
      2019,
      '预算',
    ]);
    // 收支预算总表, line 29 of the tables: 当年收入小计 18,330.37.
    const t01 = bundle?.tables.find((t) => t.id === '预算01');
    expect(t01?.rows.find((r) => r.key === '本年收入合计')?.cells.amount).toEqual({
      v: '18330.37',
      line: 29,
    });
    // 说明, its line 128 (the tables' 246 lines before it): 收、支预算总计各增加2432.93万元.
    const change = bundle?.narrative.yoy.find((y) => y.key === 'incomeTotal')?.change;
    expect(change).toEqual({ v: '2432.93', line: 246 + 128 });
    // Its page footers “─  12 ─” are page numbers, not amounts printed without 万元.
    expect(bundle?.findings.map((f) => f.message).join('\n')).not.toContain('─');
  });

  it('pairs a folder of several years by what the 说明 states, not by the unit alone', async () => {
    loadRealData();
    // 中共江苏省委办公厅: its 2018 公开表, then its 2019 and 2018 情况说明.
    const fixture = (name: string) =>
      readFileSync(`tests/fixtures/national/jiangsu-party-office-${name}`, 'utf8');
    const outcomes = await useAppStore.getState().importUserFiles(
      [
        {
          name: '省委办公厅2018表.txt',
          text: () => Promise.resolve(fixture('2018-budget.tables.txt')),
        },
        {
          name: '省委办公厅2019文件.txt',
          text: () => Promise.resolve(fixture('2019-budget.notes.txt')),
        },
        {
          name: '省委办公厅2018文件.txt',
          text: () => Promise.resolve(fixture('2018-budget.notes.txt')),
        },
      ],
      memoryStorage(),
    );
    expect(outcomes.map((o) => [o.ok, o.message])).toEqual([
      [
        true,
        expect.stringContaining(
          '已导入文件 省委办公厅2018表.txt（公开表）与 省委办公厅2018文件.txt（情况说明），两者合为一份文档',
        ),
      ],
      [false, expect.stringMatching(/^文件 省委办公厅2019文件\.txt.*若其公开表另成一个文件/)],
    ]);
    const id = useAppStore.getState().userFiles[0]?.id ?? '';
    expect(useAppStore.getState().bundles[id]?.fiscalYear).toBe(2018);
  });

  it('says why a pair already loaded is not loaded again', async () => {
    loadRealData();
    const storage = memoryStorage();
    const pair = [
      { name: '表.txt', text: () => Promise.resolve(tables) },
      { name: '文件.txt', text: () => Promise.resolve(notes) },
    ];
    await useAppStore.getState().importUserFiles(pair, storage);
    const again = await useAppStore.getState().importUserFiles(pair, storage);
    expect(again.map((o) => [o.ok, o.fileName])).toEqual([[false, '表.txt + 文件.txt']]);
    expect(again[0]?.message).toMatch(
      /与已导入的文件 表\.txt \+ 文件\.txt 是同一单位、年度和类型的文档/,
    );
  });

  it('does not offer pairing to a text that only mentions 部门预算', async () => {
    loadRealData();
    const [outcome] = await useAppStore.getState().importUserFiles(
      [
        {
          name: '通知.txt',
          text: () =>
            Promise.resolve('关于做好2019年部门预算公开工作的通知\n各部门：\n请按要求公开。\n'),
        },
      ],
      memoryStorage(),
    );
    expect(outcome?.message).toMatch(/未识别的文档格式/);
    expect(outcome?.message).not.toMatch(/一起导入/);
  });

  it('says what would complete the tables of a budget dropped without their 情况说明', async () => {
    loadRealData();
    const [outcome] = await useAppStore
      .getState()
      .importUserFiles(
        [{ name: '人大办公厅2019年部门预算公开表.txt', text: () => Promise.resolve(tables) }],
        memoryStorage(),
      );
    expect(outcome?.ok).toBe(false);
    expect(outcome?.message).toMatch(
      /找不到文档的年度.*未导入。若其情况说明另成一个文件（如江苏的部门预算），请把两个文件一起导入/,
    );
    expect(useAppStore.getState().userFiles).toEqual([]);
  });

  it('keeps the source text in browser storage with the bundle, so 原文 works after a reload', async () => {
    loadRealData();
    const storage = memoryStorage();
    const [outcome] = await useAppStore
      .getState()
      .importUserFiles([{ name: '测试公开.txt', text: () => Promise.resolve(other) }], storage);
    expect(outcome?.ok).toBe(true);
    const id = useAppStore.getState().userFiles[0]?.id ?? '';
    expect(storage.records.get(id)).toMatchObject({ fileName: '测试公开.txt', sourceText: other });

    resetAppStore();
    loadRealData();
    await useAppStore.getState().restoreUserFiles(storage);
    expect(useAppStore.getState().bundles[id]?.unit.name).toBe('测试市政务服务中心');
    expect(useAppStore.getState().sources[id]).toEqual({ status: 'ready', text: other });
  });
});
