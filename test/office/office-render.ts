/**
 * A real office suite for the office tests: converts Word files to PDF with LibreOffice headless (a
 * private profile per run, so a running instance or a stale lock cannot block it), reads every page's
 * text back with poppler's `pdftotext` (content-stream order, `-raw`), and renders the pages to PNG
 * with `pdftoppm` for a person to look at. Throws with the install hint when a tool is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const INSTALL_HINT =
  'LibreOffice Writer, poppler-utils and a CJK font are needed: bash scripts/install-office-tools.sh ' +
  '(apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk)';

function onPath(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The LibreOffice executable (`soffice` or `libreoffice`), or undefined. */
export function officeBinary(): string | undefined {
  return ['soffice', 'libreoffice'].find(onPath);
}

/** What is missing to run the office tests (empty when everything is there). */
export function missingTools(): string[] {
  const missing: string[] = [];
  if (officeBinary() === undefined) missing.push('LibreOffice (soffice)');
  for (const tool of ['pdftotext', 'pdftoppm', 'pdfinfo']) if (!onPath(tool)) missing.push(tool);
  return missing;
}

/** Converts `docxFiles` to PDF in `outDir` (one LibreOffice run); returns the PDF paths in the same order. */
export function convertToPdf(docxFiles: readonly string[], outDir: string): string[] {
  const office = officeBinary();
  if (office === undefined) throw new Error(INSTALL_HINT);
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(path.join(os.tmpdir(), 'miit95-office-profile-'));
  try {
    execFileSync(
      office,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...docxFiles],
      { stdio: 'pipe', timeout: 240_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return docxFiles.map((file) => {
    const pdf = path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`);
    if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${file}`);
    return pdf;
  });
}

export function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const match = /^Pages:\s+(\d+)/m.exec(info);
  if (match === null) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return Number(match[1]);
}

/** The text of every page of a PDF, in content-stream order. */
export function pageTexts(pdf: string): string[] {
  const pages: string[] = [];
  const count = pageCount(pdf);
  for (let page = 1; page <= count; page++)
    pages.push(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }));
  return pages;
}

/** Renders every page to `<outDir>/<name>-<page>.png` at `dpi`. */
export function renderPages(pdf: string, outDir: string, name: string, dpi = 72): void {
  mkdirSync(outDir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, path.join(outDir, name)]);
}

/** A line of text on a page with its vertical extent (points from the top). */
export interface PageLine {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly yMax: number;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** The lines of every page with their positions (`pdftotext -bbox-layout`), in pdftotext's flow order. */
export function pageLines(pdf: string): PageLine[][] {
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return xhtml.split(/<page\b/).slice(1).map((page) =>
    [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      yMax: Number(m[3]),
      text: [...m[4]!.matchAll(/<word[^>]*>([\s\S]*?)<\/word>/g)].map((w) => decodeEntities(w[1]!)).join(' '),
    })),
  );
}
