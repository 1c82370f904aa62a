/**
 * What every printed page carries in its margins: the title (dashboard and view), the selection
 * (which documents: unit, year, scope and kind), the date printed, and 第 n 页 / 共 N 页. Chromium
 * (131+) draws @page margin boxes; their text cannot come from the page, so this writes the
 * current title and selection into a <style> of @page rules whenever they change, and the date
 * again just before printing. Page numbers are plain CSS (app.css). Renders nothing itself.
 */
import { useEffect } from 'react';

interface PrintHeaderProps {
  /** "预决算对比看板 · 预算执行". */
  title: string;
  /** The documents shown, e.g. "大同市政务服务中心 2024年单位决算；…". */
  selection: string;
}

const STYLE_ID = 'print-running-header';

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;
}

/** Today as YYYY-MM-DD in local time. */
export function printDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The @page rules with the running header for this title and selection. */
export function printHeaderCss(title: string, selection: string, date: string): string {
  return (
    '@media print { @page { ' +
    `@top-left { content: ${cssString(title)} "\\A" ${cssString(`所选：${selection}`)}; } ` +
    `@top-right { content: ${cssString(`打印日期：${date}`)}; } ` +
    '} }'
  );
}

export function PrintHeader({ title, selection }: PrintHeaderProps) {
  useEffect(() => {
    let style = document.getElementById(STYLE_ID);
    if (!style) {
      style = document.createElement('style');
      style.id = STYLE_ID;
      document.head.appendChild(style);
    }
    const el = style;
    const write = () => {
      el.textContent = printHeaderCss(title, selection, printDate());
    };
    write();
    window.addEventListener('beforeprint', write);
    return () => window.removeEventListener('beforeprint', write);
  }, [title, selection]);
  return null;
}
