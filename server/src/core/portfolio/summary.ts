/**
 * One application as the portfolio shows it: its state (ready / warnings / errors), the applicant,
 * the first candidate number and its annual fee, how many of the 12 materials are complete, the
 * provinces of use, and its deadlines. Computed from a validation's findings and parsed document
 * with the core's readiness (features/readiness.ts) and fee model (fees/model.ts), so the tree
 * view, the CLI table and the calendar agree with the editor. Pure: plain data out, ready to send
 * over the LSP connection or a worker's message port.
 */
import type { ParsedDocument } from '../document/parse';
import { readiness } from '../features/readiness';
import { computeFeeModel } from '../fees/model';
import type { Finding, LocalizedText } from '../types';
import { deadlinesOf, type Deadline } from './deadlines';

/** `unreadable`: the file could not be read or is not an application (see `problem`). */
export type ApplicationState = 'ready' | 'warnings' | 'errors' | 'unreadable';

export interface ApplicationSummary {
  /** The file's identity as the caller gave it (an absolute path or a URI). */
  readonly file: string;
  readonly state: ApplicationState;
  readonly errors: number;
  readonly warnings: number;
  /** Complete materials out of 12. */
  readonly materials: { readonly complete: number; readonly total: number };
  readonly applicant?: string;
  readonly applicationDate?: string;
  /** The first candidate number as written, and its annual fee when priced. */
  readonly firstCandidate?: string;
  readonly annualFee?: { readonly fen: number; readonly text: string };
  /** The provinces of `usage.area`, in file order. */
  readonly provinces: readonly string[];
  /** Nearest first (see deadlines.ts). */
  readonly deadlines: readonly Deadline[];
  /** Why the file could not be summarized, for `unreadable`. */
  readonly problem?: LocalizedText;
}

export interface SummaryInput {
  readonly file: string;
  readonly findings: readonly Finding[];
  readonly document: ParsedDocument | undefined;
  /** 'YYYY-MM-DD'. */
  readonly today: string;
  readonly windowDays?: number;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** The summary of a validated application. */
export function summarizeApplication(input: SummaryInput): ApplicationSummary {
  const value = input.document?.hasRoot === true ? input.document.value : undefined;
  const root = record(value);
  const ready = readiness(input.findings, input.document);
  const fees =
    root === undefined ? undefined : computeFeeModel({ value, findings: input.findings, today: input.today });
  const candidates = record(root?.['number'])?.['candidates'];
  const firstCandidate = Array.isArray(candidates) ? text(candidates[0]) : undefined;
  const priced = fees?.candidates[0];
  const area = record(root?.['usage'])?.['area'];
  const provinces = Array.isArray(area) ? area.flatMap((a) => text(record(a)?.['province']) ?? []) : [];
  const date = record(root?.['application'])?.['date'];
  const applicationDate = typeof date === 'string' ? date.trim() : undefined;
  const applicant = text(record(root?.['applicant'])?.['name']);
  return {
    file: input.file,
    state: ready.errors > 0 ? 'errors' : ready.warnings > 0 ? 'warnings' : 'ready',
    errors: ready.errors,
    warnings: ready.warnings,
    materials: { complete: ready.complete, total: ready.total },
    ...(applicant !== undefined ? { applicant } : {}),
    ...(applicationDate !== undefined && applicationDate !== '' ? { applicationDate } : {}),
    ...(firstCandidate !== undefined ? { firstCandidate } : {}),
    ...(priced?.annual !== undefined && priced.number === firstCandidate
      ? { annualFee: { fen: priced.annual.fen, text: priced.annual.text } }
      : {}),
    provinces,
    deadlines:
      root === undefined
        ? []
        : deadlinesOf(value, fees, {
            today: input.today,
            ...(input.windowDays !== undefined ? { windowDays: input.windowDays } : {}),
          }),
  };
}

/** The summary of a file that could not be read or validated. */
export function unreadableSummary(file: string, problem: LocalizedText): ApplicationSummary {
  return {
    file,
    state: 'unreadable',
    errors: 0,
    warnings: 0,
    materials: { complete: 0, total: 12 },
    provinces: [],
    deadlines: [],
    problem,
  };
}
