/**
 * Every way the ingest refuses an input (each `throw new IngestError` in src/ingest), driven
 * through `runIngest` as `npm run ingest -- file.txt` does: the message is Chinese, names the file
 * and the line or line range where the problem is (`文件 x.txt 第 5 行：…`, `第 1–4 行`), and
 * nothing is written. Only problems of a file as a whole — it does not exist, is a folder, the
 * sources folder holds no text — have no line to name.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaRefusal } from '@/ingest/build-bundle';
import { runIngest } from '@/ingest/run';
import { IngestError } from '@/ingest/source-doc';

const DATA = new URL('../../public/data/', import.meta.url).pathname;
const SOURCES = join(DATA, 'sources');
const PROVINCE = 'shanxi-province-bureau-2024-final';
const BUDGET = 'datong-city-bureau-2026-budget';

function seed(id: string): string {
  return readFileSync(join(SOURCES, `${id}.txt`), 'utf8');
}

function seedLines(id: string): string[] {
  return seed(id).split('\n');
}

interface Dirs {
  root: string;
  sources: string;
}

interface Case {
  what: string;
  /** Prepares the folders; returns the extra files given on the command line. */
  setup: (d: Dirs) => string[];
  /** The file the message must name, relative to the temp root. */
  file: string;
  /** "第 N 行" or "第 N–M 行" as the message must print it; null for whole-file problems. */
  where: string | null;
  /** What the message must say. */
  says: RegExp;
  /** .json/.js entries the setup itself put in the output folder. */
  leaves?: string[];
}

function extra(d: Dirs, name: string, content: string | Buffer): string[] {
  const file = join(d.root, name);
  writeFileSync(file, content);
  return [file];
}

function withSources(d: Dirs, ids: readonly string[]): void {
  for (const id of ids) copyFileSync(join(SOURCES, `${id}.txt`), join(d.sources, `${id}.txt`));
}

