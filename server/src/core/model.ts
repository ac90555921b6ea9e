/**
 * The application file as TypeScript types, mirroring schemas/*.schema.json. Every field is optional
 * and every value `unknown`-safe accessors are used by rules, because rules run on documents that
 * may not pass the schema. Owns no behaviour beyond the small read helpers at the bottom.
 */

export interface Application {
  apiVersion?: string;
  application?: { date?: string };
  applicant?: Applicant;
  licence?: Licence;
  number?: NumberSection;
  usage?: Usage;
  tech?: Tech;
  schedule?: ScheduleEntry[];
  dialing?: Dialing;
  preparation?: Preparation;
  staff?: Staff;
  pledge?: Pledge;
  outbound?: Outbound;
}

export interface Applicant {
  name?: string;
  credit_code?: string;
  legal_rep?: string;
  registered_capital_cny?: number;
  address?: string;
  contact?: { name?: string; phone?: string; mobile?: string; email?: string };
  business_licence_file?: string;
  existing_numbers?: (string | number)[];
  compliance?: {
    untrustworthy_list?: boolean;
    penalties?: { date?: string; authority?: string; description?: string; number_related?: boolean; document_no?: string }[];
  };
}

export interface Licence {
  number?: string;
  holder_name?: string;
  holder_credit_code?: string;
  valid_from?: string;
  valid_until?: string;
  businesses?: { name?: string; code?: string }[];
  coverage?: string[];
  annual_reports?: { year?: number; status?: string }[];
  files?: string[];
}

export interface NumberSection {
  candidates?: (string | number)[];
  expected_billing_start?: string;
  extension?: {
    planned?: boolean;
    call_flow?: string;
    voice_prompts?: string[];
    necessity?: string;
    plan?: string;
    total_length?: number;
    variable?: boolean;
    justification?: string;
  };
  sms?: { enabled?: boolean; commercial?: boolean; description?: string };
}

export interface AreaEntry {
  province?: string;
  cities?: string[];
}

export interface Usage {
  businesses?: string[];
  area?: AreaEntry[];
  description?: string;
  customers?: { name?: string; type?: string; status?: string; description?: string }[];
  business_model?: string;
  outbound_marketing?: boolean;
  shared_number_statement?: string;
}

export interface Site {
  id?: string;
  name?: string;
  province?: string;
  city?: string;
  address?: string;
  seats?: number;
}

export interface AccessLink {
  id?: string;
  carrier?: string;
  gateway?: string;
  province?: string;
  city?: string;
  signalling?: string;
  trunks?: number;
  via?: string;
}

export interface Tech {
  traffic_forecast?: {
    busy_hour_calls?: number;
    average_handle_time_s?: number;
    service_level?: { target_percent?: number; answer_within_s?: number };
    daily_calls?: number;
    description?: string;
  };
  seats?: number;
  platform?: { mode?: string; sites?: Site[] };
  access?: { mode?: string; links?: AccessLink[] };
  network_diagram?: { file?: string; description?: string };
}

export interface ScheduleEntry {
  province?: string;
  city?: string;
  month_offset?: number;
  date?: string;
  note?: string;
}

export interface Dialing {
  needs_area_code?: boolean;
  method?: string;
  routing?: { scenario?: string; carrier?: string; site?: string; link?: string; description?: string }[];
}

export interface Preparation {
  staff?: { ready?: number; planned?: number; description?: string };
  site?: { address?: string; area_m2?: number; description?: string };
  equipment?: { name?: string; quantity?: number; status?: string; model?: string }[];
  lines?: { carrier?: string; description?: string; status?: string }[];
}

export interface Staff {
  company_experience?: string;
  core?: { name?: string; role?: string; experience_years?: number; experience?: string }[];
}

export interface Pledge {
  file?: string;
  signed_by?: string;
  sealed?: boolean;
  date?: string;
  commitments?: string[];
}

export interface Outbound {
  enabled?: boolean;
  purpose?: string[];
  pledge_file?: string;
  retention_days?: number;
  hours?: string;
  description?: string;
}

/** The value if it is a non-empty string (after trimming), else undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The value if it is a finite number, else undefined. */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The value if it is an array, else an empty array; items are not checked. */
export function list<T>(value: unknown): readonly T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** The value if it is a plain object (not an array), else undefined. */
export function obj<T extends object>(value: unknown): T | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as T) : undefined;
}
