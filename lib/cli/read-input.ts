/**
 * Reading scan inputs: files, folders and stdin, refused with one clear message when they
 * are not text (missing, unreadable, binary, not UTF-8, empty, too large). HTML is reduced to
 * its visible text the way the content script reads a page.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { extractHtmlText } from '../text/extract-html';
import { CliError } from './command';

/** Larger inputs are refused: one page is never this big, and the scan holds it in memory. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md']);
export const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);

export interface ScanInput {
  /** As named on the command line ('-' for stdin). */
  file: string;
  /** The text the offsets index: the file's text, or an HTML file's visible text. */
  text: string;
  /** The HTML source, when the input was read as HTML (its markup holds the page's date). */
  html?: string;
}

export type InputFormat = 'auto' | 'text' | 'html';

/** Expands folders (recursively, .txt/.html files only, sorted) and keeps files and '-' as given. */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push(p);
      continue;
    }
    let st;
    try {
      st = await stat(p);
    } catch (e) {
      throw new CliError(`${p}: ${describeFsError(e)}`);
    }
    if (!st.isDirectory()) {
      out.push(p);
      continue;
    }
    const found = await listTextFiles(p);
    if (!found.length) throw new CliError(`${p}: directory has no .txt or .html files`);
    out.push(...found);
  }
  return out;
}

async function listTextFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new CliError(`${dir}: ${describeFsError(e)}`);
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listTextFiles(full)));
    else if (e.isFile() && (TEXT_EXTENSIONS.has(extname(e.name).toLowerCase()) || HTML_EXTENSIONS.has(extname(e.name).toLowerCase()))) out.push(full);
  }
  return out;
}

/** Reads one input (a file path or '-') into scan text, or throws a CliError naming it. */
export async function readScanInput(file: string, format: InputFormat = 'auto', stdin: NodeJS.ReadableStream = process.stdin): Promise<ScanInput> {
  const bytes = file === '-' ? await readStream(stdin) : await readFileChecked(file);
  const raw = decodeText(file, bytes);
  const html = format === 'html' || (format === 'auto' && (HTML_EXTENSIONS.has(extname(file).toLowerCase()) || (file === '-' && looksLikeHtml(raw))));
  const text = html ? extractHtmlText(raw) : raw;
  if (!text.trim()) throw new CliError(`${file}: ${html ? 'no visible text in the HTML' : 'file is empty'}`);
  return html ? { file, text, html: raw } : { file, text };
}

async function readFileChecked(file: string): Promise<Uint8Array> {
  let st;
  try {
    st = await stat(file);
  } catch (e) {
    throw new CliError(`${file}: ${describeFsError(e)}`);
  }
  if (st.isDirectory()) throw new CliError(`${file}: is a directory`);
  if (!st.isFile()) throw new CliError(`${file}: not a regular file`);
  if (st.size > MAX_INPUT_BYTES) throw new CliError(`${file}: too large (${mb(st.size)} MB; the limit is ${mb(MAX_INPUT_BYTES)} MB)`);
  try {
    return await readFile(file);
  } catch (e) {
    throw new CliError(`${file}: ${describeFsError(e)}`);
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > MAX_INPUT_BYTES) throw new CliError(`-: standard input too large (over ${mb(MAX_INPUT_BYTES)} MB)`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** UTF-8 (BOM optional) or UTF-16 with a BOM; anything else is refused as binary. */
export function decodeText(file: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new CliError(`${file}: file is empty`);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.indexOf(0) >= 0) throw new CliError(`${file}: binary file (contains NUL bytes), expected UTF-8 text or HTML`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CliError(`${file}: not valid UTF-8 text (binary, or another encoding such as GBK: convert it to UTF-8 first)`);
  }
}

function looksLikeHtml(s: string): boolean {
  const head = s.slice(0, 2048).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(body|head|p|div|table)[\s>]/.test(head);
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return `cannot read (${code ?? String(e)})`;
}

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
