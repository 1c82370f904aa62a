/**
 * Drag-and-drop of data files anywhere on the window: a dropped file is imported like a picked one
 * and the 数据文件 view opens to show the outcome. Without this, a file dropped on the page would
 * make the browser navigate away to it.
 */
import { useEffect, useState } from 'react';
import { useAppStore } from '@/store/app-store';
import { userFileInput } from './read-file';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function WindowFileDrop() {
  const importUserFiles = useAppStore((s) => s.importUserFiles);
  const setView = useAppStore((s) => s.setView);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every child element; count them to know when it left the window.
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth += 1;
      setDragging(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      setView('data');
      void importUserFiles(files.map(userFileInput));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [importUserFiles, setView]);

  return dragging ? (
    <div className="drop-overlay" aria-hidden="true">
      <p>松开鼠标即可导入数据包（.json）或公开文本（.txt、.pdf）</p>
    </div>
  ) : null;
}
