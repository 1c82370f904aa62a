/**
 * A picked or dropped File as the store's UserFileInput. `Blob.text()` where the browser has it,
 * else FileReader (older browsers on office PCs; jsdom). Both work from file://.
 */
import type { UserFileInput } from '@/store/types';

function readWithFileReader(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败'));
    reader.readAsText(file, 'utf-8');
  });
}

function bytesWithFileReader(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(new Uint8Array(reader.result instanceof ArrayBuffer ? reader.result : []));
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败'));
    reader.readAsArrayBuffer(file);
  });
}

export function userFileInput(file: File): UserFileInput {
  return {
    name: file.name,
    size: file.size,
    text: () => (typeof file.text === 'function' ? file.text() : readWithFileReader(file)),
    bytes: () =>
      typeof file.arrayBuffer === 'function'
        ? file.arrayBuffer().then((b) => new Uint8Array(b))
        : bytesWithFileReader(file),
  };
}