const CASES: Case[] = [
  {
    what: 'a file that does not exist',
    setup: (d) => [join(d.root, 'nope.txt')],
    file: 'nope.txt',
    where: null,
    says: /文件不存在/,
  },
  {
    what: 'a folder given as a file',
    setup: (d) => {
      mkdirSync(join(d.root, 'folder.txt'));
      return [join(d.root, 'folder.txt')];
    },
    file: 'folder.txt',
    where: null,
    says: /不是一个文件/,
  },
  {
    what: 'a sources folder with no text in it',
    setup: () => [],
    file: 'sources',
    where: null,
    says: /没有找到任何 \.txt 源文件/,
  },
  {
    what: 'a file that is not UTF-8 (GBK from line 2)',
    setup: (d) =>
      extra(
        d,
        'gbk.txt',
        Buffer.concat([
          Buffer.from('2024年度单位决算\n', 'utf8'),
          Buffer.from([0xd5, 0xe2, 0xca, 0xc7, 0xb1, 0xed]),
        ]),
      ),
    file: 'gbk.txt',
    where: '第 2 行',
    says: /不是 UTF-8/,
  },
  {
    what: 'an empty file',
    setup: (d) => extra(d, 'empty.txt', '\n\n  \n'),
    file: 'empty.txt',
    where: '第 1–4 行',
    says: /文件为空/,
  },
  {
    what: 'a text with no standard table',
    setup: (d) => extra(d, 'minutes.txt', '这是一份会议纪要。\n没有任何表格。\n'),
    file: 'minutes.txt',
    where: '第 1–3 行',
    says: /未识别的文档格式/,
  },
  {
    what: 'a text cut after 公开04 (tables missing)',
    setup: (d) => extra(d, 'cut.txt', seedLines(PROVINCE).slice(0, 200).join('\n')),
    file: 'cut.txt',
    where: '第 197 行',
    says: /缺少标准表 公开05、公开06、公开07、公开08、公开09、公开10（最后读到的标准表是第 197 行的公开04/,
  },
  {
    what: 'a table whose title is gone, before tables that are there',
    setup: (d) => {
      const lines = seedLines(PROVINCE);
      // Drop lines 73–82 (公开01's title and header); 公开02's title moves from line 121 to 111.
      return extra(d, 'notitle.txt', [...lines.slice(0, 72), ...lines.slice(82)].join('\n'));
    },
    file: 'notitle.txt',
    where: '第 111 行',
    says: /缺少标准表 公开01：在这一行的公开02“收入决算表”之前没有找到公开01/,
  },
  {
    what: 'a table cut before its totals',
    setup: (d) => {
      const lines = seedLines(PROVINCE);
      // Drop lines 113–117 (本年收入合计 … 总计) of 公开01, whose title is on line 73.
      return extra(d, 'nototal.txt', [...lines.slice(0, 112), ...lines.slice(117)].join('\n'));
    },
    file: 'nototal.txt',
    where: '第 73 行',
    says: /公开01“收入支出决算总表”缺少“本年收入合计”、“本年支出合计”、“总计”行/,
  },
  {
    what: 'the same standard table twice',
    setup: (d) => extra(d, 'twice.txt', twiceText()),
    file: 'twice.txt',
    where: '第 417 行',
    says: /标准表 公开09“财政拨款“三公”经费支出决算表”出现了两次（第 366 行和第 417 行）/,
  },
  {
    what: 'a text that never says its year and kind',
    setup: (d) =>
      extra(
        d,
        'noyear.txt',
        seed(PROVINCE).replace(/(\d+)\s*年度?\s*(部门|单位)(决算|预算)/g, '$1年度公开'),
      ),
    file: 'noyear.txt',
    where: `第 1–${seedLines(PROVINCE).length} 行`,
    says: /全文未找到文档的年度和类型/,
  },
  {
    what: 'a title of one kind over tables of the other',
    setup: (d) =>
      extra(d, 'kind.txt', seed(PROVINCE).replace('2024年度单位决算公开', '2024年度单位预算公开')),
    file: 'kind.txt',
    where: '第 5 行',
    says: /标题写的是“2024年度单位预算”，但文中的标准表是决算表/,
  },
  {
    what: 'a year no disclosure can have (1999)',
    setup: (d) => extra(d, 'y1999.txt', seed(PROVINCE).replaceAll('2024', '1999')),
    file: 'y1999.txt',
    where: '第 5 行',
    says: /“1999年度单位决算”中的年度 1999 不是有效的预决算年度（应在 2000–2100 之间）/,
  },
  {
    what: 'a year no disclosure can have (99999)',
    setup: (d) => extra(d, 'y99999.txt', seed(PROVINCE).replaceAll('2024', '99999')),
    file: 'y99999.txt',
    where: '第 5 行',
    says: /年度 99999 不是有效的预决算年度/,
  },
  {
    what: 'a text that never names its unit',
    setup: (d) =>
      extra(d, 'noname.txt', seed(PROVINCE).replace(/(部门|单位)名称[：:]/g, '编制单位 ')),
    file: 'noname.txt',
    where: `第 1–${seedLines(PROVINCE).length} 行`,
    says: /全文未找到“部门名称：”或“单位名称：”/,
  },
  {
    what: 'a text in sources/ not named by its content',
    setup: (d) => {
      copyFileSync(join(SOURCES, `${BUDGET}.txt`), join(d.sources, 'budget.txt'));
      return [];
    },
    file: 'sources/budget.txt',
    where: '第 5 行',
    says: /源文件应名为 datong-city-bureau-2026-budget\.txt/,
  },
  {
    what: 'a new text named like a document already ingested',
    setup: (d) => {
      withSources(d, [BUDGET]);
      return extra(d, `${BUDGET}.txt`, seed(PROVINCE));
    },
    file: `${BUDGET}.txt`,
    where: '第 5 行',
    says: /是已导入文档“大同市行政审批服务管理局 2026年度单位预算”的文件名/,
  },
  {
    what: 'a different text of a document already ingested',
    setup: (d) => {
      withSources(d, [PROVINCE]);
      return extra(d, 'revised.txt', seed(PROVINCE).replace('41639.17', '41639.18'));
    },
    file: 'revised.txt',
    where: '第 5 行',
    says: /是同一单位、年度和类型的文档（编号 shanxi-province-bureau-2024-final），但内容不同/,
  },
  {
    what: 'a folder where the bundle would be written',
    setup: (d) => {
      withSources(d, [BUDGET]);
      mkdirSync(join(d.root, `${BUDGET}.json`));
      return [];
    },
    file: `sources/${BUDGET}.txt`,
    where: '第 82 行',
    says: /数据包要写入 .*datong-city-bureau-2026-budget\.json，但那里是一个文件夹/,
    leaves: [`${BUDGET}.json`],
  },
];

