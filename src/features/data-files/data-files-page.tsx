/**
 * 数据文件: the built-in bundles and the ones the user loaded from disk. Files are picked here or
 * dropped anywhere on the window (window-file-drop.tsx); each is validated, a bad one is reported
 * by file and field and changes nothing, a good one joins every view marked 用户导入 and stays in
 * browser storage until removed.
 */
import { useId } from 'react';
import type { ChangeEvent } from 'react';
import { documentLabel } from '@/data/labels';
import { useAppStore } from '@/store/app-store';
import { selectBundleStatus, selectEntries } from '@/store/selectors';
import type { BundleStatus } from '@/store/selectors';
import type { UserFile } from '@/store/types';
import { userFileInput } from './read-file';
import './data-files.css';

const DATE_FORMAT = new Intl.DateTimeFormat('zh-CN', {
  dateStyle: 'medium',
  timeStyle: 'short',
});

const STATUS_TEXT: Record<BundleStatus, string> = {
  loaded: '已加载',
  error: '加载失败',
  loading: '加载中…',
  idle: '未加载（打开时加载）',
};

function formatAdded(iso: string): string {
  const d = new Date(iso);
  return iso && !Number.isNaN(d.getTime()) ? DATE_FORMAT.format(d) : '—';
}

export function DataFilesPage() {
  const inputId = useId();
  const entries = useAppStore(selectEntries);
  const userEntries = useAppStore((s) => s.userEntries);
  const userFiles = useAppStore((s) => s.userFiles);
  const outcomes = useAppStore((s) => s.userImportOutcomes);
  const storageProblem = useAppStore((s) => s.userStorageProblem);
  const bundles = useAppStore((s) => s.bundles);
  const loadErrors = useAppStore((s) => s.loadErrors);
  const requestedIds = useAppStore((s) => s.requestedIds);
  const loadState = { bundles, loadErrors, requestedIds };
  const importUserFiles = useAppStore((s) => s.importUserFiles);

  const userIds = new Set(userEntries.map((e) => e.id));
  const builtIn = entries.filter((e) => !userIds.has(e.id));

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    // Clear first, so picking the same file again (after fixing it) fires change again.
    input.value = '';
    if (files.length > 0) void importUserFiles(files.map(userFileInput));
  };

  return (
    <section className="data-files" aria-labelledby="data-files-title">
      <h2 id="data-files-title">数据文件</h2>
      <p className="data-files-intro">
        可以导入更多数据包（由导入程序生成的 .json 文件，格式见项目中的
        src/data/bundle-format.md），或直接导入预决算公开文本（UTF-8 编码的 .txt 文件，或带文字层的
        .pdf 文件，最多 500 页），由浏览器转成数据包，并保存原文以便查看每个数字所在的页和行。
        每个文件都会先按数据格式校验：有问题的文件不会导入，并说明是哪个文件、哪个字段；已加载的数据不受影响。
        导入的数据包标记为“用户导入”，保存在本浏览器中，刷新后仍在，直到移除。
      </p>

      <div className="drop-zone">
        <label htmlFor={inputId} className="drop-zone-label">
          选择数据包或公开文本（.json、.txt、.pdf，可多选）
        </label>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json,.txt,text/plain,.pdf,application/pdf"
          multiple
          onChange={onPick}
        />
        <p className="drop-zone-hint">也可以把文件拖放到此处或窗口的任意位置。</p>
      </div>

      <ImportProgress returnFocus={() => document.getElementById(inputId)?.focus()} />

      <div className="import-outcomes" aria-live="polite">
        {outcomes.length > 0 ? (
          <>
            <h3>导入结果</h3>
            <ul>
              {outcomes.map((o, i) => (
                <li
                  key={`${o.fileName}-${i}`}
                  className={o.ok ? 'outcome-ok' : 'outcome-error'}
                  role={o.ok ? undefined : 'alert'}
                >
                  {o.ok ? '✓ ' : '✗ '}
                  {o.message}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      {storageProblem ? (
        <p className="storage-problem" role="note">
          {storageProblem}
        </p>
      ) : null}

      <h3 id="user-files-title">用户导入</h3>
      {userFiles.length === 0 ? (
        <p className="state-message">尚未导入任何文件。</p>
      ) : (
        <ul className="file-list" aria-labelledby="user-files-title">
          {userFiles.map((f) => (
            <UserFileItem
              key={f.id}
              file={f}
              focusPicker={() => document.getElementById(inputId)?.focus()}
            />
          ))}
        </ul>
      )}

      <h3 id="builtin-files-title">内置数据</h3>
      <ul className="file-list" aria-labelledby="builtin-files-title">
        {builtIn.map((e) => (
          <li key={e.id}>
            <span className="file-name">{documentLabel(e)}</span>{' '}
            <span className="file-meta">
              {e.file} · {STATUS_TEXT[selectBundleStatus(e.id)(loadState)]}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A PDF being read: page n of N, a bar, and 取消 (nothing of the PDF is stored then). */
function ImportProgress({ returnFocus }: { returnFocus: () => void }) {
  const progress = useAppStore((s) => s.userImportProgress);
  const cancel = useAppStore((s) => s.cancelUserImport);
  if (!progress) return null;
  const { fileName, page, pages } = progress;
  const label =
    pages === 0 ? `正在打开 ${fileName}…` : `正在读取 ${fileName}：第 ${page} / ${pages} 页`;
  return (
    <div className="import-progress">
      {/* Polite, and only the text: a bar's every step would be read out too. */}
      <p role="status" aria-live="polite">
        {label}
      </p>
      {pages === 0 ? (
        <progress aria-label={`${fileName} 读取进度`} />
      ) : (
        <progress aria-label={`${fileName} 读取进度`} max={pages} value={page} />
      )}
      <button
        type="button"
        onClick={() => {
          cancel();
          // The button goes with the bar: focus returns to the picker, not to <body>.
          returnFocus();
        }}
      >
        取消
      </button>
    </div>
  );
}

/**
 * One imported file. 移除 moves focus to the next file's 移除 (else the previous one's, else the
 * file picker): the button goes with its row, and focus would fall to the page.
 */
function UserFileItem({ file, focusPicker }: { file: UserFile; focusPicker: () => void }) {
  const entry = useAppStore((s) => s.userEntries.find((e) => e.id === file.id));
  const removeUserFile = useAppStore((s) => s.removeUserFile);
  const findings = useAppStore((s) => s.bundles[file.id]?.findings.length);
  return (
    <li className={file.problem ? 'file-problem' : undefined}>
      <span className="tag user-tag">用户导入</span>{' '}
      <span className="file-name">{entry ? documentLabel(entry) : file.id}</span>{' '}
      <span className="file-meta">
        {file.fileName} · 编号 {file.id}
        {findings === undefined ? '' : ` · ${findings} 条校验结果`} · 导入于{' '}
        {formatAdded(file.addedAt)}
      </span>{' '}
      <button
        type="button"
        onClick={(event) => {
          const row = event.currentTarget.closest('li');
          const next = [row?.nextElementSibling, row?.previousElementSibling]
            .map((li) => li?.querySelector<HTMLButtonElement>('button[data-remove]'))
            .find((b) => b != null);
          void removeUserFile(file.id).then(() =>
            next?.isConnected ? next.focus() : focusPicker(),
          );
        }}
        data-remove
        aria-label={`移除 ${file.fileName}`}
      >
        移除
      </button>
      {file.problem ? (
        <p className="bundle-error" role="alert">
          {file.problem}
        </p>
      ) : null}
    </li>
  );
}