/** The province text with its 公开09 (lines 366–383) printed a second time after 公开10. */
function twiceText(): string {
  const lines = seedLines(PROVINCE);
  return [...lines.slice(0, 416), ...lines.slice(365, 383), ...lines.slice(416)].join('\n');
}

function refusal(c: Case): { err: IngestError; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'refuse-'));
  const sources = join(root, 'sources');
  mkdirSync(sources);
  const extraFiles = c.setup({ root, sources });
  try {
    runIngest({ sourcesDir: sources, outDir: root, extraFiles });
  } catch (err) {
    if (err instanceof IngestError) return { err, root };
    throw err;
  }
  throw new Error(`expected the ingest to refuse: ${c.what}`);
}

describe('every refusal names the file and where in it', () => {
  it.each(CASES)('$what', (c) => {
    const { err, root } = refusal(c);
    const file = join(root, c.file);
    expect(err.message).toMatch(c.says);
    if (c.where === null) {
      expect(err.message.startsWith(`文件 ${file}：`), err.message).toBe(true);
    } else {
      expect(err.message.startsWith(`文件 ${file} ${c.where}：`), err.message).toBe(true);
    }
    // Bad input is never reported as the program's fault.
    expect(err.message).not.toMatch(/缺陷|请报告|Invalid|undefined|NaN/);
    // Nothing written: no bundle, no manifest, no source copied in.
    expect(readdirSync(root).filter((f) => /\.(json|js)$/.test(f))).toEqual(c.leaves ?? []);
    expect(readdirSync(join(root, 'sources')).filter((f) => f.endsWith('.js'))).toEqual([]);
  });
});

describe('a value the bundle schema refuses is reported on its line, in Chinese', () => {
  // No input reaches this today (the fuzzing of cut, dropped and garbled lines did not); should one,
  // the message must still point at the text, not call it the program's fault.
  const bundle = {
    fiscalYear: 2024,
    tables: [{ line: 73, rows: [{ line: 86, cells: { total: { v: '1,2', line: 87 } } }] }],
  };

  it.each([
    [['tables', 0, 'rows', 0, 'cells', 'total', 'v'], 'Invalid input', 87, '“1,2”'],
    [['tables', 0, 'rows', 0, 'label'], 'Invalid input', 86, ''],
    [['fiscalYear'], 'Too big: expected number to be <=2100', null, '“2024”'],
  ] as const)('%j', (path, zodMessage, line, shown) => {
    const r = schemaRefusal(bundle, path, zodMessage);
    expect(r.line).toBe(line);
    expect(r.detail).toBe(
      `此处读出的内容${shown}无法存入数据包（${path.join('.')}：不符合数据包的格式），请检查这一行的文字和数字；未写出任何数据包`,
    );
    expect(r.detail).not.toContain(zodMessage);
    expect(r.detail).not.toMatch(/缺陷|请报告/);
  });
});
